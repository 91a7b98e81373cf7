import { type Envelope, fold } from "../kernel/index.js";
import { type LabEvent, type ProjectEvent, type ProjectState, projectDecider, redact } from "../lab/index.js";
import { type AsOf, eventsAsOf } from "./as-of.js";

/** One step of a project's history: the event, who caused it and when, and the state it led to. */
export interface HistoryStep {
  eventId: string;
  type: ProjectEvent["type"];
  version: number;
  actor: Envelope["actor"];
  occurredAt: string;
  recordedAt: string;
  state: ProjectState;
}

// The project's own events, with every participant the log erases shown by their redacted form
// only: an erasure recorded later still hides the person in the states of earlier dates.
const ofProject = (events: Iterable<Envelope<LabEvent>>, projectId: string): Envelope<ProjectEvent>[] => {
  const stream = `project:${projectId}`;
  const own: Envelope<ProjectEvent>[] = [];
  const erased: string[] = [];
  for (const e of events) {
    if (e.streamId === stream) own.push(e as Envelope<ProjectEvent>);
    else if (e.type === "ParticipantForgotten") erased.push(e.data.participantRef);
  }
  return redact(own, erased);
};

/**
 * Every state a project went through, with the event, actor and times that caused each one: what
 * an auditor reads to see how the project got where it is. Pass the whole log: participants it
 * erases appear in every state by their redacted form only.
 *
 * @example
 * for (const step of historyOf(events, "lx-007")) console.log(step.occurredAt, step.type, step.actor.id, step.state.stage);
 */
export const historyOf = (events: Iterable<Envelope<LabEvent>>, projectId: string): HistoryStep[] => {
  const steps: HistoryStep[] = [];
  let state = projectDecider.initialState;
  for (const e of ofProject(events, projectId)) {
    state = fold(projectDecider, [e], state);
    steps.push({ eventId: e.id, type: e.type, version: e.version, actor: e.actor, occurredAt: e.occurredAt, recordedAt: e.recordedAt, state });
  }
  return steps;
};

/**
 * A project's state as of a date, by business time (what had happened) or record time (what had
 * been recorded), reusing `eventsAsOf`.
 *
 * @example
 * projectStateAsOf(events, "lx-007", { at: "2019-06-30T23:59:59Z", by: "recordedAt" }).stage
 */
export const projectStateAsOf = (events: Iterable<Envelope<LabEvent>>, projectId: string, asOf: AsOf): ProjectState =>
  fold(projectDecider, eventsAsOf(ofProject(events, projectId), asOf));
