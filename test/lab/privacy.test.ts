import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkpoint,
  computeFigures,
  createCodec,
  decodeJsonl,
  execute,
  explain,
  headsOf,
  historyOf,
  labDecider,
  labEvents,
  labHashView,
  labProjections,
  labRegister,
  live,
  project,
  projectStateAsOf,
  redact,
  registerProjection,
  renderReport,
  seal,
  type StoredRecord,
  verify,
} from "../../src/index.js";
import { fixedContext, must } from "../../src/testing/index.js";
import { show } from "../../src/testing/diff.js";
import { DEMO_LOG } from "../../examples/demo/paths.js";

const { events } = decodeJsonl(createCodec(labEvents), readFileSync(DEMO_LOG, "utf8"));

describe("privacy", () => {
  const forgotten = events.flatMap((e) => (e.type === "ParticipantForgotten" ? [e.data.participantRef] : []));
  it("the demonstration log holds erasures", () => {
    expect(forgotten.length).toBeGreaterThan(0);
  });

  it("a redacted export no longer holds the forgotten references, yet every hash verifies against the published checkpoint", () => {
    const published = checkpoint(events, { hashView: labHashView });
    for (const ref of forgotten) expect(JSON.stringify(published)).not.toContain(ref);
    const exported = redact(events, forgotten);
    const text = JSON.stringify(exported);
    for (const ref of forgotten) {
      expect(JSON.stringify(events)).toContain(ref);
      expect(text).not.toContain(ref);
    }
    expect(verify(exported, { hashView: labHashView, checkpoint: published })).toMatchObject({ ok: true });
  });

  it("the redacted export still decodes and gives the same figures", () => {
    const codec = createCodec(labEvents);
    const exported = redact(events, forgotten).map((e) => codec.decode(JSON.parse(JSON.stringify(codec.encode(e)))));
    expect(exported.every((r) => r.ok)).toBe(true);
    const decoded = exported.flatMap((r) => (r.ok ? [r.value] : []));
    expect(must(computeFigures(decoded)).headline).toEqual(must(computeFigures(events)).headline);
  });

  it("without the hash view decided up front, redaction would break the chain", () => {
    const plain = seal(events.map(({ hash: _h, prevHash: _p, ...e }) => e));
    const r = verify(redact(plain, forgotten));
    expect(!r.ok && r.error.code).toBe("hash_mismatch");
  });

  it("redacting nothing changes nothing", () => {
    expect(redact(events, [])).toEqual(events);
  });
});

describe("no forgotten reference in any output", () => {
  const codec = createCodec(labEvents);
  const text = readFileSync(DEMO_LOG, "utf8");
  const { stored } = decodeJsonl(codec, text);
  const forgotten = events.flatMap((e) => (e.type === "ParticipantForgotten" ? [e.data.participantRef] : []));
  const projects = [...new Set(events.flatMap((e) => (e.type === "ChallengeSubmitted" ? [e.data.projectId] : [])))];
  const attended = new Set(events.flatMap((e) => (e.type === "AttendanceRecorded" ? e.data.attendees.map((a) => a.participantRef) : [])));
  const clean = (what: string, output: unknown): void => {
    const textOut = typeof output === "string" ? output : show(output);
    for (const r of forgotten) expect(textOut.includes(r), `${what} holds a forgotten reference`).toBe(false);
  };

  it("the demonstration log erases people who attended sessions", () => {
    expect(forgotten.length).toBeGreaterThanOrEqual(3);
    for (const r of forgotten) expect(attended.has(r)).toBe(true);
    for (const r of forgotten) expect(text).toContain(r); // the raw log holds them: only outputs must not
  });

  it("history and state as of a date, both clocks", () => {
    for (const p of projects) {
      clean(`historyOf(${p})`, must(historyOf(events, p)));
      clean(`projectStateAsOf(${p})`, must(projectStateAsOf(events, p, { at: "2019-06-30T23:59:59Z" })));
      clean(`projectStateAsOf(${p}, recordedAt)`, must(projectStateAsOf(events, p, { at: "2020-12-31T23:59:59Z", by: "recordedAt" })));
    }
  });

  it("every projection state, live snapshots, figures, report and lineage", () => {
    clean("labProjections state", must(project(labProjections, events)).state);
    const view = live(labProjections);
    for (const e of events) view.apply(e);
    clean("live snapshot", view.snapshot());
    clean("register", must(project(registerProjection, events)).state);
    const figures = must(computeFigures(events));
    clean("figures", figures);
    clean("figures as of", must(computeFigures(events, { at: "2019-12-31T23:59:59Z", by: "recordedAt" })));
    clean("report", must(renderReport(figures, { secret: "the tests' secret: a host keeps its own, out of its code" })));
    for (const k of Object.keys(figures.headline) as (keyof typeof figures.headline)[]) clean(`explain(${k})`, must(explain(events, k)));
  });

  it("verify results and failures, a redacted copy, the checkpoint", () => {
    const published = checkpoint(stored, { hashView: labHashView });
    clean("checkpoint", published);
    clean("redacted copy", redact(events));
    const ok = verify(stored, { hashView: labHashView, checkpoint: published });
    expect(ok.ok).toBe(true);
    clean("verify", ok);
    // A new erasure stream after the checkpoint is listed by its redacted name.
    const later = seal(
      [
        {
          ...(stored.find((e) => e.type === "ParticipantForgotten") as StoredRecord),
          id: "ev-later",
          streamId: `participant:${forgotten[0]}`,
          version: 2,
          recordedAt: "2021-01-05T00:00:00.000Z",
        },
      ],
      { hashView: labHashView, heads: headsOf(stored) },
    );
    const beyond = verify([...stored, ...later], { hashView: labHashView, checkpoint: published });
    expect(beyond.ok && beyond.value.beyondCheckpoint).toHaveLength(1);
    clean("verify beyondCheckpoint", beyond);
    // An altered erasure event is reported by its redacted stream name.
    const i = stored.findIndex((e) => e.type === "ParticipantForgotten");
    const altered = stored.map((e, k) => (k === i ? { ...e, occurredAt: "2020-12-01T00:00:00.000Z" } : e));
    const broken = verify(altered, { hashView: labHashView, checkpoint: published });
    expect(broken.ok).toBe(false);
    clean("verify failure", broken);
  });

  it("a refusal to record a forgotten participant again names positions, not references", () => {
    const p = events.find((e) => e.type === "SessionScheduled");
    if (p?.type !== "SessionScheduled") throw new Error("no session in the demo log");
    const projectId = p.data.projectId;
    const history = events.filter((e) => e.streamId === `project:${projectId}`);
    const sessionId = `${projectId}-s-new`;
    const ctx = fixedContext({ at: "2021-01-10T00:00:00Z", actor: { id: "fa-01", role: "facilitator" }, register: labRegister(events) });
    const scheduled = execute(
      labDecider,
      history as never,
      { type: "ScheduleSession", projectId, sessionId, kind: "workshop", mode: "online", scheduledFor: "2021-01-09T00:00:00Z" },
      ctx,
    );
    // The project may be closed; the refusal must then be about that, and still not name anyone.
    const base = scheduled.ok ? [...history, ...scheduled.value.events] : history;
    const r = execute(
      labDecider,
      base as never,
      { type: "RecordAttendance", projectId, sessionId, attendees: forgotten.map((participantRef) => ({ participantRef, role: "citizen" })) },
      ctx,
    );
    expect(r.ok).toBe(false);
    clean("refusal", !r.ok && r.error);
  });
});
