import * as z from "zod";
import { Id, IsoUtc } from "../kernel/index.js";

/**
 * Free text, trimmed, not empty, at most `max` characters.
 *
 * @example
 * Text(200).parse("  Faster renewal of the citizen card ") // "Faster renewal of the citizen card"
 */
export const Text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/** Identifiers of projects, entities, sessions, KPIs, procurements, people on staff. */
export const ProjectId = Id;
/** An organisation's id. */
export const EntityId = Id;
/** A staff member's pseudonymous id (lead, approver). */
export const PersonId = Id;

/** A timestamp (ISO-8601 UTC). */
export const Timestamp = IsoUtc;

/** A whole number of people or things. */
export const Count = z.int("must be a whole number").min(0, "must not be negative").max(10_000_000);

/**
 * An amount of money with its ISO-4217 currency.
 *
 * @example
 * Money.parse({ amount: 25000, currency: "EUR" })
 */
export const Money = z.strictObject({
  amount: z.number().min(0, "must not be negative").max(1e12).refine(Number.isFinite, "must be a finite number"),
  currency: z.string().regex(/^[A-Z]{3}$/u, "must be an ISO-4217 code such as EUR"),
});
/** An amount of money. */
export type Money = z.infer<typeof Money>;

/** References to evidence documents (file names, URLs, registry numbers), never personal data. */
export const EvidenceRefs = z.array(Text(300)).max(50);

const HOW = "use an opaque token minted by the host, for example a keyed hash";

/**
 * A pseudonymous participant reference. It must be an opaque token (8–128 letters, digits and
 * `_ - . :`); anything that looks like an e-mail address, a phone number or a person's name is
 * refused with a reason, because the log must never hold personal data.
 *
 * @example
 * ParticipantRef.parse("p_3f9a1c7e2b")   // ok
 * ParticipantRef.safeParse("maria@example.pt").success // false: looks like an e-mail address
 */
export const ParticipantRef = z.string().superRefine((ref, ctx) => {
  const refuse = (message: string): void => {
    ctx.addIssue({ code: "custom", message });
  };
  if (ref.includes("@")) return refuse(`looks like an e-mail address; ${HOW}`);
  const digits = ref.replace(/\D/gu, "").length;
  if (/^\+?[\d\s().-]+$/u.test(ref) && digits >= 7 && digits <= 15) return refuse(`looks like a phone number; ${HOW}`);
  if (/^\p{L}[\p{L}'’ .-]*$/u.test(ref)) return refuse(`looks like a person's name; ${HOW}`);
  if (/\s/u.test(ref)) return refuse(`must not contain spaces; ${HOW}`);
  if (!/^[A-Za-z0-9_.:-]{8,128}$/u.test(ref)) return refuse(`must be 8–128 letters, digits, _ - . or :; ${HOW}`);
  if (!/\d/u.test(ref)) return refuse(`must contain a digit, as opaque tokens do (a word alone may be a name); ${HOW}`);
});
/** A pseudonymous participant reference. */
export type ParticipantRef = z.infer<typeof ParticipantRef>;
