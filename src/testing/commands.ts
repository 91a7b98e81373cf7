import { sha256Hex } from "../kernel/index.js";
import type { AdoptionStatus, EntityRole, EvaluationOutcome, Gate, GateOutcome, LabCommand, ParticipantRole, PauseReason } from "../lab/index.js";

const T0 = Date.UTC(2018, 0, 1);
/**
 * Midnight UTC `n` days after 2018-01-01: a compact way to date things in tests.
 *
 * @example
 * day(31) // "2018-02-01T00:00:00.000Z"
 */
export const day = (n: number): string => new Date(T0 + n * 86_400_000).toISOString();

/**
 * A participant reference for tests: deterministic, and shaped like a real one (32 hex digits, 128
 * bits), so it passes the reference rule. In production mint references with a keyed hash.
 *
 * @example
 * testRef(1) // "…" (the same 32 hex digits every time)
 */
export const testRef = (n: number): string => sha256Hex(`labx-core test participant ${n}`).slice(0, 32);

/** A lab command of one type, as the builders make it: typed like the command, validated when handled. */
export type CommandOf<T extends LabCommand["type"]> = Extract<LabCommand, { type: T }>;
/** Any lab command the builders make. */
export type CommandInput = LabCommand;
// Fields a test overrides; the builder's defaults give the rest.
/** The fields a test may change in a command the builders make: everything but its type and project. */
export type Override<T extends LabCommand["type"]> = Partial<Omit<CommandOf<T>, "type" | "projectId">>;

/** The owner, sponsor and lead the builders use by default. */
export const defaults = { owner: "ent-owner", sponsor: "ent-sponsor", lead: "lead-1", decisionMaker: { id: "dm-1", role: "decision_maker" as const } };

// Challenge, gates and the project's course.
const lifecycleCommands = (p: { readonly projectId: string }) => ({
  submit: (o: Override<"SubmitChallenge"> = {}): CommandOf<"SubmitChallenge"> => ({
    type: "SubmitChallenge",
    ...p,
    title: "Renew the citizen card online",
    problemStatement: "Renewal takes three visits to a service desk.",
    sector: "digital_services",
    ownerEntityId: defaults.owner,
    leadId: defaults.lead,
    ...o,
  }),
  accept: (o: Override<"AcceptChallenge"> = {}): CommandOf<"AcceptChallenge"> => ({ type: "AcceptChallenge", ...p, ...o }),
  reject: (o: Override<"RejectChallenge"> = {}): CommandOf<"RejectChallenge"> => ({
    type: "RejectChallenge",
    ...p,
    reason: "Out of the lab's mandate.",
    ...o,
  }),
  gate: (gate: Gate, outcome: GateOutcome = "go", o: Override<"RecordGateDecision"> = {}): CommandOf<"RecordGateDecision"> => ({
    type: "RecordGateDecision",
    ...p,
    gate,
    outcome,
    approvers: [defaults.decisionMaker],
    rationale: "Evidence reviewed.",
    evidence: ["minutes-12.pdf"],
    ...o,
  }),
  advance: (o: Override<"AdvanceStage"> = {}): CommandOf<"AdvanceStage"> => ({ type: "AdvanceStage", ...p, ...o }),
  pause: (reason: PauseReason = "procurement", o: Override<"PauseProject"> = {}): CommandOf<"PauseProject"> => ({ type: "PauseProject", ...p, reason, ...o }),
  resume: (o: Override<"ResumeProject"> = {}): CommandOf<"ResumeProject"> => ({ type: "ResumeProject", ...p, ...o }),
  pivot: (o: Override<"PivotProject"> = {}): CommandOf<"PivotProject"> => ({
    type: "PivotProject",
    ...p,
    rationale: "Users need a different service.",
    ...o,
  }),
  discontinue: (o: Override<"DiscontinueProject"> = {}): CommandOf<"DiscontinueProject"> => ({
    type: "DiscontinueProject",
    ...p,
    reasonCode: "entity_reluctance",
    lessons: "Secure the owner's commitment before co-design.",
    ...o,
  }),
  mainstream: (o: Override<"MainstreamProject"> = {}): CommandOf<"MainstreamProject"> => ({ type: "MainstreamProject", ...p, ...o }),
});

