import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCodec, decodeJsonl, labEvents, canonicalRef } from "../../src/index.js";
import { participantRefProblem } from "../../src/lab/index.js";

const codec = createCodec(labEvents);
const v1 = readFileSync(new URL("../fixtures/v1/events.jsonl", import.meta.url), "utf8");
const beforeTerritory = readFileSync(new URL("../fixtures/v1/before-territory.jsonl", import.meta.url), "utf8");

describe("schema evolution", () => {
  const moved = ["SessionClosed", "KpiDefined", "AttendanceRecorded", "ParticipantForgotten"];
  it("SessionClosed, KpiDefined, AttendanceRecorded and ParticipantForgotten are at schema version 2", () => {
    for (const type of moved) expect(labEvents[type as keyof typeof labEvents].schemaVersion, type).toBe(2);
  });

  it("refusals written before reason codes decode as `unspecified`, their free text kept; events without a territory decode unchanged", () => {
    expect(labEvents.EntityDeclined.schemaVersion).toBe(2);
    const raw = beforeTerritory
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; data: Record<string, unknown> });
    const { events, errors } = decodeJsonl(codec, beforeTerritory);
    expect(errors).toEqual([]);
    expect(events.map((e) => e.type)).toEqual([
      "EntityDeclined",
      "EntityDeclined",
      "EntityRegistered",
      "PilotStarted",
      "AdoptionRecorded",
      "ProjectPaused",
      "SessionScheduled",
      "KpiMeasured",
      "EvaluationPublished",
      "SessionClosed",
    ]);
    events.forEach((e, i) => {
      if (e.type === "EntityDeclined") {
        expect(e.schemaVersion).toBe(2);
        expect(e.data).toEqual({ ...raw[i]?.data, reasonCode: "unspecified" });
      } else {
        // SessionScheduled moved to version 2 (trainings), then 3 (site visits), with every older session as it was; the rest only gained optional fields.
        expect(e.schemaVersion).toBe(e.type === "SessionScheduled" ? 3 : e.type === "SessionClosed" ? 2 : 1);
        expect(e.data).toEqual(raw[i]?.data);
      }
    });
  });

  it("the version 1 fixtures still decode, upgraded to version 2", () => {
    const { events, errors } = decodeJsonl(codec, v1);
    expect(errors).toEqual([]);
    expect(events).toHaveLength(8);
    for (const e of events) expect(e.schemaVersion).toBe(moved.includes(e.type) ? 2 : 1);
  });

  it("a v1 headcount keeps its number in `other`, with no businesses split out (they cannot be told apart afterwards)", () => {
    const raw = v1
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; data: { anonymousHeadcount?: { other: number } } });
    const { events } = decodeJsonl(codec, v1);
    const closed = events.filter((e) => e.type === "SessionClosed");
    const rawClosed = raw.filter((e) => e.type === "SessionClosed");
    closed.forEach((e, i) => {
      if (e.type !== "SessionClosed") return;
      expect(e.data.anonymousHeadcount.business).toBe(0);
      expect(e.data.anonymousHeadcount.other).toBe(rawClosed[i]?.data.anonymousHeadcount?.other);
    });
  });

  it("a v1 KPI gets category `unspecified`, not a guess", () => {
    const { events } = decodeJsonl(codec, v1);
    for (const e of events) if (e.type === "KpiDefined") expect(e.data.category).toBe("unspecified");
  });

  it("v1 attendance is read with the version-2 reference rule: short references become tokens derived from them, never shown raw", () => {
    const raw = v1
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; data: { attendees?: { participantRef: string }[] } });
    const rawRefs = raw.flatMap((e) => (e.type === "AttendanceRecorded" ? (e.data.attendees ?? []).map((a) => a.participantRef) : []));
    expect(rawRefs.length).toBeGreaterThan(0);
    const { events } = decodeJsonl(codec, v1);
    const refs = events.flatMap((e) => (e.type === "AttendanceRecorded" ? e.data.attendees.map((a) => a.participantRef) : []));
    expect(refs).toEqual(rawRefs.map(canonicalRef));
    for (const r of refs) expect(participantRefProblem(r)).toBeUndefined();
    for (const r of rawRefs) expect(JSON.stringify(events)).not.toContain(r);
  });

  it("a v1 event that is invalid for v1 is refused with the reason, and a v2 shape under version 1 too", () => {
    const line = v1.trim().split("\n")[0] ?? "";
    const broken = JSON.parse(line) as { data: { anonymousHeadcount: Record<string, unknown> } };
    broken.data.anonymousHeadcount.citizens = -1;
    expect(codec.decode(broken)).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    const v2shaped = JSON.parse(line) as { data: { anonymousHeadcount: Record<string, unknown> } };
    v2shaped.data.anonymousHeadcount.business = 3;
    const r = codec.decode(v2shaped);
    expect(!r.ok && r.error.message).toContain("schema version 1");
  });
});
