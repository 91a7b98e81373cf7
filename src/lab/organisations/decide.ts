import { emit, type Evolvers, type Handlers, refuse, unregistered, type Whens } from "../shared/index.js";

/** Organisations in a project: who joins in which role, who leaves, who declines to take part. */
export const organisationHandlers: Handlers<"RecordEntityJoined" | "RecordEntityLeft" | "RecordEntityDeclined"> = {
  RecordEntityJoined: (c, s, ctx, at) => {
    const known = unregistered([c.entityId], ctx);
    if (known) return known;
    const kind = ctx.register.entity(c.entityId)?.kind;
    if (c.role === "sponsor" && kind !== "public") {
      return refuse("sponsor_not_public", `A sponsor must be a public entity; the register lists ${c.entityId} as ${kind ?? "unknown"}.`, {
        entityId: c.entityId,
      });
    }
    const m = s.entities.get(c.entityId);
    if (m?.active && m.roles.has(c.role))
      return refuse("entity_already_joined", `Entity ${c.entityId} is already a ${c.role} of this project.`, { entityId: c.entityId, role: c.role });
    return emit(at, { type: "EntityJoined", data: { projectId: c.projectId, entityId: c.entityId, role: c.role } });
  },
  RecordEntityLeft: (c, s, _ctx, at) => {
    if (!s.entities.get(c.entityId)?.active) return refuse("entity_not_joined", `Entity ${c.entityId} is not part of this project.`, { entityId: c.entityId });
    return emit(at, { type: "EntityLeft", data: { projectId: c.projectId, entityId: c.entityId, ...(c.reason === undefined ? {} : { reason: c.reason }) } });
  },
  RecordEntityDeclined: (c, s, ctx, at) => {
    const known = unregistered([c.entityId], ctx);
    if (known) return known;
    if (s.entities.get(c.entityId)?.active)
      return refuse("entity_already_joined", `Entity ${c.entityId} is part of this project; record that it left instead.`, { entityId: c.entityId });
    if (s.declined.has(c.entityId)) return refuse("entity_already_declined", `Entity ${c.entityId} has already declined.`, { entityId: c.entityId });
    return emit(at, { type: "EntityDeclined", data: { projectId: c.projectId, entityId: c.entityId, reasonCode: c.reasonCode, reason: c.reason } });
  },
};

/** A member who leaves keeps the record of having joined; one who joins again starts afresh. */
export const organisationEvolvers: Evolvers<"EntityJoined" | "EntityLeft" | "EntityDeclined"> = {
  EntityJoined: (s, e) => {
    const m = s.entities.get(e.data.entityId);
    const stamp = { at: e.occurredAt, eventId: e.id };
    if (m === undefined || !m.active) s.entities.set(e.data.entityId, { roles: new Map([[e.data.role, stamp]]), active: true, joined: stamp });
    else if (!m.roles.has(e.data.role)) m.roles.set(e.data.role, stamp);
    s.declined.delete(e.data.entityId);
  },
  EntityLeft: (s, e) => {
    const m = s.entities.get(e.data.entityId);
    if (m) m.active = false;
  },
  EntityDeclined: (s, e) => {
    s.declined.set(e.data.entityId, { reasonCode: e.data.reasonCode, reason: e.data.reason, at: e.occurredAt });
  },
};

/** Organisations come and go while a project is paused too. */
export const organisationsWhen: Whens<"RecordEntityJoined" | "RecordEntityLeft" | "RecordEntityDeclined"> = {
  RecordEntityJoined: { whilePaused: true },
  RecordEntityLeft: { whilePaused: true },
  RecordEntityDeclined: { whilePaused: true },
};
