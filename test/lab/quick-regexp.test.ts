import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PARTICIPANT_REF_PATTERN, ParticipantRef, STORED_PARTICIPANT_REF_PATTERN, StoredParticipantRef } from "../../src/lab/index.js";
import { QUICK_REF, QUICK_STORED_REF } from "../../src/lab/privacy/quick-regexp.js";

const full = new RegExp(PARTICIPANT_REF_PATTERN, "u");
const fullStored = new RegExp(STORED_PARTICIPANT_REF_PATTERN, "u");
// Every string of the quick patterns (they add only "at least one letter" to this): fast-check
// cannot generate from a look-ahead, so it generates the superset and keeps what they match.
const hex = fc.stringMatching(/^[0-9a-f]{32,128}$/u);

describe("the quick path of the participant-reference rule", () => {
  it("accepts nothing the full rule refuses: every string the quick patterns match, the full patterns match", () => {
    fc.assert(
      fc.property(
        hex.filter((s) => QUICK_REF.test(s)),
        (s) => {
          expect(full.test(s)).toBe(true);
          expect(fullStored.test(s)).toBe(true);
        },
      ),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(
        fc.oneof(hex, fc.stringMatching(/^sha256:[0-9a-f]{64}$/u)).filter((s) => QUICK_STORED_REF.test(s)),
        (s) => {
          expect(fullStored.test(s)).toBe(true);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it("the quick tests are exactly the one-step patterns they stand for, asked once or again, in any order", () => {
    const quickRef = /^(?=[0-9]{0,127}[a-f])[0-9a-f]{32,128}$/u;
    const quickStored = /^(?:sha256:[0-9a-f]{64}|(?=[0-9]{0,127}[a-f])[0-9a-f]{32,128})$/u;
    const near = fc.oneof(
      hex,
      fc.stringMatching(/^[0-9]{32,34}$/u),
      fc.stringMatching(/^sha256:[0-9a-fA-F]{63,65}$/u),
      fc.stringMatching(/^[0-9a-fA-Fg]{30,34}$/u),
      fc.constantFrom("", "sha256:", "a".repeat(129)),
      fc.string({ maxLength: 40 }),
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(near, { minLength: 1, maxLength: 4 }), (strings) => {
        for (const s of [...strings, ...strings.slice().reverse()]) {
          expect(QUICK_REF.test(s)).toBe(quickRef.test(s));
          expect(QUICK_STORED_REF.test(s)).toBe(quickStored.test(s));
          expect(QUICK_REF.test(s)).toBe(quickRef.test(s));
          if (quickStored.test(s)) accepted++;
        }
      }),
      { numRuns: 3_000, seed: 17 },
    );
    expect(accepted).toBeGreaterThan(1_000);
  });

  it("gives the full rule's verdict on any string, near-miss or not", () => {
    const verdicts = { accepted: 0, refused: 0 };
    const nearMiss = fc.oneof(
      fc.stringMatching(/^[0-9a-f]{28,36}$/u),
      fc.stringMatching(/^[0-9]{30,34}$/u),
      fc.stringMatching(/^sha256:[0-9a-fA-F]{62,66}$/u),
      fc.stringMatching(/^[A-Za-z0-9_-]{18,26}$/u),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(nearMiss, (s) => {
        const live = full.test(s);
        expect(ParticipantRef.safeParse(s).success).toBe(live);
        expect(StoredParticipantRef.safeParse(s).success).toBe(fullStored.test(s));
        verdicts[live ? "accepted" : "refused"]++;
      }),
      { numRuns: 5_000, seed: 5 },
    );
    expect(verdicts.accepted).toBeGreaterThan(500);
    expect(verdicts.refused).toBeGreaterThan(500);
  });

  it("publishes the full rule, not the quick one", () => {
    expect(JSON.stringify(StoredParticipantRef.toJSONSchema())).toContain(JSON.stringify(STORED_PARTICIPANT_REF_PATTERN).slice(1, -1));
    // Splitting with the pattern builds a plain RegExp from it (the quick one takes other arguments).
    const pattern = (ParticipantRef as unknown as { _zod: { def: { checks: { _zod: { def: { pattern: RegExp } } }[] } } })._zod.def.checks[0]?._zod.def.pattern;
    expect("x".split(pattern ?? /-/u)).toEqual(["x"]);
  });
});
