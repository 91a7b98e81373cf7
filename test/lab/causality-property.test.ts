// "Nothing happens before what it depends on", checked on generated histories by a checker written
// here from the README's causality table — not from the library's own table (`dependencies`,
// `requirements`), which it would then only repeat. Every accepted history must pass it, however
// aggressively the commands that made it were backdated; and the refusals the backdating provokes
// are counted per dependency, to show the generator reaches the rules it claims to test.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DomainError, Envelope, LabEvent } from "../../src/index.js";
import { day, playProject, type StepInput } from "../../src/testing/index.js";
import { labArbitraries } from "../../src/testing/arbitraries.js";
import { c, run, steps } from "./fixtures.js";

// The README's table (between <!-- causality:start --> and <!-- causality:end -->), copied: effect,
// what it is not dated before, how they are linked, the code a refusal carries.
const readmeTable = [
  ["ProcurementContracted", "ProcurementRequested", "procurementId", "occurred_before_cause"],
  ["ProcurementCancelled", "ProcurementRequested", "procurementId", "occurred_before_cause"],
  ["CostRecorded", "BudgetAllocated", "budgetId", "occurred_before_cause"],
  ["CostRecorded", "ProcurementRequested", "procurementId", "occurred_before_cause"],
  ["PilotEnded", "PilotStarted", "pilot", "occurred_before_cause"],
  ["EntityLeft", "PilotStarted", "pilotEntity", "occurred_before_cause"],
  ["AttendanceRecorded", "SessionScheduled", "sessionId", "occurred_before_cause"],
  ["SessionClosed", "SessionScheduled", "sessionId", "occurred_before_cause"],
  ["SessionClosed", "AttendanceRecorded", "sessionId", "closed_before_attendance"],
  ["SessionCancelled", "SessionScheduled", "sessionId", "occurred_before_cause"],
  ["SessionCancelled", "AttendanceRecorded", "sessionId", "occurred_before_cause"],
  ["KpiRedefined", "KpiDefined", "kpiId", "occurred_before_cause"],
  ["KpiMeasured", "KpiDefined", "kpiId", "occurred_before_cause"],
  ["KpiMeasurementCorrected", "KpiMeasured", "correctsEventId", "occurred_before_cause"],
  ["AdoptionStatusChanged", "AdoptionRecorded", "entityId", "occurred_before_cause"],
  ["AdoptionStatusChanged", "AdoptionStatusChanged", "entityId", "occurred_before_cause"],
  ["AdoptionStatusChanged (its goLiveAt)", "AdoptionRecorded", "entityId", "occurred_before_cause"],
  ["EntityLeft", "EntityJoined", "entityId", "occurred_before_cause"],
  ["EntityJoined", "EntityLeft", "entityId", "occurred_before_cause"],
  ["EntityJoined", "EntityDeclined", "entityId", "occurred_before_cause"],
  ["EntityDeclined", "EntityLeft", "entityId", "occurred_before_cause"],
  ["ProjectResumed", "ProjectPaused", "project", "occurred_before_pause"],
  ["ProjectPaused", "ProjectResumed", "project", "occurred_before_cause"],
  ["ProjectDiscontinued", "ProjectPaused", "project", "occurred_before_cause"],
  ["ProjectDiscontinued", "ProjectResumed", "project", "occurred_before_cause"],
  ["GateDecisionRecorded", "GateDecisionRecorded", "stay", "occurred_before_cause"],
  ["StageEntered", "GateDecisionRecorded", "stay", "occurred_before_decision"],
  ["ProjectPivoted", "GateDecisionRecorded", "stay", "occurred_before_decision"],
  ["ProjectMainstreamed", "GateDecisionRecorded", "stay", "occurred_before_decision"],
  // The rows whose cause is a state of the lab ("linked by" —).
  ["EvaluationPublished", "a pilot of the stay in pilot started", "—", "occurred_before_cause"],
  ["PilotStarted", "its sponsor committed", "—", "occurred_before_cause"],
  ["PilotStarted", "each of its entities joined the project (the owner, since the challenge)", "—", "occurred_before_cause"],
  ["GateDecisionRecorded", "a go or conditional go: every requirement of its gate met", "—", "occurred_before_cause"],
  ["ChallengeSubmitted", "a replication: its origin's challenge accepted", "—", "occurred_before_cause"],
  ["AttendanceRecorded", "the session's scheduled time came", "—", "session_not_held_yet"],
  ["SessionClosed", "the session's scheduled time came", "—", "session_not_held_yet"],
  ["ChallengeSubmitted", "its owner registered", "—", "occurred_before_cause"],
  ["EntityJoined", "the organisation registered", "—", "occurred_before_cause"],
  ["EntityDeclined", "the organisation registered", "—", "occurred_before_cause"],
  ["ProcurementContracted", "the supplier registered", "—", "occurred_before_cause"],
  ["GateDecisionRecorded", "the approvers' organisations registered", "—", "occurred_before_cause"],
  ["AttendanceRecorded", "the attendees' organisations registered", "—", "occurred_before_cause"],
  ["PilotStarted", "its entities registered", "—", "occurred_before_cause"],
  ["AdoptionRecorded", "the adopter registered", "—", "occurred_before_cause"],
] as const;
const causalCodes = new Set<string>(readmeTable.map((r) => r[3]));