// Organisations joining, leaving or declining.
const organisationsCommands = (p: { readonly projectId: string }) => ({
  join: (entityId = defaults.sponsor, role: EntityRole = "sponsor", o: Override<"RecordEntityJoined"> = {}): CommandOf<"RecordEntityJoined"> => ({
    type: "RecordEntityJoined",
    ...p,
    entityId,
    role,
    ...o,
  }),
  leave: (entityId = defaults.sponsor, o: Override<"RecordEntityLeft"> = {}): CommandOf<"RecordEntityLeft"> => ({
    type: "RecordEntityLeft",
    ...p,
    entityId,
    ...o,
  }),
  decline: (entityId = "ent-shy", o: Override<"RecordEntityDeclined"> = {}): CommandOf<"RecordEntityDeclined"> => ({
    type: "RecordEntityDeclined",
    ...p,
    entityId,
    reasonCode: "no_capacity",
    reason: "No staff available this year.",
    ...o,
  }),
});

// Sessions and who attended them.
const sessionsCommands = (p: { readonly projectId: string }) => ({
  schedule: (sessionId = "s1", o: Override<"ScheduleSession"> = {}): CommandOf<"ScheduleSession"> => ({
    type: "ScheduleSession",
    ...p,
    sessionId,
    kind: "workshop",
    mode: "in_person",
    scheduledFor: day(6),
    ...o,
  }),
  attend: (
    sessionId = "s1",
    refs: readonly string[] = [testRef(1)],
    role: ParticipantRole = "citizen",
    o: Override<"RecordAttendance"> = {},
  ): CommandOf<"RecordAttendance"> => ({
    type: "RecordAttendance",
    ...p,
    sessionId,
    attendees: refs.map((participantRef) => ({ participantRef, role })),
    ...o,
  }),
  close: (sessionId = "s1", o: Override<"CloseSession"> = {}): CommandOf<"CloseSession"> => ({
    type: "CloseSession",
    ...p,
    sessionId,
    anonymousHeadcount: { citizens: 0, civilServants: 0, business: 0, other: 0 },
    contributions: 3,
    ...o,
  }),
  cancelSession: (sessionId = "s1", o: Override<"CancelSession"> = {}): CommandOf<"CancelSession"> => ({
    type: "CancelSession",
    ...p,
    sessionId,
    reason: "Venue unavailable.",
    ...o,
  }),
});

// Procurement.
const procurementCommands = (p: { readonly projectId: string }) => ({
  request: (procurementId = "r1", o: Override<"RequestProcurement"> = {}): CommandOf<"RequestProcurement"> => ({
    type: "RequestProcurement",
    ...p,
    procurementId,
    procedure: "consultation",
    description: "Kiosk software.",
    estimatedValue: { amount: 40000, currency: "EUR" },
    ...o,
  }),
  contract: (procurementId = "r1", o: Override<"ContractProcurement"> = {}): CommandOf<"ContractProcurement"> => ({
    type: "ContractProcurement",
    ...p,
    procurementId,
    supplierEntityId: "ent-supplier",
    value: { amount: 38000, currency: "EUR" },
    ...o,
  }),
  cancelProcurement: (procurementId = "r1", o: Override<"CancelProcurement"> = {}): CommandOf<"CancelProcurement"> => ({
    type: "CancelProcurement",
    ...p,
    procurementId,
    reason: "No bids.",
    ...o,
  }),
});

// Money.
const moneyCommands = (p: { readonly projectId: string }) => ({
  allocateBudget: (budgetId = "b1", o: Override<"AllocateBudget"> = {}): CommandOf<"AllocateBudget"> => ({
    type: "AllocateBudget",
    ...p,
    budgetId,
    source: "national_budget",
    amount: { amount: 100_000, currency: "EUR" },
    fiscalYear: 2019,
    ...o,
  }),
  recordCost: (costId = "c1", o: Override<"RecordCost"> = {}): CommandOf<"RecordCost"> => ({
    type: "RecordCost",
    ...p,
    costId,
    budgetId: "b1",
    category: "staff",
    amount: { amount: 12_000, currency: "EUR" },
    description: "Facilitation of the co-design workshops.",
    ...o,
  }),
});

