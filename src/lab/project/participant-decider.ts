import type { Draft } from "immer";
import { type Context, type Decider, type DomainError, type Emitted, type Envelope, err, ok, type Result } from "../../kernel/index.js";
import { type LabRuleCode, ParticipantCommand, type ParticipantEvent, participantEvents } from "../catalogue/index.js";
import { checkActorAndTime } from "./preconditions.js";
import { labRule } from "../shared/index.js";
import { initialParticipantState, type ParticipantState } from "../privacy/index.js";

/** Decide a command on a participant stream: forget a participant reference once. */
export const decideParticipant = (
  c: ParticipantCommand,
  s: ParticipantState,
  ctx: Context,
): Result<readonly Emitted<ParticipantEvent>[], DomainError<LabRuleCode>> => {
  const when = checkActorAndTime(c.type, c.occurredAt, ctx);
  if (!when.ok) return when;
  if (s.forgotten) return err(labRule("participant_already_forgotten", `This participant was already forgotten on ${s.forgottenAt ?? "an earlier date"}.`));
  return ok([{ type: "ParticipantForgotten", data: { participantRef: c.participantRef }, occurredAt: when.value }]);
};

/** Evolve a participant's erasure state by one event. */
export const evolveParticipant = (s: Draft<ParticipantState>, e: Envelope<ParticipantEvent>): void => {
  switch (e.type) {
    case "ParticipantForgotten":
      s.forgotten = true;
      s.forgottenAt = e.occurredAt;
      return;
    default: {
      const never: never = e.type;
      return never;
    }
  }
};

/** The type of the erasure decider. */
export interface ParticipantDecider extends Decider<ParticipantCommand, ParticipantState, ParticipantEvent, Context, LabRuleCode> {}

/** The erasure decider (streams `participant:<ref>`). */
export const participantDecider: ParticipantDecider = {
  commandSchema: ParticipantCommand,
  events: participantEvents,
  streamOf: (c) => `participant:${c.participantRef}`,
  initialState: initialParticipantState,
  decide: decideParticipant,
  evolve: evolveParticipant,
};