type Event = Envelope<LabEvent>;
// Field access without narrowing every event type: the checker reads data by name, as the table does.
type Data = Record<string, unknown>;
const data = (e: Event): Data => e.data as Data;
const str = (e: Event, field: string): string | undefined => {
  const v = data(e)[field];
  return typeof v === "string" ? v : undefined;
};
const ms = (instant: string): number => Date.parse(instant);

/** One dependency found in a history: `effect` (dated `effectAt`) depends on `cause` (dated `causeAt`). */
interface Link {
  /** The pair, as this file names it: `Effect ← Cause`. */
  readonly pair: string;
  readonly effect: Event;
  readonly effectAt: string;
  readonly causeAt: string;
  readonly causeId?: string;
}

// How an event of the table's "linked by" column finds its earlier causes.
const linkedBy: Record<string, (e: Event, c: Event) => boolean> = {
  procurementId: (e, c) => str(e, "procurementId") !== undefined && str(e, "procurementId") === str(c, "procurementId"),
  budgetId: (e, c) => str(e, "budgetId") === str(c, "budgetId"),
  sessionId: (e, c) => str(e, "sessionId") === str(c, "sessionId"),
  kpiId: (e, c) => str(e, "kpiId") === str(c, "kpiId"),
  entityId: (e, c) => str(e, "entityId") === str(c, "entityId"),
  pilotEntity: (e, c) => ((data(c).entityIds as string[] | undefined) ?? []).includes(str(e, "entityId") ?? "\u0000"),
  correctsEventId: (e, c) => str(e, "correctsEventId") === c.id,
  project: () => true,
};
const linkedRows = readmeTable.filter(([, , by]) => by in linkedBy || by === "pilot" || by === "stay");
const stayBoundary = new Set(["ChallengeSubmitted", "StageEntered", "ProjectPivoted"]);
const enteredStage = (e: Event): string | undefined => (e.type === "StageEntered" ? str(e, "stage") : e.type === "ProjectPivoted" ? str(e, "to") : undefined);

/** What the checker tracks while reading one project's stream in record order. */
interface StreamState {
  /** Events since the current stay began (its boundary event included). */
  stay: Event[];
  /** Events since the project last entered pilot. */
  pilotStay: Event[];
  /** Pilots running in the current stay, by pilotId ("" for an unnamed one). */
  running: Map<string, Event>;
  /** The join that began each organisation's current membership, and the one that began its current sponsorship. */
  member: Map<string, Event>;
  sponsor: Map<string, Event>;
  submitted?: Event;
}

const link = (pair: string, effect: Event, effectAt: string, cause: Event | { occurredAt: string; id?: undefined }): Link => ({
  pair,
  effect,
  effectAt,
  causeAt: cause.occurredAt,
  ...(cause.id === undefined ? {} : { causeId: cause.id }),
});

// The rows linked by an id, the project, or the stay: every earlier cause of the row's type.
const linkedLinks = (e: Event, earlier: readonly Event[], s: StreamState): Link[] => {
  const out: Link[] = [];
  for (const [effect, cause, by] of linkedRows) {
    const goLive = effect === "AdoptionStatusChanged (its goLiveAt)";
    if (e.type !== (goLive ? "AdoptionStatusChanged" : effect)) continue;
    const at = goLive ? str(e, "goLiveAt") : e.occurredAt;
    if (at === undefined) continue;
    const pair = `${effect} ← ${cause}`;
    if (by === "pilot") {
      const ended = str(e, "pilotId") ?? (s.running.size === 1 ? [...s.running.keys()][0] : "");
      const started = s.running.get(ended ?? "");
      if (started !== undefined) out.push(link(pair, e, at, started));
      continue;
    }
    const pool = by === "stay" ? s.stay : earlier;
    const match = linkedBy[by] ?? (() => true);
    for (const c of pool) if (c.type === cause && c !== e && match(e, c)) out.push(link(pair, e, at, c));
  }
  return out;
};

