import * as z from "zod";
import { sha256Hex } from "../../kernel/index.js";
import { QUICK_REF, QUICK_STORED_REF, QuickRegExp } from "./quick-regexp.js";

// Hex first: a hex token is never read as a handle, while about one random base64url token in
// 2.5 million splits at its - and _ into letter runs that read as one (measured: 2 of 5,000,000).
const HOW = "mint an opaque token of at least 128 bits, e.g. an HMAC of your internal id, as hex (32+ digits), a UUID or base64url";

/** The prefix of a redacted reference (`sha256:` and 64 hex digits); reserved, never a live reference. */
export const REDACTED_PREFIX = "sha256:";

// The rule as one regular expression, so that `schema.json` carries exactly what the library
// accepts (JSON Schema `pattern`, ECMA-262). Read it in parts:
const SEP = "[-_+/]";
const WORD = "(?:[A-Z][a-z]+|[a-z]{2,}|[A-Z]{2,})";
const SEGMENT = `(?:${WORD}\\d*|\\d+)`;
// Words and numbers joined by separators, at least one of them a word: "maria_silva_1985", "user-0042".
const HANDLE = `${SEP}*(?:${SEGMENT}${SEP}+)*${WORD}\\d*(?:${SEP}+${SEGMENT})*${SEP}*=*$`;
const REF_BODY = [
  "(?=.{22,128}$)", // at least 22 characters: 132 bits as base64, 88 as hex (so hex needs more, below)
  "(?![\\d_+/=-]+$)", // not a number, however punctuated (phone, tax or card numbers)
  "(?!-*(?:[0-9a-fA-F]-*){1,31}$)", // hex (a UUID included) needs 32 digits: 128 bits
  `(?:(?=[0-9a-fA-F-]+$)|(?!${HANDLE}))`, // hex holds no words; anything else must not be a handle
  "[A-Za-z0-9_+/-]+=*$", // base64 or base64url
].join("");

/**
 * The participant-reference rule as a regular expression (ECMA-262 source): what `ParticipantRef`
 * accepts and what `schema.json` publishes as its `pattern`.
 */
export const PARTICIPANT_REF_PATTERN = `^${REF_BODY}`;
/** A stored reference: a live one, or a redacted one (`sha256:` and 64 hex digits). */
export const STORED_PARTICIPANT_REF_PATTERN = `^(?:sha256:[0-9a-f]{64}$|${REF_BODY})`;

const refPattern = new QuickRegExp(PARTICIPANT_REF_PATTERN, QUICK_REF);
const storedPattern = new QuickRegExp(STORED_PARTICIPANT_REF_PATTERN, QUICK_STORED_REF);

/**
 * Why a string cannot be a participant reference, or undefined if it can. The rule, from first
 * principles: a reference must be opaque (it reads as nothing about a person) and unguessable (at
 * least 128 bits), so that its SHA-256 digest — all a redacted log or an erased person leaves
 * behind — cannot be reversed by trying candidates. Acceptance is exactly `PARTICIPANT_REF_PATTERN`;
 * the reasons name the shapes personal data takes (e-mail, phone in any notation, names and
 * handles, long numbers) so that a person can act on them. No rule can see that a camel-cased
 * string of words is a name: the rule catches mistakes, not determined misuse.
 *
 * @example
 * participantRefProblem("3q2-7wEhQ0yYx0rVqZl1mA") // undefined: 22 base64url characters, 132 bits
 * participantRefProblem("p-738291")                // "must be at least 22 characters …"
 */
export const participantRefProblem = (ref: string): string | undefined => {
  if (refPattern.test(ref)) return undefined;
  if (ref.startsWith(REDACTED_PREFIX)) return `begins with "${REDACTED_PREFIX}", which is reserved for redacted references`;
  if (ref.includes("@")) return `looks like an e-mail address; ${HOW}`;
  if (/^(?:tel|callto|sms):/iu.test(ref) || /^[\d\s().+/_=-]+$/u.test(ref)) return `looks like a phone number or another personal number; ${HOW}`;
  if (/^\p{L}[\p{L}'’ .-]*$/u.test(ref) && /[\s.'’]/u.test(ref)) return `looks like a person's name; ${HOW}`;
  if (/\s/u.test(ref)) return `must not contain spaces; ${HOW}`;
  if (!/^[A-Za-z0-9_+/-]+=*$/u.test(ref)) return `may hold only base64 or base64url characters (A–Z a–z 0–9 - _ + / and trailing =); ${HOW}`;
  if (ref.length < 22) return `must be at least 22 characters (128 bits as base64url); ${HOW}`;
  if (ref.length > 128) return "must be at most 128 characters";
  if (/^[0-9a-fA-F-]+$/u.test(ref)) return `as hexadecimal must be at least 32 digits (128 bits); ${HOW}`;
  return `looks like a name or a username; ${HOW}`;
};

