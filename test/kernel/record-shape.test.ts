import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { looksStored, RecordShape } from "../../src/kernel/record-shape.js";

const good = {
  id: "e1",
  streamId: "project:p1",
  version: 3,
  recordedAt: "2019-02-28T10:00:00.000Z",
  prevHash: "a".repeat(64),
  hash: "0123456789abcdef".repeat(4),
  data: { anything: true },
};

// Each field replaced, now and then, by values near the edge of what the schema accepts.
const mostly = <T>(valid: fc.Arbitrary<T>, edge: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: edge }, { weight: 1, arbitrary: fc.anything() });
const edges = {
  id: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom("", "x".repeat(200), "x".repeat(201)), fc.anything()),
  streamId: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom("", "s".repeat(400), "s".repeat(401)), fc.anything()),
  version: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constantFrom(1.5, 2 ** 53, 2 ** 53 - 1, Number.NaN, Infinity, "1"), fc.anything()),
  recordedAt: fc.oneof(
    fc.constantFrom(
      "2019-02-29T10:00:00Z",
      "2020-02-29T10:00:00Z",
      "2019-13-01T00:00:00Z",
      "2019-01-01T24:00:00Z",
      "2019-01-01T10:00:00+01:00",
      "2019-01-01T10:00Z",
      "2019-01-01T10:00:00.123456789Z",
      "2019-01-01",
      " 2019-01-01T10:00:00Z",
    ),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.anything(),
  ),
  prevHash: fc.oneof(fc.constantFrom(undefined, "A".repeat(64), "a".repeat(63), "g".repeat(64), "a".repeat(64)), fc.anything()),
  hash: fc.oneof(fc.constantFrom(undefined, "f".repeat(64), "f".repeat(65)), fc.anything()),
};

describe("the record shape verify reads", () => {
  it("the fast predicate gives zod's verdict on every record, well-formed or not", () => {
    const verdicts = { accepted: 0, refused: 0 };
    const records = fc.oneof(
      fc
        .record({
          id: mostly(fc.stringMatching(/^[a-z0-9-]{1,20}$/u), edges.id),
          streamId: mostly(fc.constantFrom("project:p1", "participant:abc"), edges.streamId),
          version: mostly(fc.integer({ min: 1, max: 1000 }), edges.version),
          recordedAt: mostly(
            fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
            edges.recordedAt,
          ),
          prevHash: mostly(fc.constantFrom(undefined, "a".repeat(64)), edges.prevHash),
          hash: mostly(fc.constantFrom(undefined, "b".repeat(64)), edges.hash),
        })
        .map((over) => ({ ...good, ...over })),
      fc.anything(),
      fc.constantFrom(null, [], [good], "record", 7),
    );
    fc.assert(
      fc.property(records, (r) => {
        const zod = RecordShape.safeParse(r).success;
        expect(looksStored(r)).toBe(zod);
        verdicts[zod ? "accepted" : "refused"]++;
      }),
      { numRuns: 5_000, seed: 12 },
    );
    // Both verdicts are reached often, so agreement is tested on each.
    expect(verdicts.accepted).toBeGreaterThan(300);
    expect(verdicts.refused).toBeGreaterThan(300);
  });
});