// Did the session have citizens: identified ones recorded before `close`, or an anonymous count?
const withCitizens = (sessionId: string | undefined, close: Event, earlier: readonly Event[]): boolean =>
  ((data(close).anonymousHeadcount as { citizens?: number } | undefined)?.citizens ?? 0) > 0 ||
  earlier.some(
    (x) =>
      x.type === "AttendanceRecorded" &&
      str(x, "sessionId") === sessionId &&
      ((data(x).attendees as { role: string }[] | undefined) ?? []).some((a) => a.role === "citizen"),
  );

/**
 * A go or conditional go may not be dated before the requirements of its gate held. Read leniently
 * where the README leaves room ("at least one …" is met by the earliest; a procurement or pilot that
 * began after the go does not hold it back), so that a failure here is a rule broken, not a reading.
 */
const requirementLinks = (e: Event, earlier: readonly Event[], s: StreamState): Link[] => {
  const outcome = str(e, "outcome");
  if (e.type !== "GateDecisionRecorded" || (outcome !== "go" && outcome !== "conditional_go")) return [];
  const at = e.occurredAt;
  const gate = str(e, "gate");
  const out: Link[] = [];
  const earliest = (pair: string, causes: readonly Event[]): void => {
    const first = [...causes].sort((a, b) => ms(a.occurredAt) - ms(b.occurredAt))[0];
    // None at all: the go was accepted without the requirement — a violation the check reports as a cause dated at the end of time.
    out.push(first === undefined ? link(pair, e, at, { occurredAt: "9999-12-31T23:59:59.999Z" }) : link(pair, e, at, first));
  };
  earliest("GateDecisionRecorded ← requirement sponsor_committed", [...s.sponsor.values()]);
  if (gate === "G1")
    earliest(
      "GateDecisionRecorded ← requirement challenge_accepted",
      earlier.filter((x) => x.type === "ChallengeAccepted"),
    );
  if (gate === "G2") {
    const kinds = new Map(earlier.filter((x) => x.type === "SessionScheduled").map((x) => [str(x, "sessionId"), str(x, "kind")]));
    const sessions = earlier.filter(
      (x) => x.type === "SessionClosed" && kinds.get(str(x, "sessionId")) !== "training" && withCitizens(str(x, "sessionId"), x, earlier),
    );
    earliest("GateDecisionRecorded ← requirement citizen_session_closed", sessions);
    earliest(
      "GateDecisionRecorded ← requirement kpi_with_baseline_and_target",
      earlier.filter((x) => x.type === "KpiDefined"),
    );
    for (const r of earlier.filter((x) => x.type === "ProcurementRequested" && ms(x.occurredAt) <= ms(at))) {
      const settled = earlier.filter((x) => (x.type === "ProcurementContracted" || x.type === "ProcurementCancelled") && linkedBy.procurementId?.(x, r));
      earliest("GateDecisionRecorded ← requirement procurements_settled", settled);
    }
  }
  if (gate === "G3") {
    for (const p of s.pilotStay.filter((x) => x.type === "PilotStarted" && ms(x.occurredAt) <= ms(at))) {
      const name = str(p, "pilotId");
      const after = s.pilotStay.slice(s.pilotStay.indexOf(p) + 1);
      // Its end: the next PilotEnded naming it, or an unnamed one (several unnamed pilots cannot run at once).
      const end = after.find((x) => x.type === "PilotEnded" && (str(x, "pilotId") === name || str(x, "pilotId") === undefined));
      earliest("GateDecisionRecorded ← requirement pilot_ended", end === undefined ? [] : [end]);
    }
    const good = earlier.filter((x) => x.type === "EvaluationPublished" && (str(x, "outcome") === "success" || str(x, "outcome") === "partial"));
    earliest("GateDecisionRecorded ← requirement evaluation_success_or_partial", good);
  }
  if (gate === "G4")
    earliest(
      "GateDecisionRecorded ← requirement adoption_recorded",
      earlier.filter((x) => x.type === "AdoptionRecorded"),
    );
  return out;
};

