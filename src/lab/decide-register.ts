import { type Context, type DomainError, type Emitted, err, ok, type Result, ruleViolation } from "../kernel/index.js";
import type { EntityCommand, ParticipantCommand } from "./commands.js";
import type { EntityEvent, ParticipantEvent } from "./events.js";
import { checkActorAndTime } from "./rules.js";
import type { EntityState, ParticipantState } from "./state.js";

/** Decide a command on an entity stream: register an organisation once, with a level only if public. */
export const decideEntity = (c: EntityCommand, s: EntityState, ctx: Context): Result<readonly Emitted<EntityEvent>[], DomainError> => {
  const when = checkActorAndTime(c.type, c.occurredAt, ctx);
  if (!when.ok) return when;
  if (s.registered) return err(ruleViolation("entity_exists", `Entity ${c.entityId} is already registered as ${s.name}.`, { entityId: c.entityId }));
  if (c.kind === "public" && c.level === undefined) {
    return err(ruleViolation("level_required", "A public entity needs its level: national, regional or local.", { entityId: c.entityId }));
  }
  if (c.kind !== "public" && c.level !== undefined) {
    return err(ruleViolation("level_not_applicable", `Only public entities have a level; this one is ${c.kind}.`, { entityId: c.entityId }));
  }
  const { type: _t, occurredAt: _o, ...data } = c;
  return ok([{ type: "EntityRegistered", data, occurredAt: when.value }]);
};

/** Decide a command on a participant stream: forget a participant reference once. */
export const decideParticipant = (c: ParticipantCommand, s: ParticipantState, ctx: Context): Result<readonly Emitted<ParticipantEvent>[], DomainError> => {
  const when = checkActorAndTime(c.type, c.occurredAt, ctx);
  if (!when.ok) return when;
  if (s.forgotten) return err(ruleViolation("participant_already_forgotten", `This participant was already forgotten on ${s.forgottenAt ?? "an earlier date"}.`));
  return ok([{ type: "ParticipantForgotten", data: { participantRef: c.participantRef }, occurredAt: when.value }]);
};
