import { sha256Hex } from "../kernel/index.js";
import type { LabCommand } from "../lab/index.js";

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

/** A command as the builders make it: plain data, validated when handled. */
export type CommandInput = Record<string, unknown> & { type: LabCommand["type"] };

/** The owner, sponsor and lead the builders use by default. */
export const defaults = { owner: "ent-owner", sponsor: "ent-sponsor", lead: "lead-1", decisionMaker: { id: "dm-1", role: "decision_maker" as const } };

/**
 * Builders of every project command, with sensible defaults a test overrides field by field.
 *
 * @example
 * const c = labCommands("p1");
 * scenario(projectDecider).given(history).when(c.gate("G1", "conditional_go", { conditions: ["…"] }));
 */
export const labCommands = (projectId = "p1") => {
  const OWNER = defaults.owner;
  const SPONSOR = defaults.sponsor;
  const LEAD = defaults.lead;
  const DM = defaults.decisionMaker;
  return {
    submit: (o = {}): CommandInput => ({ type: "SubmitChallenge", projectId, title: "Renew the citizen card online", problemStatement: "Renewal takes three visits to a service desk.", sector: "digital_services", ownerEntityId: OWNER, leadId: LEAD, ...o }),
    accept: (o = {}): CommandInput => ({ type: "AcceptChallenge", projectId, ...o }),
    reject: (o = {}): CommandInput => ({ type: "RejectChallenge", projectId, reason: "Out of the lab's mandate.", ...o }),
    join: (entityId = SPONSOR, role = "sponsor", o = {}): CommandInput => ({ type: "RecordEntityJoined", projectId, entityId, role, ...o }),
    leave: (entityId = SPONSOR, o = {}): CommandInput => ({ type: "RecordEntityLeft", projectId, entityId, ...o }),
    decline: (entityId = "ent-shy", o = {}): CommandInput => ({ type: "RecordEntityDeclined", projectId, entityId, reason: "No staff available this year.", ...o }),
    gate: (gate: string, outcome = "go", o = {}): CommandInput => ({ type: "RecordGateDecision", projectId, gate, outcome, approvers: [DM], rationale: "Evidence reviewed.", evidence: ["minutes-12.pdf"], ...o }),
    advance: (o = {}): CommandInput => ({ type: "AdvanceStage", projectId, ...o }),
    pause: (reason = "procurement", o = {}): CommandInput => ({ type: "PauseProject", projectId, reason, ...o }),
    resume: (o = {}): CommandInput => ({ type: "ResumeProject", projectId, ...o }),
    pivot: (o = {}): CommandInput => ({ type: "PivotProject", projectId, rationale: "Users need a different service.", ...o }),
    discontinue: (o = {}): CommandInput => ({ type: "DiscontinueProject", projectId, reasonCode: "entity_reluctance", lessons: "Secure the owner's commitment before co-design.", ...o }),
    mainstream: (o = {}): CommandInput => ({ type: "MainstreamProject", projectId, ...o }),
    schedule: (sessionId = "s1", o = {}): CommandInput => ({ type: "ScheduleSession", projectId, sessionId, kind: "workshop", mode: "in_person", scheduledFor: day(6), ...o }),
    attend: (sessionId = "s1", refs: string[] = [testRef(1)], role = "citizen", o = {}): CommandInput => ({ type: "RecordAttendance", projectId, sessionId, attendees: refs.map((participantRef) => ({ participantRef, role })), ...o }),
    close: (sessionId = "s1", o = {}): CommandInput => ({ type: "CloseSession", projectId, sessionId, anonymousHeadcount: { citizens: 0, civilServants: 0, business: 0, other: 0 }, contributions: 3, ...o }),
    cancelSession: (sessionId = "s1", o = {}): CommandInput => ({ type: "CancelSession", projectId, sessionId, reason: "Venue unavailable.", ...o }),
    request: (procurementId = "r1", o = {}): CommandInput => ({ type: "RequestProcurement", projectId, procurementId, procedure: "consultation", description: "Kiosk software.", estimatedValue: { amount: 40000, currency: "EUR" }, ...o }),
    contract: (procurementId = "r1", o = {}): CommandInput => ({ type: "ContractProcurement", projectId, procurementId, supplierEntityId: "ent-supplier", value: { amount: 38000, currency: "EUR" }, ...o }),
    cancelProcurement: (procurementId = "r1", o = {}): CommandInput => ({ type: "CancelProcurement", projectId, procurementId, reason: "No bids.", ...o }),
    defineKpi: (kpiId = "k1", o = {}): CommandInput => ({ type: "DefineKpi", projectId, kpiId, name: "Days to renew", category: "service_time", unit: "days", direction: "decrease", baseline: { value: 30, measuredAt: day(1), source: "desk records" }, target: { value: 5, by: day(700) }, ...o }),
    redefineKpi: (kpiId = "k1", o = {}): CommandInput => ({ type: "RedefineKpi", projectId, kpiId, target: { value: 3, by: day(700) }, reason: "Ministry raised the ambition.", ...o }),
    measure: (kpiId = "k1", o = {}): CommandInput => ({ type: "MeasureKpi", projectId, kpiId, value: 12, periodStart: day(1), periodEnd: day(5), source: "pilot logs", ...o }),
    correct: (correctsEventId: string, o = {}): CommandInput => ({ type: "CorrectKpiMeasurement", projectId, kpiId: "k1", correctsEventId, value: 11, reason: "Double-counted a week.", ...o }),
    startPilot: (o = {}): CommandInput => ({ type: "StartPilot", projectId, sites: 3, entityIds: [OWNER], plannedEnd: day(400), ...o }),
    endPilot: (o = {}): CommandInput => ({ type: "EndPilot", projectId, ...o }),
    evaluate: (outcome = "success", o = {}): CommandInput => ({ type: "PublishEvaluation", projectId, outcome, evidenceLevel: 3, reportRef: "eval-2019.pdf", ...o }),
    adopt: (o = {}): CommandInput => ({ type: "RecordAdoption", projectId, entityId: "ent-adopter", scaleType: "out", sites: 12, usersCovered: 40000, ...o }),
  };
};
