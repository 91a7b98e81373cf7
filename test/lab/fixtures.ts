// Builders shared by the lab tests: commands with sensible defaults, and histories produced by
// running commands through the decider, so every "given" is a state the lab can really reach.
import { type Envelope, execute } from "../../src/index.js";
import { type ActorRole, type LabCommand, permissions, type ProjectEvent, projectDecider } from "../../src/index.js";
import { fixedContext, scenario, sequentialIds } from "../../src/testing/index.js";

const T0 = Date.UTC(2018, 0, 1);
/** Midnight UTC `n` days after 2018-01-01. */
export const day = (n: number): string => new Date(T0 + n * 86_400_000).toISOString();

/** An actor in a role. */
export const as = (role: ActorRole, id = `${role}-1`) => ({ id, role });
/** The first role allowed to issue a command. */
export const roleFor = (type: LabCommand["type"]): ActorRole => permissions[type][0] as ActorRole;

export const P = "p1";
export const OWNER = "ent-owner";
export const SPONSOR = "ent-sponsor";
export const LEAD = "lead-1";
export const DM = { id: "dm-1", role: "decision_maker" as const };

type Cmd = Record<string, unknown> & { type: LabCommand["type"] };

/** Commands on project p1, with defaults a test can override. */
export const c = {
  submit: (o = {}): Cmd => ({ type: "SubmitChallenge", projectId: P, title: "Renew the citizen card online", problemStatement: "Renewal takes three visits to a service desk.", sector: "digital_services", ownerEntityId: OWNER, leadId: LEAD, ...o }),
  accept: (o = {}): Cmd => ({ type: "AcceptChallenge", projectId: P, ...o }),
  reject: (o = {}): Cmd => ({ type: "RejectChallenge", projectId: P, reason: "Out of the lab's mandate.", ...o }),
  join: (entityId = SPONSOR, role = "sponsor", o = {}): Cmd => ({ type: "RecordEntityJoined", projectId: P, entityId, role, ...o }),
  leave: (entityId = SPONSOR, o = {}): Cmd => ({ type: "RecordEntityLeft", projectId: P, entityId, ...o }),
  decline: (entityId = "ent-shy", o = {}): Cmd => ({ type: "RecordEntityDeclined", projectId: P, entityId, reason: "No staff available this year.", ...o }),
  gate: (gate: string, outcome = "go", o = {}): Cmd => ({ type: "RecordGateDecision", projectId: P, gate, outcome, approvers: [DM], rationale: "Evidence reviewed.", evidence: ["minutes-12.pdf"], ...o }),
  advance: (o = {}): Cmd => ({ type: "AdvanceStage", projectId: P, ...o }),
  pause: (reason = "procurement", o = {}): Cmd => ({ type: "PauseProject", projectId: P, reason, ...o }),
  resume: (o = {}): Cmd => ({ type: "ResumeProject", projectId: P, ...o }),
  pivot: (o = {}): Cmd => ({ type: "PivotProject", projectId: P, rationale: "Users need a different service.", ...o }),
  discontinue: (o = {}): Cmd => ({ type: "DiscontinueProject", projectId: P, reasonCode: "entity_reluctance", lessons: "Secure the owner's commitment before co-design.", ...o }),
  mainstream: (o = {}): Cmd => ({ type: "MainstreamProject", projectId: P, ...o }),
  schedule: (sessionId = "s1", o = {}): Cmd => ({ type: "ScheduleSession", projectId: P, sessionId, kind: "workshop", mode: "in_person", scheduledFor: day(6), ...o }),
  attend: (sessionId = "s1", refs: string[] = ["p_0001aa"], role = "citizen", o = {}): Cmd => ({ type: "RecordAttendance", projectId: P, sessionId, attendees: refs.map((participantRef) => ({ participantRef, role })), ...o }),
  close: (sessionId = "s1", o = {}): Cmd => ({ type: "CloseSession", projectId: P, sessionId, anonymousHeadcount: { citizens: 0, civilServants: 0, business: 0, other: 0 }, contributions: 3, ...o }),
  cancelSession: (sessionId = "s1", o = {}): Cmd => ({ type: "CancelSession", projectId: P, sessionId, reason: "Venue unavailable.", ...o }),
  request: (procurementId = "r1", o = {}): Cmd => ({ type: "RequestProcurement", projectId: P, procurementId, procedure: "consultation", description: "Kiosk software.", estimatedValue: { amount: 40000, currency: "EUR" }, ...o }),
  contract: (procurementId = "r1", o = {}): Cmd => ({ type: "ContractProcurement", projectId: P, procurementId, supplierEntityId: "ent-supplier", value: { amount: 38000, currency: "EUR" }, ...o }),
  cancelProcurement: (procurementId = "r1", o = {}): Cmd => ({ type: "CancelProcurement", projectId: P, procurementId, reason: "No bids.", ...o }),
  defineKpi: (kpiId = "k1", o = {}): Cmd => ({ type: "DefineKpi", projectId: P, kpiId, name: "Days to renew", category: "service_time", unit: "days", direction: "decrease", baseline: { value: 30, measuredAt: day(1), source: "desk records" }, target: { value: 5, by: day(700) }, ...o }),
  redefineKpi: (kpiId = "k1", o = {}): Cmd => ({ type: "RedefineKpi", projectId: P, kpiId, target: { value: 3, by: day(700) }, reason: "Ministry raised the ambition.", ...o }),
  measure: (kpiId = "k1", o = {}): Cmd => ({ type: "MeasureKpi", projectId: P, kpiId, value: 12, periodStart: day(40), periodEnd: day(50), source: "pilot logs", ...o }),
  correct: (correctsEventId: string, o = {}): Cmd => ({ type: "CorrectKpiMeasurement", projectId: P, kpiId: "k1", correctsEventId, value: 11, reason: "Double-counted a week.", ...o }),
  startPilot: (o = {}): Cmd => ({ type: "StartPilot", projectId: P, sites: 3, entityIds: [OWNER], plannedEnd: day(400), ...o }),
  endPilot: (o = {}): Cmd => ({ type: "EndPilot", projectId: P, ...o }),
  evaluate: (outcome = "success", o = {}): Cmd => ({ type: "PublishEvaluation", projectId: P, outcome, evidenceLevel: 3, reportRef: "eval-2019.pdf", ...o }),
  adopt: (o = {}): Cmd => ({ type: "RecordAdoption", projectId: P, entityId: "ent-adopter", scaleType: "out", sites: 12, usersCovered: 40000, ...o }),
};