// The other rows whose cause is a state: a pilot started, a sponsor or entity joined, a session's time.
const stateLinks = (e: Event, earlier: readonly Event[], s: StreamState): Link[] => {
  const out: Link[] = [];
  if (e.type === "EvaluationPublished") {
    const first = s.pilotStay.filter((x) => x.type === "PilotStarted").sort((a, b) => ms(a.occurredAt) - ms(b.occurredAt))[0];
    if (first !== undefined) out.push(link("EvaluationPublished ← PilotStarted (a pilot of the stay)", e, e.occurredAt, first));
  }
  if (e.type === "PilotStarted") {
    const sponsors = [...s.sponsor.values()].sort((a, b) => ms(a.occurredAt) - ms(b.occurredAt));
    const first = sponsors[0];
    out.push(link("PilotStarted ← EntityJoined (its sponsor committed)", e, e.occurredAt, first ?? { occurredAt: "9999-12-31T23:59:59.999Z" }));
    const owner = str(s.submitted ?? e, "ownerEntityId");
    for (const id of (data(e).entityIds as string[] | undefined) ?? []) {
      const joined = id === owner ? s.submitted : s.member.get(id);
      out.push(link("PilotStarted ← EntityJoined (each of its entities)", e, e.occurredAt, joined ?? { occurredAt: "9999-12-31T23:59:59.999Z" }));
    }
  }
  if (e.type === "AttendanceRecorded" || e.type === "SessionClosed") {
    const scheduled = earlier.find((x) => x.type === "SessionScheduled" && str(x, "sessionId") === str(e, "sessionId"));
    const time = scheduled === undefined ? undefined : str(scheduled, "scheduledFor");
    if (time !== undefined) out.push(link(`${e.type} ← SessionScheduled (scheduledFor)`, e, e.occurredAt, { occurredAt: time }));
  }
  return out;
};

// After an event: what the checker remembers of the stream.
const remember = (e: Event, s: StreamState): void => {
  if (stayBoundary.has(e.type)) {
    s.stay = [];
    s.running.clear();
    if (enteredStage(e) === "pilot") s.pilotStay = [];
  }
  s.stay.push(e);
  s.pilotStay.push(e);
  const entity = str(e, "entityId") ?? "";
  switch (e.type) {
    case "ChallengeSubmitted":
      s.submitted = e;
      break;
    case "PilotStarted":
      s.running.set(str(e, "pilotId") ?? "", e);
      break;
    case "PilotEnded": {
      const named = str(e, "pilotId") ?? (s.running.size === 1 ? [...s.running.keys()][0] : "");
      s.running.delete(named ?? "");
      break;
    }
    case "EntityJoined":
      if (!s.member.has(entity)) s.member.set(entity, e);
      if (str(e, "role") === "sponsor" && !s.sponsor.has(entity)) s.sponsor.set(entity, e);
      break;
    case "EntityLeft":
      s.member.delete(entity);
      s.sponsor.delete(entity);
      break;
  }
};

// Organisations an event names, for the rows "… registered".
const named = (e: Event): string[] => {
  const d = data(e);
  switch (e.type) {
    case "ChallengeSubmitted":
      return [str(e, "ownerEntityId") ?? ""];
    case "EntityJoined":
    case "EntityDeclined":
    case "AdoptionRecorded":
      return [str(e, "entityId") ?? ""];
    case "ProcurementContracted":
      return [str(e, "supplierEntityId") ?? ""];
    case "GateDecisionRecorded":
      return ((d.approvers as { entityId?: string }[] | undefined) ?? []).flatMap((a) => (a.entityId === undefined ? [] : [a.entityId]));
    case "AttendanceRecorded":
      return ((d.attendees as { affiliationEntityId?: string }[] | undefined) ?? []).flatMap((a) =>
        a.affiliationEntityId === undefined ? [] : [a.affiliationEntityId],
      );
    case "PilotStarted":
      return (d.entityIds as string[] | undefined) ?? [];
    default:
      return [];
  }
};

/**
 * Every dependency of every event of a log (in record order): each project stream read on its own,
 * and, when the log holds the register's events, every organisation named against its registration
 * and every replication against its origin's acceptance.
 */
