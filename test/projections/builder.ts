// Hand-made logs for the counting-rule tests: commands go through the lab decider (so every log is
// one the rules accept), each on a given day, as the first role allowed to issue it.
import { type Envelope, execute, labDecider, type LabEvent, liveRegister, parseCommand, permissions, type LabCommand } from "../../src/index.js";
import { fixedContext, sequentialIds } from "../../src/testing/index.js";
import { day, ref } from "../lab/fixtures.js";

type Cmd = Record<string, unknown> & { type: LabCommand["type"] };

/** A log under construction. */
export interface LogBuilder {
  events: Envelope<LabEvent>[];
  on(d: number, command: Cmd): LogBuilder;
}

/** Start a log. */
export const logBuilder = (): LogBuilder => {
  const histories = new Map<string, Envelope<LabEvent>[]>();
  const events: Envelope<LabEvent>[] = [];
  const ids = sequentialIds("ev");
  // Erasures in this log are known to its own later commands, as a host's register would know them.
  const own = liveRegister();
  const register = own.register;
  const self: LogBuilder = {
    events,
    /** Handle a command on day `d`; throws if the rules refuse it (a broken test setup). */
    on(d, command) {
      const parsed = parseCommand(labDecider, command);
      if (!parsed.ok) throw new Error(`${command.type}: ${parsed.error.message}`);
      const stream = labDecider.streamOf(parsed.value);
      const history = histories.get(stream) ?? [];
      const role = permissions[command.type][0] ?? "system";
      // A gate decision is recorded by one of its approvers (dm-1 in these builders).
      const actor = command.type === "RecordGateDecision" ? { id: "dm-1", role: "decision_maker" as const } : { id: `${role}-1`, role };
      const r = execute(labDecider, history, command, fixedContext({ at: day(d), actor, newId: ids, register }));
      if (!r.ok) throw new Error(`${command.type} on day ${d} refused: ${r.error.code} — ${r.error.message}`);
      histories.set(stream, [...history, ...r.value.events]);
      events.push(...r.value.events);
      own.record(r.value.events);
      return self;
    },
  };
  return self;
};

