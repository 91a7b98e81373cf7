// One person, one reference: every spelling of a reference that denotes the same token is the same
// person — to the rules, the counts, erasure and redaction — and nothing erased is left in a copy.
import { describe, expect, it } from "vitest";
import {
  canonicalRef,
  computeFigures,
  createCodec,
  decodeJsonl,
  type Envelope,
  execute,
  labDecider,
  type LabEvent,
  labEvents,
  labHashView,
  redact,
  rekeyParticipants,
  seal,
  verify,
} from "../../src/index.js";
import { sha256Hex } from "../../src/kernel/index.js";
import { redactedRef } from "../../src/lab/index.js";
import { fixedContext, must, testRef } from "../../src/testing/index.js";
import { day } from "./fixtures.js";
import { logBuilder, on, register } from "../projections/builder.js";

const lower = testRef(41); // 32 lowercase hex digits
const upper = lower.toUpperCase();
const uuid = "9f1c2e3d-4b5a-4c6d-8e7f-0a1b2c3d4e5f";
const mixedUuid = "9F1c2E3d-4B5a-4C6d-8E7f-0A1b2C3d4E5f";
const base64url = "3q2-7wEhQ0yYx0rVqZl1mA";

// A project with two sessions on days 3 and 5 (held, attended, closed), the person attending each under a given spelling.
const twoSessions = (first: string, second: string) =>
  logBuilder()
    .on(0, register("pub-owner", "public"))
    .on(1, on("pa").submit())
    .on(2, on("pa").schedule("s1", day(3)))
    .on(3, on("pa").attend("s1", [[first, "citizen"]]))
    .on(3, on("pa").close("s1"))
    .on(4, on("pa").schedule("s2", day(5)))
    .on(5, on("pa").attend("s2", [[second, "citizen"]]))
    .on(5, on("pa").close("s2"));

const everything = (events: readonly unknown[]): string => JSON.stringify(events);

describe("one canonical form per person", () => {
  it("hex and UUIDs are lower-cased at the boundary; base64url keeps its case", () => {
    expect(canonicalRef(upper)).toBe(lower);
    expect(canonicalRef(mixedUuid)).toBe(uuid);
    expect(canonicalRef(base64url)).toBe(base64url);
    expect(redactedRef(upper)).toBe(redactedRef(lower));
    expect(redactedRef(mixedUuid)).toBe(redactedRef(uuid));
    // What is stored is the one form: the attendance recorded in capitals is stored in lower case.
    const stored = twoSessions(upper, upper).events.filter((e) => e.type === "AttendanceRecorded");
    expect(everything(stored)).toContain(lower);
    expect(everything(stored)).not.toContain(upper);
  });

  for (const [name, a, b] of [
    ["upper-case hex", lower, upper],
    ["mixed-case UUID", uuid, mixedUuid],
  ] as const) {
    it(`${name}: counted once, however spelled`, () => {
      const f = must(computeFigures(twoSessions(a, b).events));
      expect(f.headline.citizens).toBe(1);
      expect(f.participation.overall.participations).toBe(2);
    });

    it(`${name}: forgotten in one spelling, refused in the other`, () => {
      const b1 = twoSessions(a, a)
        .on(6, { type: "ForgetParticipant", participantRef: a })
        .on(7, on("pa").schedule("s3", day(8)));
      expect(() => b1.on(8, on("pa").attend("s3", [[b, "citizen"]]))).toThrow(/participant_forgotten/u);
      // ForgetParticipant in the other spelling is the same erasure, already done.
      expect(() => b1.on(8, { type: "ForgetParticipant", participantRef: b })).toThrow(/participant_already_forgotten/u);
    });

    it(`${name}: redact leaves no spelling of the erased person, and the figures do not move`, () => {
      const log = twoSessions(a, b).on(6, { type: "ForgetParticipant", participantRef: b }).events;
      // A stored log written by a host that kept the spelling it was given (an older version, another tool).
      const raw = log.map((e) =>
        e.type === "AttendanceRecorded" && e.data.sessionId === "s2" ? { ...e, data: { ...e.data, attendees: [{ participantRef: b, role: "citizen" }] } } : e,
      );
      const copy = redact(raw);
      for (const spelling of new Set([a, b, a.toLowerCase(), a.toUpperCase()])) expect(everything(copy)).not.toContain(spelling);
      const decoded = decodeJsonl(createCodec(labEvents), copy.map((e) => JSON.stringify(e)).join("\n"));
      expect(decoded.errors).toEqual([]);
      expect(must(computeFigures(decoded.events)).headline).toEqual(must(computeFigures(log)).headline);
    });
  }

  it("a log sealed with the hash view still verifies once redacted, whatever the spelling", () => {
    const log = twoSessions(lower, lower).on(6, { type: "ForgetParticipant", participantRef: upper }).events;
    const sealed = seal(log, { hashView: labHashView });
    expect(verify(redact(sealed), { hashView: labHashView }).ok).toBe(true);
  });
});