const dependenciesOf = (log: readonly Event[]): Link[] => {
  const links: Link[] = [];
  const streams = new Map<string, { state: StreamState; events: Event[] }>();
  const registered = new Map<string, Event>();
  const accepted = new Map<string, Event>();
  for (const e of log) {
    if (e.type === "EntityRegistered") registered.set(str(e, "entityId") ?? "", e);
    if (e.type === "ParticipantForgotten" || e.type === "EntityRegistered") continue;
    const stream: { state: StreamState; events: Event[] } = streams.get(e.streamId) ?? {
      state: { stay: [], pilotStay: [], running: new Map(), member: new Map(), sponsor: new Map() },
      events: [],
    };
    streams.set(e.streamId, stream);
    links.push(
      ...linkedLinks(e, stream.events, stream.state),
      ...requirementLinks(e, stream.events, stream.state),
      ...stateLinks(e, stream.events, stream.state),
    );
    if (registered.size > 0)
      for (const id of named(e)) {
        const r = registered.get(id);
        if (r !== undefined) links.push(link(`${e.type} ← EntityRegistered`, e, e.occurredAt, r));
      }
    const origin = str(e, "replicationOf");
    const originAccepted = origin === undefined ? undefined : accepted.get(origin);
    if (originAccepted !== undefined) links.push(link("ChallengeSubmitted ← ChallengeAccepted (its origin)", e, e.occurredAt, originAccepted));
    if (e.type === "ChallengeAccepted") accepted.set(str(e, "projectId") ?? "", e);
    remember(e, stream.state);
    stream.events.push(e);
  }
  return links;
};

/** The dependencies of a log that are broken: an event dated before what it depends on. */
const violations = (log: readonly Event[], which: (pair: string) => boolean = () => true): string[] =>
  dependenciesOf(log)
    .filter((l) => which(l.pair) && ms(l.causeAt) > ms(l.effectAt))
    .map((l) => `${l.pair}: ${l.effect.id} (${l.effect.streamId}) dated ${l.effectAt}, its cause ${l.causeId ?? "(a state)"} ${l.causeAt}`);

/**
 * The pairs whose dependency the checker would miss if it were broken: the first instance of each
 * pair in the history, with its effect moved to a millisecond before its cause. The rows read
 * leniently (a procurement or a pilot that began after the go is not held against it) are left out:
 * moving the go before such a cause may also move it before the procurement's or pilot's start.
 */
const missedWhenBroken = (history: readonly Event[]): string[] => {
  const lenient = ["GateDecisionRecorded ← requirement procurements_settled", "GateDecisionRecorded ← requirement pilot_ended"];
  const first = new Map<string, Link>();
  for (const l of dependenciesOf(history)) if (!first.has(l.pair) && !lenient.includes(l.pair) && !l.causeAt.startsWith("9999")) first.set(l.pair, l);
  return [...first.values()]
    .filter((l) => {
      const moved = new Date(ms(l.causeAt) - 1).toISOString();
      const broken = history.map((e) =>
        e !== l.effect ? e : l.pair.includes("goLiveAt") ? ({ ...e, data: { ...data(e), goLiveAt: moved } } as unknown as Event) : { ...e, occurredAt: moved },
      );
      return !violations(broken).some((v) => v.startsWith(`${l.pair}:`));
    })
    .map((l) => l.pair);
};

// The pairs the checker can check, and which a generator cannot reach (with why).
const checkable = [
  ...linkedRows.map(([effect, cause]) => `${effect} ← ${cause}`),
  "EvaluationPublished ← PilotStarted (a pilot of the stay)",
  "PilotStarted ← EntityJoined (its sponsor committed)",
  "PilotStarted ← EntityJoined (each of its entities)",
  "AttendanceRecorded ← SessionScheduled (scheduledFor)",
  "SessionClosed ← SessionScheduled (scheduledFor)",
  ...["sponsor_committed", "challenge_accepted", "citizen_session_closed", "kpi_with_baseline_and_target", "procurements_settled", "pilot_ended"].map(
    (r) => `GateDecisionRecorded ← requirement ${r}`,
  ),
  "GateDecisionRecorded ← requirement evaluation_success_or_partial",
  "GateDecisionRecorded ← requirement adoption_recorded",
];
// Reached only in portfolio logs, which hold the register's events.
const registrationPairs = [
  "ChallengeSubmitted",
  "EntityJoined",
  "EntityDeclined",
  "ProcurementContracted",
  "AttendanceRecorded",
  "PilotStarted",
  "AdoptionRecorded",
].map((t) => `${t} ← EntityRegistered`);
const isRegistration = (pair: string): boolean => pair.endsWith("← EntityRegistered");
// Not reached by any generator here: the generators never name an approver's organisation
// (GateDecisionRecorded ← EntityRegistered) nor submit a replication (ChallengeSubmitted ← ChallengeAccepted).