// Only hex digits (and a UUID's dashes): read as hex, whose digits name the same bits in either case.
const HEX_SHAPED = /^[0-9A-Fa-f-]+$/u;
const UPPER_HEX = /[A-F]/u;
const REDACTED = /^sha256:[0-9a-f]{64}$/u;

/**
 * A participant reference in its one form, so that one person is one reference everywhere —
 * counting, erasure, `redact`, the hash view, stream names:
 * - hex, a UUID included, in lower case: `9F1C…` and `9f1c…` are the same 128 bits;
 * - base64 and base64url as given: their case carries bits (`aB` and `Ab` are different tokens). A
 *   base64url token made only of hex digits is read as hex — for a random 22-character token that
 *   happens about once in 10¹⁰; mint hex to be sure;
 * - a redacted reference (`sha256:…`) as it is;
 * - a schema-version-1 reference that the version-2 rule refuses (8–21 characters, say): a 128-bit
 *   token derived from it, the same wherever it appears, so an erasure still finds the person. Such
 *   a derivation has no secret: a short reference can be found again from it by trying candidates;
 *   re-key a version-1 log (`rekeyParticipants`) to remove that exposure.
 *
 * Commands and stored events are brought to this form when parsed, so it is also what is stored.
 *
 * @example
 * canonicalRef("9F1C2E3D-4B5A-4C6D-8E7F-0A1B2C3D4E5F") // "9f1c2e3d-4b5a-4c6d-8e7f-0a1b2c3d4e5f"
 * canonicalRef("3q2-7wEhQ0yYx0rVqZl1mA")               // unchanged: base64url keeps its case
 * canonicalRef("p_0737c0e46a6")                        // a 32-digit hex token derived from it (schema 1)
 */
export const canonicalRef = (ref: string): string => {
  // Lowercase hex and redacted forms, nearly every stored reference, are their own form: one scan.
  if (QUICK_STORED_REF.test(ref)) return ref;
  if (ref.startsWith(REDACTED_PREFIX) && REDACTED.test(ref)) return ref;
  const cased = HEX_SHAPED.test(ref) && UPPER_HEX.test(ref) ? ref.toLowerCase() : ref;
  return refPattern.test(cased) ? cased : sha256Hex(`labx-core schema-1 participant reference:${cased}`).slice(0, 32);
};

/**
 * A pseudonymous participant reference, as a command gives it: an opaque token of at least 128 bits
 * (see `participantRefProblem` for the rule), brought to its one form (`canonicalRef`: hex in lower
 * case). Anything that looks like personal data is refused with the reason.
 *
 * @example
 * ParticipantRef.parse("3q2-7wEhQ0yYx0rVqZl1mA")                 // ok (base64url, 22 characters)
 * ParticipantRef.safeParse("maria.silva@example.pt").success       // false: looks like an e-mail address
 */
export const ParticipantRef = z
  .string()
  .regex(refPattern, { error: (issue) => participantRefProblem(String(issue.input)) ?? "is not a participant reference" })
  .overwrite(canonicalRef);
/** A pseudonymous participant reference. */
export type ParticipantRef = z.infer<typeof ParticipantRef>;

/** A redacted reference: `sha256:` and the 64 hex digits of the reference's SHA-256 digest. */
export const RedactedRef = z.string().regex(REDACTED, "must be sha256: followed by 64 lowercase hex digits");

/**
 * A participant reference as stored: a live reference, or one `redact` has replaced by its digest
 * (so a redacted copy of a log still decodes). Commands never accept the redacted form.
 */
export const StoredParticipantRef = z
  .string()
  .regex(storedPattern, {
    error: (issue) => {
      const ref = String(issue.input);
      return ref.startsWith(REDACTED_PREFIX)
        ? "must be sha256: followed by 64 lowercase hex digits"
        : (participantRefProblem(ref) ?? "is not a participant reference");
    },
  })
  .overwrite(canonicalRef);
