import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { participantRefProblem } from "../../src/lab/index.js";
import { eventLogSchema } from "../../scripts/build-schema.js";
import { DEMO_LOG } from "../../examples/demo/paths.js";

const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats.default(ajv);
const validate = ajv.compile(eventLogSchema());
const lines = (path: string | URL) =>
  readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("the published JSON Schema", () => {
  it("validates every line of the demonstration log, with a validator that is not this library", () => {
    const bad = lines(DEMO_LOG).filter((e): boolean => !validate(e));
    expect(bad.map((e) => [e.id, e.type, validate.errors?.[0]])).toEqual([]);
  });

  it("validates the schema version 1 fixtures", () => {
    for (const e of lines(new URL("../fixtures/v1/events.jsonl", import.meta.url))) expect(validate(e), String(e.type)).toBe(true);
  });

  it("rejects what the library rejects: unknown types, wrong versions, bad data, extra fields, bad dates", () => {
    const [sample] = lines(DEMO_LOG).filter((e) => e.type === "SessionClosed");
    const e = sample as Record<string, unknown> & { data: Record<string, unknown> };
    expect(validate(e)).toBe(true);
    expect(validate({ ...e, type: "Mystery" })).toBe(false);
    expect(validate({ ...e, schemaVersion: 3 })).toBe(false);
    expect(validate({ ...e, schemaVersion: 1 })).toBe(false); // v2 data under version 1
    expect(validate({ ...e, data: { ...e.data, contributions: -1 } })).toBe(false);
    expect(validate({ ...e, extra: true })).toBe(false);
    expect(validate({ ...e, occurredAt: "yesterday" })).toBe(false);
    expect(validate({ ...e, hash: "not-hex" })).toBe(false);
  });

  it("refuses text no store can keep, in the envelope and in the data, as the library does", () => {
    const [sample] = lines(DEMO_LOG).filter((e) => e.type === "ChallengeSubmitted");
    const e = sample as Record<string, unknown> & { data: Record<string, unknown> };
    expect(validate({ ...e, data: { ...e.data, title: "Citizen shops 😀 in rural parishes" } })).toBe(true);
    expect(validate({ ...e, data: { ...e.data, title: "Citizen shops\u0000" } })).toBe(false);
    expect(validate({ ...e, data: { ...e.data, problemStatement: "half an emoji: \ud83d" } })).toBe(false);
    expect(validate({ ...e, streamId: "project:\u0000" })).toBe(false);
  });
});

describe("the published JSON Schema and participant references", () => {
  const [attendance] = lines(DEMO_LOG).filter((e) => e.type === "AttendanceRecorded");
  const withRef = (participantRef: string) => {
    const e = attendance as Record<string, unknown> & { data: Record<string, unknown> & { attendees: Record<string, unknown>[] } };
    return { ...e, data: { ...e.data, attendees: [{ ...e.data.attendees[0], participantRef }] } };
  };
  it("refuses the personal data the library refuses", () => {
    for (const r of ["maria.silva@example.pt", "+351912345678", "tel:00351912345678", "maria_da_silva_santos_1985", "p-738291", `sha256:${"z".repeat(64)}`])
      expect(validate(withRef(r)), r).toBe(false);
  });
  it("agrees with the library on every reference, accepted or refused", () => {
    const token = fc.noBias(fc.uint8Array({ minLength: 16, maxLength: 32 })).map((b) => Buffer.from(b).toString("base64url"));
    const text = fc.stringMatching(/^[A-Za-z0-9@+._ :-]{1,40}$/u);
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof(token, text), (r) => {
        const library = participantRefProblem(r) === undefined;
        if (library) accepted++;
        else refused++;
        return validate(withRef(r)) === library;
      }),
      { numRuns: 5_000 },
    );
    expect(Math.min(accepted, refused)).toBeGreaterThan(1_000);
  });
});
