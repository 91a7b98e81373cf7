import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCodec, labEvents, canonicalRef } from "../../src/index.js";
import { ParticipantRef, participantDecider, participantRefProblem, redactedRef } from "../../src/lab/index.js";
import { scenario } from "../../src/testing/index.js";
import { c, given, ref, steps } from "./fixtures.js";

const why = (r: string): string => participantRefProblem(r) ?? "ok";
// Uniform bytes, as an HMAC gives: fast-check's default bias towards edge cases would draw all-zero
// "tokens", which carry no entropy and which the rule rightly refuses.
const bytes = (n: number) => fc.noBias(fc.uint8Array({ minLength: n, maxLength: n }));
const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const uuid = (b: Uint8Array): string => {
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[(b[8] ?? 0) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

describe("participant references: the rule", () => {
  it("refuses none of 100,000 random 128-bit tokens as hex or UUID, and almost none as base64url or base64", () => {
    const kinds = { base64url: 0, base64: 0, hex: 0, HEX: 0, uuid: 0 };
    const refused = { base64url: 0, base64: 0 };
    const token = fc.tuple(fc.constantFrom(...(Object.keys(kinds) as (keyof typeof kinds)[])), bytes(16)).map(([kind, b]) => {
      kinds[kind]++;
      const s =
        kind === "base64url"
          ? Buffer.from(b).toString("base64url")
          : kind === "base64"
            ? Buffer.from(b).toString("base64")
            : kind === "hex"
              ? hex(b)
              : kind === "HEX"
                ? hex(b).toUpperCase()
                : uuid(b);
      return [kind, s] as const;
    });
    fc.assert(
      fc.property(token, ([kind, t]) => {
        const problem = participantRefProblem(t);
        // Hex holds no words, so it is never read as a handle. Base64 can split at - _ + / into letter
        // runs that read as one ("HH_vzlcnh0_2-MBWLLWGHA"): 2 of 5,000,000 random tokens, measured.
        if (kind === "base64url" || kind === "base64") {
          if (problem !== undefined) refused[kind]++;
          return problem === undefined || problem.startsWith("looks like a name or a username");
        }
        return problem === undefined;
      }),
      { numRuns: 100_000 },
    );
    // Every encoding was drawn thousands of times, so none of them escaped the check.
    for (const [kind, n] of Object.entries(kinds)) expect(n, kind).toBeGreaterThan(15_000);
    // At a rate of about 1 in 2.5 million, more than 2 in some 20,000 would mean the rule had changed.
    expect(refused.base64url + refused.base64).toBeLessThanOrEqual(2);
  });

  it("refuses e-mail addresses, phone numbers in every notation and names, each with its reason", () => {
    const seen = { email: 0, phone: 0, name: 0 };
    const word = fc.stringMatching(/^[a-z]{2,10}$/u);
    const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`, "u"));
    const email = fc
      .tuple(word, fc.constantFrom(".", "_", "-", ""), word, fc.constantFrom("gov.pt", "example.org", "mail.com"))
      .map(([a, sep, b, host]) => `${a}${sep}${b}@${host}`);
    const phone = fc
      .tuple(
        fc.constantFrom("+351 ", "+351", "00351", "tel:+351", "tel:00351", "(+351) ", ""),
        digits(3),
        fc.constantFrom(" ", "-", "", "."),
        digits(3),
        fc.constantFrom(" ", "-", ""),
        digits(3),
      )
      .map(([cc, a, s1, b, s2, d]) => `${cc}9${a.slice(1)}${s1}${b}${s2}${d}`);
    const name = fc
      .tuple(word, word, fc.constantFrom(" ", ".", "_", "-"), fc.option(digits(4), { nil: undefined }), fc.boolean())
      .map(([a, b, sep, year, cap]) => {
        const w = (x: string) => (cap ? x.charAt(0).toUpperCase() + x.slice(1) : x);
        return [w(a), w(b), year].filter((x) => x !== undefined).join(sep);
      });
    const personal = fc.oneof(
      email.map((x) => (seen.email++, x)),
      phone.map((x) => (seen.phone++, x)),
      name.map((x) => (seen.name++, x)),
    );
    fc.assert(
      fc.property(personal, (p) => participantRefProblem(p) !== undefined),
      { numRuns: 20_000 },
    );
    expect(Math.min(seen.email, seen.phone, seen.name)).toBeGreaterThan(5_000);
  });

  it("refuses tokens that carry no entropy", () => {
    for (const t of ["AAAAAAAAAAAAAAAAAAAAAA", "00000000000000000000000000000000", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".toUpperCase().replaceAll("A", "Q")])
      expect(why(t), t).not.toBe("ok");
  });

  it("names the reason a person can act on", () => {
    expect(why("maria.silva@gov.pt")).toMatch(/^looks like an e-mail address/);
    for (const p of ["+351 912 345 678", "00351912345678", "tel:+351912345678", "(+351) 912-345-678", "912345678"])
      expect(why(p), p).toMatch(/^looks like a phone number/);
    expect(why("Maria Silva")).toMatch(/^looks like a person's name/);
    expect(why("joão.gonçalves")).toMatch(/^looks like a person's name/);
    for (const h of ["maria_da_silva_santos_1985", "participant_000000000000738291", "Ana-Maria-Silva-Santos-Lisboa", "mariadasilvasantos1985"])
      expect(why(h), h).toMatch(/^looks like a name or a username/);
    expect(why("maria.silva.1985")).toMatch(/^may hold only base64/);
    expect(why("p-738291")).toMatch(/^must be at least 22 characters/);
    expect(why("0123456789abcdef0123456789abcd")).toMatch(/^as hexadecimal must be at least 32 digits/);
    expect(why(`sha256:${"a".repeat(64)}`)).toMatch(/reserved for redacted references/);
    expect(why("with a space inside of it, 22+")).toMatch(/^must not contain spaces/);
    expect(why("A".repeat(129))).toBe("must be at most 128 characters");
  });

  it("the published schema and the library refuse the same references", () => {
    // schema.json carries the rule as a pattern; see json-schema.test.ts for the generated file itself.
    expect(ParticipantRef.safeParse(ref(1)).success).toBe(true);
    expect(ParticipantRef.safeParse("maria.silva@example.pt").success).toBe(false);
  });
});

describe("participant references in commands and stored events", () => {
  it("a command with a personal-data reference is refused with the reason, at the attendee's path", () => {
    const e = given([...steps.inCoDesign, c.schedule()])
      .when(c.attend("s1", ["ana.sousa@example.pt"]))
      .thenError("validation_failed");
    expect(e.details).toMatchObject({ subject: "command RecordAttendance", issues: [{ path: ["attendees", 0, "participantRef"] }] });
    expect(e.message).toMatch(/looks like an e-mail address/);
  });

  it("a command cannot carry a redacted reference; a stored event can, so a redacted copy still decodes", () => {
    const redacted = redactedRef(ref(1));
    given([...steps.inCoDesign, c.schedule()])
      .when(c.attend("s1", [redacted]))
      .thenError("validation_failed");
    const e = scenario(participantDecider).given([]).when({ type: "ForgetParticipant", participantRef: redacted }).thenError("validation_failed");
    expect(e.message).toContain("reserved for redacted references");
    const codec = createCodec(labEvents);
    const stored = {
      id: "e1",
      streamId: "project:p1",
      version: 9,
      type: "AttendanceRecorded",
      schemaVersion: 2,
      occurredAt: "2019-01-01T00:00:00Z",
      recordedAt: "2019-01-01T00:00:00Z",
      actor: { id: "fa-1", role: "facilitator" },
      data: { projectId: "p1", sessionId: "s1", attendees: [{ participantRef: redacted, role: "citizen" }] },
    };
    expect(codec.decode(stored).ok).toBe(true);
  });

  it("schema-1 references that the rule now refuses are read as a token derived from them, the same wherever they appear", () => {
    expect(canonicalRef("p_0737c0e46a6")).toMatch(/^[0-9a-f]{32}$/u);
    expect(canonicalRef("p_0737c0e46a6")).toBe(canonicalRef("p_0737c0e46a6"));
    expect(canonicalRef(ref(7))).toBe(ref(7));
    const redacted = redactedRef("p_0737c0e46a6");
    expect(canonicalRef(redacted)).toBe(redacted);
  });
});
