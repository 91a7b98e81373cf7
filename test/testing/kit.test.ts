import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCodec, type Envelope, fold, labEvents, labProjections, type Projection } from "../../src/index.js";
import { type LabProjectionsState, participation, participationFigures } from "../../src/projections/index.js";
import { type ProjectEvent, projectDecider } from "../../src/lab/index.js";
import { projectionSpec } from "../../src/testing/index.js";
import { labArbitraries } from "../../src/testing/arbitraries.js";
import { on, twoSectors } from "../projections/builder.js";
import { day, ref } from "../lab/fixtures.js";

const arb = labArbitraries(fc);
const codec = createCodec(labEvents);

describe("arbitraries", () => {
  it("project histories are reachable: every event decodes and a replay is consistent", () => {
    fc.assert(
      fc.property(arb.projectHistory("p9", 60), (history) => {
        for (const e of history) expect(codec.decode(codec.encode(e)).ok).toBe(true);
        expect(history.every((e) => e.streamId === "project:p9")).toBe(true);
        expect(history.map((e) => e.version)).toEqual(history.map((_, i) => i + 1));
        fold(projectDecider, history);
      }),
      { numRuns: 30 },
    );
  });

  it("portfolio logs interleave several projects, each stream in its own order", () => {
    fc.assert(
      fc.property(arb.portfolioLog(3, 40), (log) => {
        const last = new Map<string, number>();
        for (const e of log) {
          expect(e.version).toBe((last.get(e.streamId) ?? 0) + 1);
          last.set(e.streamId, e.version);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("envelopes of every kind of stream: entities and erasures too", () => {
    fc.assert(
      fc.property(arb.envelope("EntityRegistered"), arb.envelope("ParticipantForgotten"), (a, b) => {
        expect([a.type, a.streamId.split(":")[0], b.type, b.streamId.split(":")[0]]).toEqual([
          "EntityRegistered",
          "entity",
          "ParticipantForgotten",
          "participant",
        ]);
        expect(codec.decode(codec.encode(a)).ok && codec.decode(codec.encode(b)).ok).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it("envelopes of a given type", () => {
    fc.assert(
      fc.property(arb.envelope("StageEntered"), (e) => {
        expect(e.type).toBe("StageEntered");
      }),
      { numRuns: 10 },
    );
  });

  it("hostile inputs never make the codec throw, and are refused unless harmless", () => {
    let refused = 0;
    fc.assert(
      fc.property(arb.hostile(), (input) => {
        const r = codec.decode(input);
        if (!r.ok) {
          refused++;
          expect(r.error.message.length).toBeLessThan(2_000);
          return;
        }
        // Accepted only if harmless: what came in is a real event, equal to what it decodes to.
        expect(codec.decode(JSON.parse(JSON.stringify(codec.encode(r.value))))).toEqual({ ok: true, value: r.value });
      }),
      { numRuns: 100 },
    );
    expect(refused).toBeGreaterThan(80);
  });
});

describe("projection specs", () => {
  const A = on("pa");
  const B = on("pb");
  const log = () =>
    twoSectors()
      .on(1, A.schedule("s1", day(2)))
      .on(1, B.schedule("s1", day(2)))
      .on(2, A.attend("s1", [[ref(1), "citizen"]]))
      .on(
        2,
        B.attend("s1", [
          [ref(1), "citizen"],
          [ref(2), "citizen"],
        ]),
      )
      .on(3, A.close("s1"))
      .on(3, B.close("s1")).events;

  it("read like the rule they test, under every delivery", () => {
    projectionSpec(participation)
      .given(log())
      .then((s) => participationFigures(s).overall, { distinctParticipants: 2, participations: 3, sessionsHeld: 2 });
  });

  it("the lab projections do not care how events are delivered, on generated portfolio logs", () => {
    fc.assert(
      fc.property(arb.portfolioLog(3, 40), fc.nat(), (log, seed) => {
        // People are numbered in the order first met, which shuffling changes: participation is
        // compared by its figures, every other projection by its whole state.
        const compare = (s: LabProjectionsState) => ({ ...s, participation: participationFigures(s.participation) });
        projectionSpec(labProjections, { seed, compare }).given(log as Envelope<never>[]);
      }),
      { numRuns: 15 },
    );
  });

  it("catch a projection that counts redeliveries or depends on cross-stream order", () => {
    // Counts every event it is handed, twice-delivered ones included: wrong.
    const naive: Projection<{ n: number }, ProjectEvent> = { initialState: { n: 0 }, evolve: (s) => void s.n++ };
    const events = log() as Envelope<ProjectEvent>[];
    const runPlain = () =>
      projectionSpec(naive, { deliveries: ["in order"] })
        .given(events)
        .then((s) => s, { n: events.length });
    expect(runPlain).not.toThrow();
    // The kernel's guard applies redeliveries once, so only a wrong expectation trips this one.
    expect(() =>
      projectionSpec(naive)
        .given(events)
        .then((s) => s, { n: 1 }),
    ).toThrow(`The figures differ from those expected (- expected, + actual):\n  {\n-   "n": 1\n+   "n": ${events.length}\n  }`);
    // Keeps the order in which it saw the streams: depends on the interleaving.
    const order: Projection<{ streams: string[] }, ProjectEvent> = { initialState: { streams: [] }, evolve: (s, e) => void s.streams.push(e.streamId) };
    expect(() => projectionSpec(order, { seed: 3 }).given(events)).toThrow(/depends on delivery: "shuffled across streams" differs from "in order"/u);
  });
});