// Steps whose commands are backdated harder than the kit's: days or weeks before the step's day, by
// hours, or to exactly the time an earlier step's command was dated (often its cause), or three hours
// before that. Hours are eighths of a day, so every instant is exact to the millisecond.
type Perturb = { kind: "none" } | { kind: "days" | "weeks" | "hours"; n: number } | { kind: "equal"; back: number; hoursBefore: 0 | 3 };
const { step, projectHistory, portfolioLog } = labArbitraries(fc);
const perturb: fc.Arbitrary<Perturb> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "none" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("days" as const), n: fc.integer({ min: 1, max: 7 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("weeks" as const), n: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("hours" as const), n: fc.integer({ min: 1, max: 7 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("equal" as const), back: fc.integer({ min: 1, max: 4 }), hoursBefore: fc.constantFrom(0 as const, 3 as const) }),
  },
);
// The kit's steps, driven towards the next gate more often than the kit's own mix, so that more
// projects reach scale and record adoptions and their changes.
const mode = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 2 }) }, { weight: 3, arbitrary: fc.integer({ min: 3, max: 7 }) }, fc.constant(0));
const perturbedSteps = fc
  .tuple(fc.array(fc.tuple(step, perturb, mode), { minLength: 1, maxLength: 120, size: "max" }), fc.nat({ max: 730 }))
  .map(([drawn, startDay]) => {
    // playProject dates step i at day(t_i), t_i = startDay + the days of steps 0..i, and its command at day(t_i - backdate).
    const t: number[] = [];
    const dated: number[] = [];
    const steps: StepInput[] = drawn.map(([s, p, anyCommand], i) => {
      t[i] = (t[i - 1] ?? startDay) + s.days;
      const now = t[i] ?? 0;
      const j = p.kind === "equal" ? i - p.back : -1;
      const backdate =
        p.kind === "days"
          ? p.n
          : p.kind === "weeks"
            ? 7 * p.n
            : p.kind === "hours"
              ? (3 * p.n) / 24
              : p.kind === "equal" && j >= 0
                ? now - (dated[j] ?? now) + p.hoursBefore / 24
                : 0;
      dated[i] = now - backdate;
      return { ...s, anyCommand, backdate };
    });
    return { steps, startDay };
  });

