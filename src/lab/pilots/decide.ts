import { isBefore } from "../../kernel/index.js";
import { type BackingReplication, backingReplications, evidenceLevelProblem } from "../evidence/index.js";
import { pilotEnding, pilotKey } from "./ending.js";
import { dataOf, emit, type Evolvers, type Handlers, labRule, refuse, refused, type Whens } from "../shared/index.js";
import { requirementMet } from "../lifecycle/index.js";

/**
 * Pilots and their evaluation: in each stay in pilot, one unnamed pilot or several named ones
 * (`pilotId`) running at once, each with a committed sponsor and the project's own entities.
 */
export const pilotHandlers: Handlers<"StartPilot" | "EndPilot" | "PublishEvaluation"> = {
  StartPilot: (c, s, _ctx, at) => {
    if (!requirementMet(s, "sponsor_committed"))
      return refuse("sponsor_not_committed", "A pilot needs a committed sponsor: no registered public entity is sponsoring this project now.");
    if (!isBefore(at, c.plannedEnd)) return refuse("pilot_end_before_start", `The pilot's planned end (${c.plannedEnd}) must come after its start (${at}).`);
    const outside = c.entityIds.filter((id) => id !== s.ownerEntityId && !s.entities.get(id)?.active);
    if (outside.length > 0) {
      return refuse(
        "entity_not_in_project",
        `Pilot entities must be the owner or have joined the project: ${outside.join(", ")} ha${outside.length > 1 ? "ve" : "s"} not.`,
        { entityIds: outside },
      );
    }
    const existing = s.pilots.get(pilotKey(c.pilotId));
    if (existing) {
      return refuse(
        "pilot_already_started",
        `${c.pilotId === undefined ? "The pilot" : `Pilot ${c.pilotId}`} started on ${existing.startedAt}; ` +
          "name another pilot (pilotId) to run several at once.",
        { pilotId: c.pilotId ?? null },
      );
    }
    return emit(at, { type: "PilotStarted", data: dataOf(c) });
  },
  EndPilot: (c, s, _ctx, at) => {
    const ending = pilotEnding(s.pilots, c.pilotId);
    if (!ending.ok) return refused(ending.error);
    return emit(at, { type: "PilotEnded", data: dataOf(c) });
  },
  PublishEvaluation: (c, _s, ctx, at) => {
    // Levels 4 and 5 rest on the log: the replications' evaluations dated by this one, never on a number typed in.
    const backing = backingReplications(ctx.register.replications(c.projectId), at);
    const method = evidenceLevelProblem(c.evidenceLevel, { method: c.method });
    if (method !== undefined && evidenceLevelProblem(Math.min(c.evidenceLevel, 3), { method: c.method }) !== undefined)
      return refuse("evidence_level_unsupported", method, { evidenceLevel: c.evidenceLevel, method: c.method });
    const problem = evidenceLevelProblem(c.evidenceLevel, { method: c.method, independentReplications: backing.length });
    const claimed = c.independentReplications ?? 0;
    if (problem !== undefined || claimed > backing.length) return refuse("replications_not_in_log", unbacked(c, backing, at), replicationDetails(c, backing));
    const { independentReplications: _typed, ...data } = dataOf(c);
    return emit(at, { type: "EvaluationPublished", data: backing.length > 0 ? { ...data, independentReplications: backing.length } : data });
  },
};

// Why a claim of level 4 or 5, or of replications, is more than the log backs, and what would back it.
type Claim = { projectId: string; evidenceLevel: number; independentReplications?: number | undefined };
const unbacked = (c: Claim, backing: readonly BackingReplication[], at: string): string => {
  const held =
    backing.length === 0
      ? "the log holds no replication of it evaluated by then"
      : `the log holds ${backing.length} (${backing.map((b) => `${b.projectId}, evaluated ${b.at.slice(0, 10)}`).join("; ")})`;
  const day = at.slice(0, 10);
  const needs = c.evidenceLevel >= 5 ? "at least two independent replications" : "an independent replication";
  const claim =
    c.evidenceLevel >= 4
      ? `Evidence level ${c.evidenceLevel} for ${c.projectId} needs ${needs} in the log by ${day}, and ${held}.`
      : `The evaluation of ${c.projectId} gives ${c.independentReplications ?? 0} independent replication(s), but by ${day} ${held}.`;
  return (
    `${claim} A replication counts once a project naming ${c.projectId} as its replicationOf has its latest evaluation, dated no later, ` +
    "find success with a comparison or control group; claim what the log backs (leave independentReplications out: the log's count is recorded), " +
    "or publish once the replication is evaluated."
  );
};
const replicationDetails = (c: Claim, backing: readonly BackingReplication[]) => ({
  evidenceLevel: c.evidenceLevel,
  claimedReplications: c.independentReplications ?? null,
  replicationsInLog: backing.length,
  backingEvaluationIds: backing.map((b) => b.evaluationEventId),
});

/** The pilots of the stay under way, and every evaluation in order. */
export const pilotEvolvers: Evolvers<"PilotStarted" | "PilotEnded" | "EvaluationPublished"> = {
  PilotStarted: (s, e) => {
    const { plannedEnd, sites, entityIds, pilotId } = e.data;
    s.pilots.set(pilotKey(pilotId), {
      pilotId: pilotId ?? null,
      startedAt: e.occurredAt,
      startedEventId: e.id,
      plannedEnd,
      sites,
      entityIds: [...entityIds],
      endedAt: null,
      endedEventId: null,
    });
  },
  PilotEnded: (s, e) => {
    const ending = pilotEnding(s.pilots, e.data.pilotId);
    const pilot = ending.ok ? s.pilots.get(ending.value) : undefined;
    if (pilot) Object.assign(pilot, { endedAt: e.occurredAt, endedEventId: e.id });
  },
  EvaluationPublished: (s, e) => {
    const { projectId: _project, ...evaluation } = e.data;
    s.evaluations.push({ ...evaluation, at: e.occurredAt, eventId: e.id });
  },
};

/** Pilots start in pilot; one ends while one is running; an evaluation assesses a pilot. */
export const pilotsWhen: Whens<"StartPilot" | "EndPilot" | "PublishEvaluation"> = {
  StartPilot: { stages: ["pilot"] },
  EndPilot: {
    check: (s) => {
      if (s.pilots.size === 0) return labRule("pilot_not_started", "The pilot has not started.");
      return [...s.pilots.values()].every((p) => p.endedAt !== null)
        ? labRule("pilot_already_ended", "Every pilot of this stay in pilot has ended.")
        : undefined;
    },
  },
  PublishEvaluation: {
    stages: ["pilot", "scale"],
    check: (s) => (s.pilots.size > 0 ? undefined : labRule("pilot_not_started", "An evaluation assesses a pilot; start the pilot first.")),
  },
};