/** Commands for any project id (the lab fixtures' `c` is fixed to p1). */
export const on = (projectId: string) => ({
  submit: (o = {}): Cmd => ({
    type: "SubmitChallenge",
    projectId,
    title: `Project ${projectId}`,
    problemStatement: "A problem citizens report.",
    sector: "health",
    ownerEntityId: "pub-owner",
    leadId: "lead-1",
    ...o,
  }),
  accept: (): Cmd => ({ type: "AcceptChallenge", projectId }),
  join: (entityId: string, role = "sponsor"): Cmd => ({ type: "RecordEntityJoined", projectId, entityId, role }),
  decline: (entityId: string, reasonCode = "no_capacity"): Cmd => ({
    type: "RecordEntityDeclined",
    projectId,
    entityId,
    reasonCode,
    reason: "No staff available.",
  }),
  gate: (gate: string, outcome = "go", o = {}): Cmd => ({
    type: "RecordGateDecision",
    projectId,
    gate,
    outcome,
    approvers: [{ id: "dm-1", role: "decision_maker" }],
    rationale: "Reviewed.",
    evidence: ["dossier.pdf"],
    ...o,
  }),
  advance: (): Cmd => ({ type: "AdvanceStage", projectId }),
  pause: (reason = "procurement", o = {}): Cmd => ({ type: "PauseProject", projectId, reason, ...o }),
  resume: (): Cmd => ({ type: "ResumeProject", projectId }),
  discontinue: (reasonCode = "entity_reluctance"): Cmd => ({ type: "DiscontinueProject", projectId, reasonCode, lessons: "Learned." }),
  schedule: (sessionId: string, scheduledFor: string): Cmd => ({
    type: "ScheduleSession",
    projectId,
    sessionId,
    kind: "workshop",
    mode: "in_person",
    scheduledFor,
  }),
  attend: (sessionId: string, attendees: [string, string, string?][]): Cmd => ({
    type: "RecordAttendance",
    projectId,
    sessionId,
    attendees: attendees.map(([participantRef, role, affiliationEntityId]) => ({
      participantRef,
      role,
      ...(affiliationEntityId ? { affiliationEntityId } : {}),
    })),
  }),
  close: (sessionId: string, headcount = { citizens: 0, civilServants: 0, business: 0, other: 0 }): Cmd => ({
    type: "CloseSession",
    projectId,
    sessionId,
    anonymousHeadcount: headcount,
    contributions: 1,
  }),
  cancel: (sessionId: string): Cmd => ({ type: "CancelSession", projectId, sessionId, reason: "Storm." }),
  request: (procurementId: string, procedure = "open"): Cmd => ({
    type: "RequestProcurement",
    projectId,
    procurementId,
    procedure,
    description: "Software.",
    estimatedValue: { amount: 1000, currency: "EUR" },
  }),
  contract: (procurementId: string, amount = 900): Cmd => ({
    type: "ContractProcurement",
    projectId,
    procurementId,
    supplierEntityId: "biz-1",
    value: { amount, currency: "EUR" },
  }),
  cancelProcurement: (procurementId: string): Cmd => ({ type: "CancelProcurement", projectId, procurementId, reason: "No bids." }),
  budget: (budgetId: string, source: string, amount: number, fiscalYear: number, currency = "EUR"): Cmd => ({
    type: "AllocateBudget",
    projectId,
    budgetId,
    source,
    amount: { amount, currency },
    fiscalYear,
  }),
  cost: (costId: string, budgetId: string, category: string, amount: number, currency = "EUR"): Cmd => ({
    type: "RecordCost",
    projectId,
    costId,
    budgetId,
    category,
    amount: { amount, currency },
    description: "Work done.",
  }),
  kpi: (kpiId: string, direction: "increase" | "decrease", baseline: number, target: number): Cmd => ({
    type: "DefineKpi",
    projectId,
    kpiId,
    name: `KPI ${kpiId}`,
    category: "service_time",
    unit: "days",
    direction,
    baseline: { value: baseline, measuredAt: day(0), source: "records" },
    target: { value: target, by: day(900) },
  }),
  measure: (kpiId: string, value: number, periodEnd: string, o = {}): Cmd => ({
    type: "MeasureKpi",
    projectId,
    kpiId,
    value,
    periodStart: day(0),
    periodEnd,
    source: "logs",
    ...o,
  }),
  correct: (kpiId: string, correctsEventId: string, value: number): Cmd => ({
    type: "CorrectKpiMeasurement",
    projectId,
    kpiId,
    correctsEventId,
    value,
    reason: "Fixed a double count.",
  }),
  startPilot: (o = {}): Cmd => ({ type: "StartPilot", projectId, sites: 2, entityIds: ["pub-owner"], plannedEnd: day(999), ...o }),
  endPilot: (o = {}): Cmd => ({ type: "EndPilot", projectId, ...o }),
  evaluate: (
    outcome = "success",
    evidenceLevel = 3,
    method = evidenceLevel >= 4 ? "randomised_trial" : "ab_test",
    // Typed only to check a claim: levels 4 and 5 rest on the replications the log holds.
    independentReplications = 0,
  ): Cmd => ({
    type: "PublishEvaluation",
    projectId,
    outcome,
    evidenceLevel,
    method,
    ...(independentReplications > 0 ? { independentReplications } : {}),
    reportRef: "eval.pdf",
  }),
  adopt: (entityId: string, scaleType = "out", sites = 3, usersCovered = 1000, o = {}): Cmd => ({
    type: "RecordAdoption",
    projectId,
    entityId,
    scaleType,
    sites,
    usersCovered,
    ...o,
  }),
  mainstream: (): Cmd => ({ type: "MainstreamProject", projectId }),
});

/** Register an organisation. */
export const register = (entityId: string, kind: "public" | "business" | "academia" | "civil_society", sector = "health", o = {}): Cmd => ({
  type: "RegisterEntity",
  entityId,
  name: `Organisation ${entityId}`,
  kind,
  sector,
  ...(kind === "public" ? { level: "national" } : {}),
  ...o,
});

/** A log that starts with the organisations `on(...)`'s builders name by default in the register. */
export const registeredLog = (): LogBuilder =>
  logBuilder().on(0, register("pub-owner", "public")).on(0, register("pub-s", "public")).on(0, register("biz-1", "business"));

/**
 * A project taken from submission to the start of its pilot stage on eleven consecutive days from
 * `from`: accepted, joined by pub-s, G1, co-design with one citizen session (held the next day) and
 * a KPI, G2, into pilot.
 */
export const readyForPilot = (b: LogBuilder, p: ReturnType<typeof on>, from: number, submit: Record<string, unknown> = {}): LogBuilder =>
  b
    .on(from, p.submit(submit))
    .on(from + 1, p.accept())
    .on(from + 2, p.join("pub-s"))
    .on(from + 3, p.gate("G1"))
    .on(from + 4, p.advance())
    .on(from + 5, p.schedule("s1", day(from + 6)))
    .on(from + 6, p.attend("s1", [[ref(1), "citizen"]]))
    .on(from + 7, p.close("s1"))
    .on(from + 8, p.kpi("k1", "decrease", 30, 5))
    .on(from + 9, p.gate("G2"))
    .on(from + 10, p.advance());

/** Two projects submitted on day 0: pa in health, pb in justice. */
export const twoSectors = (): LogBuilder =>
  registeredLog()
    .on(0, on("pa").submit())
    .on(0, on("pb").submit({ sector: "justice" }));
