import type { Draft } from "immer";
import { type Decider, type Envelope, isBefore } from "../../kernel/index.js";
import { causalityProblem, recordCauses } from "./causality.js";
import { initialProjectState, type LabRuleCode, ProjectCommand, type ProjectEvent, projectEvents, type ProjectState } from "../catalogue/index.js";
import { type LabContext, LabContextSchema } from "../register.js";
import { adoptionEvolvers, adoptionHandlers } from "../adoption/index.js";
import { type Decided, type Evolver, type Evolvers, type Handler, type Handlers, refuse, refused } from "../shared/index.js";
import { decisionEvolvers, decisionHandlers, lifecycleEvolvers, lifecycleHandlers } from "../lifecycle/index.js";
import { kpiEvolvers, kpiHandlers } from "../evidence/index.js";
import { moneyEvolvers, moneyHandlers } from "../money/index.js";
import { organisationEvolvers, organisationHandlers } from "../organisations/index.js";
import { pilotEvolvers, pilotHandlers } from "../pilots/index.js";
import { checkActorAndTime, precondition } from "./preconditions.js";
import { procurementEvolvers, procurementHandlers } from "../procurement/index.js";
import { sessionEvolvers, sessionHandlers } from "../sessions/index.js";

// One table from command type to the small decider of its concern; the type makes a new command
// fail to compile until it has a handler.
const handlers: Handlers<ProjectCommand["type"]> = {
  ...lifecycleHandlers,
  ...decisionHandlers,
  ...organisationHandlers,
  ...sessionHandlers,
  ...procurementHandlers,
  ...moneyHandlers,
  ...kpiHandlers,
  ...pilotHandlers,
  ...adoptionHandlers,
};

// And one from event type to its recipe.
const evolvers: Evolvers<ProjectEvent["type"]> = {
  ...lifecycleEvolvers,
  ...decisionEvolvers,
  ...organisationEvolvers,
  ...sessionEvolvers,
  ...procurementEvolvers,
  ...moneyEvolvers,
  ...kpiEvolvers,
  ...pilotEvolvers,
  ...adoptionEvolvers,
};

/**
 * Decide what a command on a project stream does. First the checks every command shares — the
 * permission table, business time not in the future nor before the current stage, the command's
 * preconditions in this state (the same `precondition` `nextSteps` asks) — then the handler of the
 * command's concern. Pure: time, actor, ids and the register come from `ctx`.
 */
export const decideProject = (c: ProjectCommand, s: ProjectState, ctx: LabContext): Decided => {
  const when = checkActorAndTime(c.type, c.occurredAt, ctx);
  if (!when.ok) return when;
  const at = when.value;
  const pre = precondition(c.type, s);
  if (pre) return refused(pre);
  if (s.submitted && isBefore(at, s.stageEnteredAt)) {
    return refuse("occurred_before_stage", `The event is dated ${at}, before the project entered ${s.stage} on ${s.stageEnteredAt}.`, {
      occurredAt: at,
      stageEnteredAt: s.stageEnteredAt,
    });
  }
  const decided = (handlers[c.type] as Handler<ProjectCommand["type"]>)(c, s, ctx, at);
  if (!decided.ok) return decided;
  const late = causalityProblem(decided.value, s, ctx, at);
  return late === undefined ? decided : refused(late);
};

/**
 * Evolve a project's state by one event (a recipe). Facts are recorded as they are; whether they
 * were allowed is `decide`'s business.
 */
export const evolveProject = (s: Draft<ProjectState>, e: Envelope<ProjectEvent>): void => {
  // The facts later events depend on are read before the event changes the state (a pilot's key, a decision's stay).
  recordCauses(s, e);
  (evolvers[e.type] as Evolver<ProjectEvent["type"]>)(s, e);
};

/**
 * The type of the project decider: project commands in, project events out, over a `ProjectState`,
 * with the lab's context (the kernel's, and the register).
 */
export interface ProjectDecider extends Decider<ProjectCommand, ProjectState, ProjectEvent, LabContext, LabRuleCode> {}

/**
 * The innovation-project decider (streams `project:<id>`), composed of small deciders by concern —
 * lifecycle, gate decisions, organisations, sessions, procurement, money, KPIs, pilots, adoption. Its
 * context carries the register (`LabContext`): which organisations exist and which participants
 * were forgotten.
 *
 * @example
 * const projects = new InMemoryEventStore<ProjectEvent>();
 * const r = await handle(projects, projectDecider, { type: "AcceptChallenge", projectId: "p-1" }, { ...ctx, register: labRegister(events) });
 */
export const projectDecider: ProjectDecider = {
  commandSchema: ProjectCommand,
  contextSchema: LabContextSchema,
  events: projectEvents,
  streamOf: (c) => `project:${c.projectId}`,
  initialState: initialProjectState,
  decide: decideProject,
  evolve: evolveProject,
};
