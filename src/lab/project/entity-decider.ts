import type { Draft } from "immer";
import { type Context, type Decider, type DomainError, type Emitted, type Envelope, err, ok, type Result } from "../../kernel/index.js";
import { EntityCommand, type EntityEvent, entityEvents, type LabRuleCode } from "../catalogue/index.js";
import { checkActorAndTime } from "./preconditions.js";
import { labRule } from "../shared/index.js";
import { type EntityState, initialEntityState } from "../organisations/index.js";

/** Decide a command on an entity stream: register an organisation once, with a level only if public. */
export const decideEntity = (c: EntityCommand, s: EntityState, ctx: Context): Result<readonly Emitted<EntityEvent>[], DomainError<LabRuleCode>> => {
  const when = checkActorAndTime(c.type, c.occurredAt, ctx);
  if (!when.ok) return when;
  if (s.registered) return err(labRule("entity_exists", `Entity ${c.entityId} is already registered as ${s.name}.`, { entityId: c.entityId }));
  if (c.kind === "public" && c.level === undefined)
    return err(labRule("level_required", "A public entity needs its level: national, regional or local.", { entityId: c.entityId }));
  if (c.kind !== "public" && c.level !== undefined)
    return err(labRule("level_not_applicable", `Only public entities have a level; this one is ${c.kind}.`, { entityId: c.entityId }));
  const { type: _t, occurredAt: _o, ...data } = c;
  return ok([{ type: "EntityRegistered", data, occurredAt: when.value }]);
};

/** Evolve an entity's state by one event. */
export const evolveEntity = (s: Draft<EntityState>, e: Envelope<EntityEvent>): void => {
  switch (e.type) {
    case "EntityRegistered":
      Object.assign(s, {
        registered: true,
        entityId: e.data.entityId,
        name: e.data.name,
        kind: e.data.kind,
        level: e.data.level ?? null,
        sector: e.data.sector,
        territory: e.data.territory ?? null,
      });
      return;
    default: {
      const never: never = e.type;
      return never;
    }
  }
};

/** The type of the organisation register's decider. */
export interface EntityDecider extends Decider<EntityCommand, EntityState, EntityEvent, Context, LabRuleCode> {}

/** The organisation register's decider (streams `entity:<id>`). */
export const entityDecider: EntityDecider = {
  commandSchema: EntityCommand,
  events: entityEvents,
  streamOf: (c) => `entity:${c.entityId}`,
  initialState: initialEntityState,
  decide: decideEntity,
  evolve: evolveEntity,
};