// KPIs and their measurements.
const kpisCommands = (p: { readonly projectId: string }) => ({
  defineKpi: (kpiId = "k1", o: Override<"DefineKpi"> = {}): CommandOf<"DefineKpi"> => ({
    type: "DefineKpi",
    ...p,
    kpiId,
    name: "Days to renew",
    category: "service_time",
    unit: "days",
    direction: "decrease",
    baseline: { value: 30, measuredAt: day(1), source: "desk records" },
    target: { value: 5, by: day(700) },
    ...o,
  }),
  redefineKpi: (kpiId = "k1", o: Override<"RedefineKpi"> = {}): CommandOf<"RedefineKpi"> => ({
    type: "RedefineKpi",
    ...p,
    kpiId,
    target: { value: 3, by: day(700) },
    reason: "Ministry raised the ambition.",
    ...o,
  }),
  measure: (kpiId = "k1", o: Override<"MeasureKpi"> = {}): CommandOf<"MeasureKpi"> => ({
    type: "MeasureKpi",
    ...p,
    kpiId,
    value: 12,
    periodStart: day(1),
    periodEnd: day(5),
    source: "pilot logs",
    ...o,
  }),
  correct: (correctsEventId: string, o: Override<"CorrectKpiMeasurement"> = {}): CommandOf<"CorrectKpiMeasurement"> => ({
    type: "CorrectKpiMeasurement",
    ...p,
    kpiId: "k1",
    correctsEventId,
    value: 11,
    reason: "Double-counted a week.",
    ...o,
  }),
});

// Pilots, evaluations and adoptions.
const pilotsCommands = (p: { readonly projectId: string }) => ({
  startPilot: (o: Override<"StartPilot"> = {}): CommandOf<"StartPilot"> => ({
    type: "StartPilot",
    ...p,
    sites: 3,
    entityIds: [defaults.owner],
    plannedEnd: day(400),
    ...o,
  }),
  endPilot: (o: Override<"EndPilot"> = {}): CommandOf<"EndPilot"> => ({ type: "EndPilot", ...p, ...o }),
  evaluate: (outcome: EvaluationOutcome = "success", o: Override<"PublishEvaluation"> = {}): CommandOf<"PublishEvaluation"> => ({
    type: "PublishEvaluation",
    ...p,
    outcome,
    evidenceLevel: 3,
    method: "difference_in_differences",
    reportRef: "eval-2019.pdf",
    ...o,
  }),
  adopt: (o: Override<"RecordAdoption"> = {}): CommandOf<"RecordAdoption"> => ({
    type: "RecordAdoption",
    ...p,
    entityId: "ent-adopter",
    scaleType: "out",
    sites: 12,
    usersCovered: 40000,
    ...o,
  }),
  updateAdoption: (status: AdoptionStatus = "live", o: Override<"UpdateAdoption"> = {}): CommandOf<"UpdateAdoption"> => ({
    type: "UpdateAdoption",
    ...p,
    entityId: "ent-adopter",
    status,
    ...(status === "live" ? { goLiveAt: day(100) } : {}),
    ...o,
  }),
});

/**
 * Builders of every project command, with sensible defaults a test overrides field by field. Each
 * returns the command's own type, so a misspelt field or value fails to compile.
 *
 * @example
 * const c = labCommands("p1");
 * scenario(projectDecider).given(history).when(c.gate("G1", "conditional_go", { conditions: ["…"] }));
 */
export const labCommands = (projectId = "p1") => {
  const p = { projectId };
  return {
    ...lifecycleCommands(p),
    ...organisationsCommands(p),
    ...sessionsCommands(p),
    ...procurementCommands(p),
    ...moneyCommands(p),
    ...kpisCommands(p),
    ...pilotsCommands(p),
  };
};
