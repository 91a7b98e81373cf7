import type * as FC from "fast-check";
import { type Envelope, execute } from "../kernel/index.js";
import { labDecider, type LabEvent, Sector } from "../lab/index.js";
import { day, testRef } from "./commands.js";
import { fixedContext, testEntities } from "./context.js";
import { playProject, pools, type StepInput } from "./histories.js";

// The test register's organisations, registered through the entity decider, once: before any step,
// however far back it is dated (steps start on day 0 and are backdated by at most 40 days).
const registrations: Envelope<LabEvent>[] = Object.entries(testEntities).map(([entityId, f], i) => {
  const command = {
    type: "RegisterEntity",
    entityId,
    name: `Organisation ${entityId}`,
    kind: f.kind,
    sector: f.sector,
    ...(f.level === null ? {} : { level: f.level }),
  };
  const r = execute(labDecider, [], command, fixedContext({ at: day(-70 + i), actor: { id: "import", role: "system" }, newId: () => `reg-${entityId}` }));
  if (!r.ok) throw new Error(`labArbitraries: ${r.error.message}`);
  return r.value.events[0] as Envelope<LabEvent>;
});
// A participant's erasure, as the participant decider records it.
const forget = (participantRef: string, at: string): Envelope<LabEvent> => {
  const r = execute(
    labDecider,
    [],
    { type: "ForgetParticipant", participantRef },
    fixedContext({ at, actor: { id: "dpo", role: "lab_team" }, newId: () => `forget-${participantRef.slice(0, 12)}` }),
  );
  if (!r.ok) throw new Error(`labArbitraries: ${r.error.message}`);
  return r.value.events[0] as Envelope<LabEvent>;
};

/** The parts of fast-check the arbitraries use: pass `fc` (default or namespace import). */
export type FastCheck = Pick<
  typeof FC,
  "record" | "nat" | "array" | "tuple" | "constantFrom" | "oneof" | "constant" | "integer" | "boolean" | "string" | "jsonValue" | "subarray"
>;

// Several project histories interleaved as the picks say, each stream's own order kept, after the
// test register and before the erasures (a day after the last event).
const interleave = (histories: readonly Envelope<LabEvent>[][], picks: readonly number[], erased: readonly string[]): Envelope<LabEvent>[] => {
  const cursors = histories.map(() => 0);
  const out: Envelope<LabEvent>[] = [...registrations];
  const take = (k: number): void => {
    const h = histories[k] ?? [];
    const i = cursors[k] ?? 0;
    const e = h[i];
    if (e === undefined) return;
    cursors[k] = i + 1;
    out.push(e);
  };
  for (const k of picks) take(k);
  histories.forEach((h, k) => {
    while ((cursors[k] ?? 0) < h.length) take(k);
  });
  const last = out.reduce((m, e) => Math.max(m, Date.parse(e.occurredAt)), 0);
  for (const ref of erased) out.push(forget(ref, new Date(last + 86_400_000).toISOString()));
  return out;
};

// What a host's boundary must refuse, made from one valid stored event (as plain JSON).
const hostileVariations = (fc: FastCheck, json: Record<string, unknown>): FC.Arbitrary<unknown> => {
  const keys = Object.keys(json);
  return fc.oneof(
    fc
      .constantFrom(...keys)
      .chain((k) => fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.constant([]), fc.string()).map((v) => ({ ...json, [k]: v }))),
    fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(json).filter(([x]) => x !== k))),
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((k) => !keys.includes(k))
      .map((k) => ({ ...json, [k]: "extra" })),
    fc.constantFrom("id", "streamId", "type").map((k) => ({ ...json, [k]: "x".repeat(100_000) })),
    fc
      .constantFrom("__proto__", "constructor", "prototype")
      .map((k) => JSON.parse(JSON.stringify(json).replace(/^\{/u, `{"${k}":{"polluted":true},`)) as unknown),
    fc.constantFrom("2019-02-30T10:00:00Z", "2019-13-01T00:00:00Z", "yesterday", "2019-03-01", "").map((d) => ({ ...json, occurredAt: d })),
    fc.jsonValue(),
  );
};

/**
 * fast-check arbitraries for the lab, built on the `fast-check` you pass in (so this kit does not
 * load it unless you use it): generated steps, reachable project histories, whole portfolio logs,
 * any event of the catalogue that the rules produce, and hostile inputs for a host's own boundaries.
 *
 * @example
 * import fc from "fast-check";
 * const { projectHistory, hostile } = labArbitraries(fc);
 * fc.assert(fc.property(projectHistory(), (log) => project(participation, log).ok));
 */
