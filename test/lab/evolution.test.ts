import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCodec, decodeJsonl, labEvents } from "../../src/index.js";

const codec = createCodec(labEvents);
const v1 = readFileSync(new URL("../fixtures/v1/events.jsonl", import.meta.url), "utf8");

describe("schema evolution", () => {
  it("SessionClosed and KpiDefined are at schema version 2", () => {
    expect(labEvents.SessionClosed.schemaVersion).toBe(2);
    expect(labEvents.KpiDefined.schemaVersion).toBe(2);
  });

  it("the version 1 fixtures still decode, upgraded to version 2", () => {
    const { events, errors } = decodeJsonl(codec, v1);
    expect(errors).toEqual([]);
    expect(events).toHaveLength(8);
    for (const e of events) expect(e.schemaVersion).toBe(e.type === "SessionClosed" || e.type === "KpiDefined" ? 2 : 1);
  });

  it("a v1 headcount keeps its number in `other`, with no businesses split out (they cannot be told apart afterwards)", () => {
    const raw = v1.trim().split("\n").map((l) => JSON.parse(l) as { type: string; data: { anonymousHeadcount?: { other: number } } });
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