const causalRefusal = (error: DomainError): { effect: string; cause: string } | undefined => {
  const d = error.details as { effect?: unknown; cause?: unknown } | undefined;
  return causalCodes.has(error.code) && typeof d?.effect === "string" && typeof d.cause === "string" ? { effect: d.effect, cause: d.cause } : undefined;
};
const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
const table = (m: Map<string, number>): string =>
  [...m.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k}: ${n}`)
    .join("; ");

describe("nothing is dated before what it depends on (the README's causality table, checked independently)", () => {
  it("the checker sees a broken dependency: an event dated before its cause fails it, one dated at it passes", () => {
    // A real history (the request on day 5, the contract on day 6), then the contract moved by hand.
    const history = run([...steps.inCoDesign, c.request(), c.contract()]) as Event[];
    const moved = (at: string) => history.map((e) => (e.type === "ProcurementContracted" ? { ...e, occurredAt: at } : e));
    expect(violations(history)).toEqual([]);
    expect(violations(moved(day(5)))).toEqual([]);
    expect(violations(moved("2018-01-05T23:59:59.999Z"))).toEqual([expect.stringMatching(/^ProcurementContracted ← ProcurementRequested: /u)]);
    // Only earlier events are causes: a request recorded after the contract is not one.
    expect(violations([...moved(day(4))].reverse().filter((e) => e.type.startsWith("Procurement")))).toEqual([]);
  });

  it("project histories from labArbitraries keep every dependency", () => {
    fc.assert(
      fc.property(projectHistory("p1", 120), (history) => {
        expect(violations(history)).toEqual([]);
      }),
      { numRuns: 150, seed: 20_180_101 },
    );
  });

  it("portfolio logs keep every dependency within each project", () => {
    const present = new Map<string, number>();
    fc.assert(
      fc.property(portfolioLog(3, 60), (log) => {
        expect(violations(log, (pair) => !isRegistration(pair))).toEqual([]);
        for (const pair of new Set(dependenciesOf(log).map((l) => l.pair))) bump(present, pair);
      }),
      { numRuns: 60, seed: 20_180_102 },
    );
    // The rows "… registered" are found in these logs (and checked by the next test).
    expect(registrationPairs.filter((p) => (present.get(p) ?? 0) === 0)).toEqual([]);
  });

  // Fails today: a bug in the kit's portfolioLog, not in the rules. It registers the test
  // organisations on day -30 to day -21 (2017-12-02 onwards), but plays each project against the
  // test register (registered in 2000), starting on day 0 or later with commands backdated up to 40
  // days — so a project may name an organisation (its owner, at least) before the log registers it.
  // A host that keeps its register from the log (labRegister) would refuse those commands.
  it("portfolio logs name no organisation before the log registers it", () => {
    fc.assert(
      // The property is over the violations found, so that a counterexample shows them rather than the whole log.
      fc.property(
        portfolioLog(3, 10).map((log) => violations(log, isRegistration)),
        (found) => {
          expect(found).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 2024 },
    );
  });

  it("aggressively backdated commands: every accepted history passes, and the refusals reach the table", () => {
    const refused = new Map<string, number>();
    const present = new Map<string, number>();
    const codes = new Map<string, number>();
    let perturbedRefusals = 0;
    let runs = 0;
    fc.assert(
      fc.property(perturbedSteps, ({ steps, startDay }) => {
        const { history } = playProject(
          steps,
          {
            onRefused: ({ command, error }) => {
              const r = causalRefusal(error);
              if (r === undefined || !("occurredAt" in command && command.occurredAt !== undefined)) return;
              perturbedRefusals++;
              bump(refused, `${r.effect} ← ${r.cause}`);
              bump(codes, `${r.effect} ← ${r.cause} [${error.code}]`);
            },
          },
          "p1",
          { startDay },
        );
        expect(violations(history)).toEqual([]);
        for (const pair of new Set(dependenciesOf(history).map((l) => l.pair))) bump(present, pair);
        // Now and then, that the checker would have seen each of those dependencies broken.
        if (++runs % 10 === 0) expect(missedWhenBroken(history)).toEqual([]);
      }),
      { numRuns: 1500, seed: 20_190_304 },
    );
    console.log(`causality reach — histories containing each pair: ${table(present)} | refused perturbed commands (${perturbedRefusals}): ${table(codes)}`);

    // Reach in accepted histories: every pair the checker can check on a project's stream.
    expect(checkable.filter((p) => (present.get(p) ?? 0) === 0)).toEqual([]);
    // Each refusal of a row linked by an id, the project or the stay carries the table's code.
    const wrongCode = [...codes.keys()].filter((k) => {
      const row = linkedRows.find(([effect, cause]) => k.startsWith(`${effect} ← ${cause} [`));
      return row !== undefined && k !== `${row[0]} ← ${row[1]} [${row[3]}]`;
    });
    expect(wrongCode).toEqual([]);
    // Most of those rows were refused at least once (26 of 29 with this seed). Not refused: a go-live
    // date before its adoption (the go-live date is not the command's occurredAt, and the generator
    // dates it on the step's day or later), and, being rare, a second status change dated before the
    // first (two changes of one adoption, in scale) and a refusal dated before the organisation left.
    const refusedRows = linkedRows.filter(([effect, cause]) => (refused.get(`${effect} ← ${cause}`) ?? 0) > 0);
    expect(refusedRows.length).toBeGreaterThanOrEqual(25);
    // The rows whose cause is a state: an evaluation before its pilot, a go before its requirements
    // (the sponsor, the session, the KPI, the procurements, the pilots, the evaluation, the adoption).
    expect(refused.get("EvaluationPublished ← PilotStarted") ?? 0).toBeGreaterThan(0);
    const goCauses = [...refused.keys()].filter((k) => k.startsWith("GateDecisionRecorded ← ") && k !== "GateDecisionRecorded ← GateDecisionRecorded");
    expect(goCauses.length).toBeGreaterThanOrEqual(6);
  });
});
