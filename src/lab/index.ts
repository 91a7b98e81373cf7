export * from "./commands.js";
export { entityDecider } from "./entity-decider.js";
export * from "./events.js";
export * from "./evidence.js";
export * from "./kpi-definition.js";
export * from "./lab-decider.js";
export * from "./next-steps.js";
export { participantDecider } from "./participant-decider.js";
export * from "./permissions.js";
export * from "./pilot-ending.js";
export * from "./privacy.js";
export { projectDecider } from "./project/decider.js";
export { allowedWhilePaused, currentDecision } from "./project/preconditions.js";
export { evolveMoney, type MoneyEvent } from "./project/money.js";
export { evolveProcurements, type ProcurementEvent } from "./project/procurement.js";
export {
  checkGate,
  coDesignSessionKinds,
  type GateCheck,
  gateRequirements,
  type Requirement,
  requirementMet,
  requirementAt,
  type Standing,
  type Held,
  requirementText,
} from "./project/requirements.js";
export {
  type CausalKeys,
  causalityProblem,
  type DependsOn,
  dependencies,
  type ProjectEventData,
  type ProjectEventType,
  type Requires,
  requirements,
} from "./causality.js";
export {
  type ChallengeFacts,
  type EntityFacts,
  type LabContext,
  LabContextSchema,
  type LabRegister,
  labRegister,
  liveRegister,
  type LiveRegister,
  registerOf,
  registerProjection,
  type RegisterState,
} from "./register.js";
export * from "./rule-codes.js";
export * from "./state.js";
export * from "./stays.js";
export * from "./transitions.js";
export * from "./values.js";
export * from "./vocabulary.js";
