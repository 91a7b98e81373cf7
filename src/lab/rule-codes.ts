import { type RuleViolation, ruleViolation } from "../kernel/index.js";

/**
 * Every rule the lab enforces, by its stable code, with what it protects. A refusal carries one of
 * these codes; the README's table is generated from this catalogue, and `thenError` in the testing
 * kit only accepts these (and the kernel's) codes, so a typo fails to compile.
 */
export const labRuleCodes = {
  // Who and when
  not_permitted: "the actor's role may not issue the command (see the permission table)",
  occurred_in_future: "an event is dated after now",
  occurred_before_stage: "an event is dated before the project entered its current stage",
  occurred_before_decision: "a stage change is dated before the gate decision that authorises it",
  occurred_before_cause: "an event is dated before an event it depends on, or before a state it requires held (see the causality table)",
  // The project's lifecycle
  project_exists: "a challenge is submitted twice for the same project",
  origin_unknown: "a replication of a project that has no submitted challenge (or of itself)",
  origin_not_accepted: "a replication of a project whose challenge has not been accepted",
  project_not_found: "a command names a project whose challenge was never submitted",
  project_closed: "a command on a mainstreamed or discontinued project",
  project_paused: "a command that waits while the project is paused",
  wrong_stage: "a command for another stage",
  challenge_already_accepted: "an accepted challenge is accepted or rejected again",
  gate_not_passed: "a stage change without a go or conditional go in the current stay",
  gate_requirements_missing: "a go, or a stage change, while the gate's requirements are not met",
  pivot_not_decided: "a pivot without a recycle decision",
  already_paused: "a paused project is paused again",
  not_paused: "an active project is resumed",
  resume_before_pause: "the expected resumption is not after the pause",
  occurred_before_pause: "a resumption dated before its pause",
  reason_reserved: "DiscontinueProject with rejected_at_intake, which only RejectChallenge records",
  // Gate decisions
  wrong_gate: "a decision at a gate other than the current stage's",
  no_approvers: "a decision without approvers",
  approver_not_decision_maker: "an approver without the decision_maker role",
  approver_is_lead: "the project's lead among the approvers",
  recorder_is_lead: "the project's lead records a decision on their own project",
  recorder_not_approver: "a decision recorded by someone not among its approvers",
  conditions_required: "a conditional go without conditions",
  rationale_required: "a hold, recycle or no go without a rationale",
  recycle_target_invalid: "a recycle that does not name the stage just before",
  recycle_target_unexpected: "a stage to go back to on a decision that is not a recycle",
  // Organisations
  entity_not_registered: "a project names an organisation that is not in the register",
  sponsor_not_public: "a sponsor that is not a public entity",
  entity_already_joined: "an organisation joins in a role it holds, or declines while part of the project",
  entity_not_joined: "an organisation that is not part of the project leaves it",
  entity_already_declined: "an organisation declines twice",
  entity_exists: "an organisation is registered twice",
  level_required: "a public entity without its level",
  level_not_applicable: "a level for an organisation that is not public",
  // Sessions and people
  session_exists: "a session id scheduled twice",
  session_not_found: "a command names a session that was never scheduled",
  session_cancelled: "attendance or closing of a cancelled session",
  session_closed: "attendance, closing or cancelling of a closed session",
  session_not_held_yet: "attendance or closing before the session's scheduled time",
  closed_before_attendance: "a session closed before the attendance recorded for it",
  attendee_already_recorded: "the same person twice in a session",
  demographics_exceed_attendance: "an anonymous breakdown that counts more people than were at the session",
  participant_forgotten: "a forgotten participant recorded again",
  participant_already_forgotten: "a participant forgotten twice",
  // Procurement
  procurement_exists: "a procurement id requested twice",
  procurement_not_found: "a command names a procurement that was never requested",
  procurement_cancelled: "a cancelled procurement contracted or cancelled again",
  procurement_already_contracted: "a contracted procurement contracted or cancelled again",
  // Money
  budget_exists: "a budget id allocated twice",
  budget_not_found: "a cost charged to a budget that was never allocated",
  cost_exists: "a cost id recorded twice",
  currency_mismatch: "a cost in another currency than the budget it is charged to",
  // KPIs
  kpi_exists: "a KPI id defined twice",
  kpi_not_found: "a command names a KPI that was never defined",
  target_equals_baseline: "a KPI whose target equals its baseline",
  target_against_direction: "a KPI whose target moves against its direction",
  nothing_to_redefine: "a redefinition that changes nothing",
  period_invalid: "a measurement period that ends before it starts",
  period_in_future: "a measurement of a period that is not over",
  correction_target_not_found: "a correction that names no measurement of the KPI",
  comparison_required:
    "a measurement by a comparative method (A/B test, randomised trial, difference-in-differences) without the comparison group's value and both sample sizes",
  // Pilots
  pilot_already_started: "a pilot started again under the same pilotId (or a second unnamed one) in the same stay in pilot",
  pilot_ambiguous: "ending a pilot without naming it while several are running",
  pilot_not_started: "ending or evaluating a pilot that has not started",
  pilot_already_ended: "ending a pilot twice, or once every pilot has ended",
  pilot_end_before_start: "a pilot planned to end before it starts",
  entity_not_in_project: "a pilot with an organisation that is neither the owner nor a member",
  sponsor_not_committed: "a pilot without a committed sponsor",
  adoption_not_found: "a status change for an organisation that has not adopted the solution",
  go_live_invalid: "a live adoption without its go-live date, or going live after it is recorded",
  evidence_level_unsupported: "an evaluation claiming a higher evidence level than its method supports (Nesta's Standards of Evidence)",
} as const;

/** A lab rule's code. */
export type LabRuleCode = keyof typeof labRuleCodes;

/**
 * A refusal by one of the lab's rules.
 *
 * @example
 * labRule("wrong_gate", "The project is in pilot, whose gate is G3, not G2.", { gate: "G2" })
 */
export const labRule = (code: LabRuleCode, message: string, details: Readonly<Record<string, unknown>> = {}): RuleViolation<LabRuleCode> =>
  ruleViolation(code, message, details);
