import { type DomainError, type Envelope, err, ok, type Result, streamTracker } from "../kernel/index.js";
import type { LabEvent, ParticipantRole } from "../lab/index.js";
import { type AsOf, eventsAsOf } from "./as-of.js";
import { inProject } from "./context.js";
import type { Headline } from "./figures.js";

/**
 * Lineage: the ids of the events that produced a headline figure, in log order, so an auditor can
 * check each one. Events that only establish a fact the figure relies on are included (the
 * `EntityRegistered` that makes an organisation public, the `SessionClosed` that makes attendance
 * count).
 *
 * @example
 * explain(events, "projectsImplemented") // ok: the StageEntered events into pilot, one per project
 */
export const explain = (events: readonly Envelope<LabEvent>[], figure: keyof Headline, asOf?: AsOf): Result<string[], DomainError> => {
  const selected = asOf === undefined ? ok(events) : eventsAsOf(events, asOf);
  if (!selected.ok) return selected;
  // The log as the figures read it: in version order, each event once.
  const track = streamTracker();
  const log: Envelope<LabEvent>[] = [];
  for (const e of selected.value) {
    const placed = track.place(e);
    if (placed.kind === "failure") return err(placed.error);
    if (placed.kind === "next") log.push(e);
  }
  const closed = new Set<string>();
  const publicEntities = new Set<string>();
  const registered = new Map<string, string>();
  for (const e of log) {
    if (e.type === "SessionClosed") closed.add(inProject(e.data.projectId, e.data.sessionId));
    if (e.type === "EntityRegistered" && e.data.kind === "public") {
      publicEntities.add(e.data.entityId);
      registered.set(e.data.entityId, e.id);
    }
  }
  const ids = new Set<string>();
  const attendance = (role: ParticipantRole | null): void => {
    const sessions = new Set<string>();
    for (const e of log) {
      if (e.type !== "AttendanceRecorded") continue;
      const session = inProject(e.data.projectId, e.data.sessionId);
      if (closed.has(session) && e.data.attendees.some((a) => role === null || a.role === role)) {
        ids.add(e.id);
        sessions.add(session);
      }
    }
    for (const e of log) if (e.type === "SessionClosed" && sessions.has(inProject(e.data.projectId, e.data.sessionId))) ids.add(e.id);
  };
  switch (figure) {
    case "projects":
      for (const e of log) if (e.type === "ChallengeSubmitted") ids.add(e.id);
      break;
    case "projectsImplemented": {
      // The first entry into pilot of each project, and the challenge that made it a project.
      const seen = new Set<string>();
      for (const e of log) {
        if (e.type === "StageEntered" && e.data.stage === "pilot" && !seen.has(e.data.projectId)) {
          seen.add(e.data.projectId);
          ids.add(e.id);
        }
      }
      for (const e of log) if (e.type === "ChallengeSubmitted" && seen.has(e.data.projectId)) ids.add(e.id);
      break;
    }
    case "distinctParticipants":
      attendance(null);
      break;
    case "citizens":
      attendance("citizen");
      break;
    case "civilServants":
      attendance("civil_servant");
      break;
    case "sessionsHeld":
      for (const e of log) if (e.type === "SessionClosed") ids.add(e.id);
      break;
    case "partners":
      for (const e of log) if (e.type === "EntityJoined" && e.data.role === "partner") ids.add(e.id);
      break;
    case "publicEntities": {
      const used = new Set<string>();
      const engage = (e: Envelope<LabEvent>, entityId: string): void => {
        if (!publicEntities.has(entityId)) return;
        ids.add(e.id);
        used.add(entityId);
      };
      const heldBy = new Set<string>();
      for (const e of log) {
        if (e.type === "ChallengeSubmitted") engage(e, e.data.ownerEntityId);
        else if (e.type === "EntityJoined" || e.type === "AdoptionRecorded") engage(e, e.data.entityId);
        else if (e.type === "AttendanceRecorded" && closed.has(inProject(e.data.projectId, e.data.sessionId))) {
          for (const a of e.data.attendees) {
            if (a.role === "civil_servant" && a.affiliationEntityId !== undefined && publicEntities.has(a.affiliationEntityId)) {
              engage(e, a.affiliationEntityId);
              heldBy.add(inProject(e.data.projectId, e.data.sessionId));
            }
          }
        }
      }
      // An affiliation counts once its session is held: the closing is part of the lineage.
      for (const e of log) if (e.type === "SessionClosed" && heldBy.has(inProject(e.data.projectId, e.data.sessionId))) ids.add(e.id);
      for (const id of used) ids.add(registered.get(id) ?? "");
      break;
    }
    default: {
      const never: never = figure;
      return never;
    }
  }
  return ok(log.filter((e) => ids.has(e.id)).map((e) => e.id));
};