/** Commands that bring p1 to each stage with its gate requirements met. */
export const steps = {
  submitted: [c.submit()],
  readyForG1: [c.submit(), c.accept(), c.join()],
  inCoDesign: [c.submit(), c.accept(), c.join(), c.gate("G1"), c.advance()],
  readyForG2: [c.submit(), c.accept(), c.join(), c.gate("G1"), c.advance(), c.schedule(), c.attend(), c.close(), c.defineKpi()],
  inPilot: [c.submit(), c.accept(), c.join(), c.gate("G1"), c.advance(), c.schedule(), c.attend(), c.close(), c.defineKpi(), c.gate("G2"), c.advance()],
  readyForG3: [
    c.submit(), c.accept(), c.join(), c.gate("G1"), c.advance(), c.schedule(), c.attend(), c.close(), c.defineKpi(), c.gate("G2"), c.advance(),
    c.startPilot(), c.endPilot(), c.evaluate(),
  ],
  inScale: [
    c.submit(), c.accept(), c.join(), c.gate("G1"), c.advance(), c.schedule(), c.attend(), c.close(), c.defineKpi(), c.gate("G2"), c.advance(),
    c.startPilot(), c.endPilot(), c.evaluate(), c.gate("G3"), c.advance(),
  ],
};

/**
 * Run commands through the project decider, one day apart from day 0, each as the first role
 * allowed to issue it (gate decisions as decision maker dm-1), and return the events. Throws on
 * any refusal, naming the command, so a broken setup is obvious.
 */
export const run = (commands: readonly Cmd[], start = 0): Envelope<ProjectEvent>[] => {
  const history: Envelope<ProjectEvent>[] = [];
  const ids = sequentialIds("h");
  commands.forEach((command, i) => {
    const actor = command.type === "RecordGateDecision" ? { id: "dm-2", role: "decision_maker" as const } : as(roleFor(command.type));
    const r = execute(projectDecider, history, command, fixedContext({ at: day(start + i), actor, newId: ids }));
    if (!r.ok) throw new Error(`setup step ${i + 1} (${command.type}) was refused: ${r.error.code} — ${r.error.message}`);
    history.push(...r.value.events);
  });
  return history;
};

/** Given/when/then for the project decider; commands run at day 100 as the first allowed role unless told otherwise. */
export const spec = scenario(projectDecider, { at: day(100) });
/** The context for a command, as the first role allowed to issue it. */
export const by = (command: Cmd, o: { at?: string; actor?: { id: string; role: ActorRole } } = {}) => ({ at: o.at ?? day(100), actor: o.actor ?? as(roleFor(command.type)) });
/** `spec.given(run(setup)).when(command, by(command))` */
export const given = (setup: readonly Cmd[]) => ({
  when: (command: Cmd, o: Parameters<typeof by>[1] = {}) => spec.given(run(setup)).when(command, by(command, o)),
});
