// The generators reach everything a lab's log can hold, at ordinary run counts: a narrowed generator
// (a sector, an outcome or a year it no longer produces) fails here before it hides a bug elsewhere.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DiscontinuationReason, EntityKind, GateOutcome, PauseReason, Sector, Stage } from "../../src/lab/index.js";
import { type Envelope, labEvents, type LabEvent } from "../../src/index.js";
import { labArbitraries } from "../../src/testing/arbitraries.js";

/** Everything counted over a set of logs. */
export const reachOf = (logs: readonly (readonly Envelope<LabEvent>[])[]) => {
  const count = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const reach = {
    types: count(Object.keys(labEvents) as LabEvent["type"][]),
    outcomes: count(GateOutcome.options),
    reentered: count(Stage.options),
    sectors: count(Sector.options),
    reasons: count(DiscontinuationReason.options),
    pauses: count(PauseReason.options),
    kinds: count(EntityKind.options),
    years: new Set<string>(),
  };
  for (const log of logs) {
    const entered = new Map<string, number>();
    for (const e of log) {
      reach.types[e.type]++;
      reach.years.add(e.occurredAt.slice(0, 4));
      const stage =
        e.type === "ChallengeSubmitted" ? "challenge" : e.type === "StageEntered" ? e.data.stage : e.type === "ProjectPivoted" ? e.data.to : undefined;
      if (stage !== undefined) {
        const key = `${e.streamId}/${stage}`;
        const n = (entered.get(key) ?? 0) + 1;
        entered.set(key, n);
        if (n === 2) reach.reentered[stage]++;
      }
      if (e.type === "GateDecisionRecorded") reach.outcomes[e.data.outcome]++;
      if (e.type === "ChallengeSubmitted") reach.sectors[e.data.sector]++;
      if (e.type === "ProjectDiscontinued") reach.reasons[e.data.reasonCode]++;
      if (e.type === "ProjectPaused") reach.pauses[e.data.reason]++;
      if (e.type === "EntityRegistered") reach.kinds[e.data.kind]++;
    }
  }
  return reach;
};

describe("the generators reach everything", () => {
  it("portfolio logs: every event type, gate outcome, stage re-entered, sector, discontinuation and pause reason, entity kind, several years", () => {
    const logs = fc.sample(labArbitraries(fc).portfolioLog(3, 120), { numRuns: 120, seed: 2_017 });
    const reach = reachOf(logs);
    const never = (r: Record<string, number>) =>
      Object.entries(r)
        .filter(([, n]) => n === 0)
        .map(([k]) => k);
    console.log(
      `generator reach over 120 portfolio logs (${logs.reduce((n, l) => n + l.length, 0)} events):`,
      JSON.stringify({ ...reach, years: [...reach.years].sort() }),
    );
    expect(never(reach.types), "event types").toEqual([]);
    expect(never(reach.outcomes), "gate outcomes").toEqual([]);
    expect(never(reach.reentered), "stages re-entered").toEqual([]);
    expect(never(reach.sectors), "sectors").toEqual([]);
    expect(never(reach.reasons), "discontinuation reasons").toEqual([]);
    expect(never(reach.pauses), "pause reasons").toEqual([]);
    expect(never(reach.kinds), "registered entity kinds").toEqual([]);
    expect(reach.years.size, "calendar years").toBeGreaterThanOrEqual(3);
  }, 120_000);
});