describe("schema-version-1 references", () => {
  const codec = createCodec(labEvents);
  const v1 = (version: number, streamId: string, type: string, data: unknown, d: number) => ({
    id: `v1-${version}-${type}`,
    streamId,
    version,
    type,
    schemaVersion: 1,
    occurredAt: day(d),
    recordedAt: day(d),
    actor: { id: "sys", role: "system" },
    data,
  });
  const short = "p-738291";
  // A v1 log: the person attends, is forgotten, and then appears again in a later v1 attendance.
  const log = () => {
    const project = logBuilder()
      .on(0, register("pub-owner", "public"))
      .on(1, on("pa").submit())
      .on(2, on("pa").schedule("s1", day(3)))
      .on(3, on("pa").schedule("s2", day(3))).events;
    const at = project.filter((e) => e.streamId === "project:pa").length;
    const headcount = { citizens: 0, civilServants: 0, other: 0 };
    const closed = (version: number, sessionId: string, d: number) =>
      v1(version, "project:pa", "SessionClosed", { projectId: "pa", sessionId, anonymousHeadcount: headcount, contributions: 0 }, d);
    return [
      ...project.map((e) => JSON.parse(JSON.stringify(e)) as unknown),
      v1(at + 1, "project:pa", "AttendanceRecorded", { projectId: "pa", sessionId: "s1", attendees: [{ participantRef: short, role: "citizen" }] }, 3),
      closed(at + 2, "s1", 3),
      v1(1, `participant:${short}`, "ParticipantForgotten", { participantRef: short }, 4),
      v1(at + 3, "project:pa", "AttendanceRecorded", { projectId: "pa", sessionId: "s2", attendees: [{ participantRef: short, role: "citizen" }] }, 5),
      closed(at + 4, "s2", 5),
    ];
  };

  it("erased, then seen again: redacted everywhere, stream ids included, and still one person", () => {
    const stored = log();
    const decoded = decodeJsonl(codec, stored.map((x) => JSON.stringify(x)).join("\n"));
    expect(decoded.errors).toEqual([]);
    for (const copy of [redact(decoded.events), redact(stored as Envelope<LabEvent>[])]) {
      expect(everything(copy)).not.toContain(short);
      expect(copy.some((e) => e.streamId.startsWith("participant:sha256:"))).toBe(true);
    }
    const f = must(computeFigures(decoded.events));
    expect(f.participation.overall.participations).toBe(2);
    expect(f.headline.distinctParticipants).toBe(1);
  });

  it("the derived token is what an erasure finds, in any spelling the v1 log used", () => {
    expect(canonicalRef(short)).toMatch(/^[0-9a-f]{32}$/u);
    expect(canonicalRef("ABCDEF12")).toBe(canonicalRef("abcdef12"));
    expect(redactedRef(short)).toBe(redactedRef(canonicalRef(short)));
  });
});

describe("a forgotten reference cannot come back through the participant stream either", () => {
  it("ForgetParticipant names the stream by the one form", () => {
    const r = execute(labDecider, [], { type: "ForgetParticipant", participantRef: upper }, fixedContext({ actor: { id: "dpo", role: "lab_team" } }));
    expect(must(r).streamId).toBe(`participant:${lower}`);
  });
});

describe("re-keying a schema-version-1 log", () => {
  it("every reference minted again, stream ids included; the log decodes, counts the same, and is ready to seal", () => {
    const short = "p-738291";
    const stored = [
      ...logBuilder()
        .on(0, register("pub-owner", "public"))
        .on(1, on("pa").submit())
        .on(2, on("pa").schedule("s1", day(3))).events,
    ];
    const at = stored.filter((e) => e.streamId === "project:pa").length;
    const v1 = [
      ...stored,
      {
        ...stored[0],
        id: "a1",
        streamId: "project:pa",
        version: at + 1,
        type: "AttendanceRecorded",
        schemaVersion: 1,
        occurredAt: day(3),
        recordedAt: day(3),
        data: { projectId: "pa", sessionId: "s1", attendees: [{ participantRef: short, role: "citizen" }] },
      },
      {
        ...stored[0],
        id: "f1",
        streamId: `participant:${short}`,
        version: 1,
        type: "ParticipantForgotten",
        schemaVersion: 1,
        occurredAt: day(4),
        recordedAt: day(4),
        data: { participantRef: short },
      },
    ];
    const secret = "kept by the host";
    const rekeyed = must(rekeyParticipants(seal(v1 as never[]), (ref) => sha256Hex(`${secret}:${ref}`).slice(0, 32)));
    expect(JSON.stringify(rekeyed)).not.toContain(short);
    expect(rekeyed.every((e) => (e as { hash?: string }).hash === undefined)).toBe(true);
    const decoded = decodeJsonl(createCodec(labEvents), rekeyed.map((e) => JSON.stringify(e)).join("\n"));
    expect(decoded.errors).toEqual([]);
    expect(decoded.events.filter((e) => e.type === "AttendanceRecorded").map((e) => e.schemaVersion)).toEqual([2]);
    expect(verify(seal(rekeyed, { hashView: labHashView }), { hashView: labHashView }).ok).toBe(true);
    // A mint that returns something the rule refuses is refused, naming the position only.
    const bad = rekeyParticipants(v1 as never[], () => "maria.silva@example.pt");
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).not.toContain(short);
  });
});
