import { type DomainError, type Envelope, err, fold, ok, type Result, startWorking, streamTracker } from "../kernel/index.js";
import { type LabEvent, type ProjectEvent, type ProjectState, projectDecider, redact, type Stage, type Status } from "../lab/index.js";
import { type AsOf, eventsAsOf } from "./as-of.js";

/** One step of a project's history: the event, who caused it and when, and the state it led to. */
export interface HistoryStep {
  eventId: string;
  type: ProjectEvent["type"];
  version: number;
  actor: Envelope["actor"];
  occurredAt: string;
  recordedAt: string;
  /** The project's stage after the event. */
  stage: Stage;
  /** The project's status after the event. */
  status: Status;
  /**
   * The whole state after the event, built when first read (and kept): a history of thousands of
   * events costs its length, not its length times the state's size, unless every state is read.
   */
  state: ProjectState;
}

// The project's own events in version order (a redelivery dropped, anything out of place refused),
// with every participant the log erases shown by their redacted form only: an erasure recorded
// later still hides the person in the states of earlier dates.
const ofProject = (events: Iterable<Envelope<LabEvent>>, projectId: string): Result<Envelope<ProjectEvent>[], DomainError> => {
  const stream = `project:${projectId}`;
  const track = streamTracker();
  const own: Envelope<ProjectEvent>[] = [];
  const erased: string[] = [];
  for (const e of events) {
    if (e.streamId === stream) {
      const placed = track.place(e);
      if (placed.kind === "failure") return err(placed.error);
      if (placed.kind === "next") own.push(e as Envelope<ProjectEvent>);
    } else if (e.type === "ParticipantForgotten") erased.push(e.data.participantRef);
  }
  return ok(redact(own, erased));
};

/**
 * Every state a project went through, with the event, actor and times that caused each one: what
 * an auditor reads to see how the project got where it is. Pass the whole log: participants it
 * erases appear in every state by their redacted form only.
 *
 * @example
 * const h = historyOf(events, "lx-007");
 * if (h.ok) for (const step of h.value) console.log(step.occurredAt, step.type, step.actor.id, step.state.stage);
 */
export const historyOf = (events: Iterable<Envelope<LabEvent>>, projectId: string): Result<HistoryStep[], DomainError> => {
  const own = ofProject(events, projectId);
  if (!own.ok) return own;
  const log = own.value;
  // States are built on first read: from the step before when it was read (sharing what did not
  // change), else from scratch.
  const states: ProjectState[] = [];
  const stateAt = (i: number): ProjectState => {
    let state = states[i];
    if (state === undefined) {
      const before = i > 0 ? states[i - 1] : projectDecider.initialState;
      state = before === undefined ? fold(projectDecider, log.slice(0, i + 1)) : fold(projectDecider, log.slice(i, i + 1), before);
      states[i] = state;
    }
    return state;
  };
  const working = startWorking(projectDecider.initialState);
  return ok(
    log.map((e, i) => {
      projectDecider.evolve(working, e);
      const step = { eventId: e.id, type: e.type, version: e.version, actor: e.actor, occurredAt: e.occurredAt, recordedAt: e.recordedAt };
      return Object.freeze(
        Object.defineProperties({ ...step, stage: working.stage, status: working.status }, { state: { enumerable: true, get: () => stateAt(i) } }),
      ) as HistoryStep;
    }),
  );
};

/**
 * A project's state as of a date, by business time (what had happened) or record time (what had
 * been recorded), reusing `eventsAsOf`.
 *
 * @example
 * const r = projectStateAsOf(events, "lx-007", { at: "2019-06-30T23:59:59Z", by: "recordedAt" });
 * if (r.ok) console.log(r.value.stage);
 */
export const projectStateAsOf = (events: Iterable<Envelope<LabEvent>>, projectId: string, asOf: AsOf): Result<ProjectState, DomainError> => {
  const own = ofProject(events, projectId);
  if (!own.ok) return own;
  const then = eventsAsOf(own.value, asOf);
  return then.ok ? ok(fold(projectDecider, then.value)) : then;
};
