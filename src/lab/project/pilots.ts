import { dataOf, emit, type Evolvers, type Handlers, refuse, time } from "./common.js";
import { evidenceLevelProblem } from "../evidence.js";
import { requirementMet } from "./requirements.js";

/** Pilots and their evaluation: one pilot per stay in pilot, with a committed sponsor and the project's own entities. */
export const pilotHandlers: Handlers<"StartPilot" | "EndPilot" | "PublishEvaluation"> = {
  StartPilot: (c, s, _ctx, at) => {
    if (!requirementMet(s, "sponsor_committed"))
      return refuse("sponsor_not_committed", "A pilot needs a committed sponsor: no registered public entity is sponsoring this project now.");
    if (time(c.plannedEnd) <= time(at)) return refuse("pilot_end_before_start", `The pilot's planned end (${c.plannedEnd}) must come after its start (${at}).`);
    const outside = c.entityIds.filter((id) => id !== s.ownerEntityId && !s.entities.get(id)?.active);
    if (outside.length > 0) {
      return refuse(
        "entity_not_in_project",
        `Pilot entities must be the owner or have joined the project: ${outside.join(", ")} ha${outside.length > 1 ? "ve" : "s"} not.`,
        { entityIds: outside },
      );
    }
    return emit(at, { type: "PilotStarted", data: dataOf(c) });
  },
  EndPilot: (c, _s, _ctx, at) => emit(at, { type: "PilotEnded", data: { projectId: c.projectId } }),
  PublishEvaluation: (c, _s, _ctx, at) => {
    const problem = evidenceLevelProblem(c.evidenceLevel, c);
    if (problem !== undefined) return refuse("evidence_level_unsupported", problem, { evidenceLevel: c.evidenceLevel, method: c.method });
    return emit(at, { type: "EvaluationPublished", data: dataOf(c) });
  },
};

/** The pilot under way, and every evaluation in order. */
export const pilotEvolvers: Evolvers<"PilotStarted" | "PilotEnded" | "EvaluationPublished"> = {
  PilotStarted: (s, e) => {
    s.pilot = { startedAt: e.occurredAt, plannedEnd: e.data.plannedEnd, sites: e.data.sites, entityIds: e.data.entityIds, endedAt: null };
  },
  PilotEnded: (s, e) => {
    if (s.pilot) s.pilot.endedAt = e.occurredAt;
  },
  EvaluationPublished: (s, e) => {
    const { projectId: _project, ...evaluation } = e.data;
    s.evaluations.push({ ...evaluation, at: e.occurredAt });
  },
};