export const labArbitraries = (fc: FastCheck) => {
  const step: FC.Arbitrary<StepInput> = fc.record({
    anyCommand: fc.nat({ max: 7 }),
    pick: fc.nat(),
    params: fc.array(fc.nat({ max: 1000 }), { minLength: 4, maxLength: 4 }),
    role: fc.nat({ max: 19 }),
    // Mostly days apart, sometimes weeks: a history spans several calendar years.
    days: fc.oneof({ arbitrary: fc.nat({ max: 3 }), weight: 4 }, fc.nat({ max: 45 })),
    // Mostly recorded as it happens; now and then recorded days or weeks after it happened.
    backdate: fc.oneof({ arbitrary: fc.constant(0), weight: 5 }, fc.integer({ min: 1, max: 40 })),
  });
  /** Steps for `playProject`. */
  const projectSteps = (maxLength = 120) => fc.array(step, { minLength: 1, maxLength, size: "max" });
  /** A reachable project history: the events of a project driven by random allowed commands, starting within the first two years. */
  const projectHistory = (projectId = "p1", maxLength = 120) =>
    fc.tuple(projectSteps(maxLength), fc.nat({ max: 730 })).map(([steps, startDay]) => playProject(steps, {}, projectId, { startDay }).history);
  /**
   * A whole lab's log: the organisations of the test register (`testEntities`) registered, several
   * project histories interleaved in a random order that keeps each stream's own order, and, at
   * the end, some of the participants erased.
   */
  const portfolioLog = (projects = 3, maxLength = 80) =>
    fc
      .tuple(fc.tuple(...Array.from({ length: projects }, (_, i) => projectHistory(`p${i + 1}`, maxLength))), fc.subarray(pools.refs, { maxLength: 2 }))
      .chain(([histories, erased]) => {
        const total = histories.reduce((n, h) => n + h.length, 0);
        return fc
          .array(fc.nat({ max: Math.max(0, projects - 1) }), { minLength: total, maxLength: total })
          .map((picks) => interleave(histories, picks, erased));
      });
  /** An organisation registered through the entity decider. */
  const registration = () =>
    fc
      .record({
        n: fc.nat({ max: 9999 }),
        kind: fc.constantFrom("public", "business", "academia", "civil_society"),
        level: fc.constantFrom("national", "regional", "local"),
        sector: fc.constantFrom(...Sector.options),
      })
      .map(({ n, kind, level, sector }) => {
        const command = { type: "RegisterEntity", entityId: `ent-${n}`, name: `Organisation ${n}`, kind, sector, ...(kind === "public" ? { level } : {}) };
        const r = execute(labDecider, [], command, fixedContext({ actor: { id: "import", role: "system" } }));
        if (!r.ok) throw new Error(`labArbitraries: ${r.error.message}`);
        return r.value.events[0] as Envelope<LabEvent>;
      });
  /** A participant erasure through the participant decider. */
  const erasure = () =>
    fc.nat({ max: 99_999 }).map((n) => {
      const r = execute(labDecider, [], { type: "ForgetParticipant", participantRef: testRef(n) }, fixedContext({ actor: { id: "dpo", role: "lab_team" } }));
      if (!r.ok) throw new Error(`labArbitraries: ${r.error.message}`);
      return r.value.events[0] as Envelope<LabEvent>;
    });
  /** Any event the rules produce, optionally of one type of the catalogue. */
  const envelope = (type?: LabEvent["type"]): FC.Arbitrary<Envelope<LabEvent>> => {
    if (type === "EntityRegistered") return registration();
    if (type === "ParticipantForgotten") return erasure();
    const fromHistory = projectHistory()
      .map((h) => (type === undefined ? h : h.filter((e) => e.type === type)))
      .filter((h) => h.length > 0)
      .chain((h) => fc.constantFrom(...(h as Envelope<LabEvent>[])));
    return type === undefined ? fc.oneof(fromHistory, fromHistory, registration(), erasure()) : fromHistory;
  };
  /**
   * Hostile variations of a valid stored event: wrong types, missing fields, extra fields, huge
   * strings, prototype keys, invalid dates — what a host's boundary must refuse without throwing.
   */
  const hostile = () => envelope().chain((e) => hostileVariations(fc, JSON.parse(JSON.stringify(e)) as Record<string, unknown>));
  return { step, projectSteps, projectHistory, portfolioLog, envelope, registration, erasure, hostile };
};
