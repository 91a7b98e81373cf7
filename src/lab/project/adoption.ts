import { emit, type Evolvers, type Handlers, unregistered } from "./common.js";

/** Adoption of the solution by a registered organisation, once the project is in scale. */
export const adoptionHandlers: Handlers<"RecordAdoption"> = {
  RecordAdoption: (c, _s, ctx, at) =>
    unregistered([c.entityId], ctx) ??
    emit(at, {
      type: "AdoptionRecorded",
      data: { projectId: c.projectId, entityId: c.entityId, scaleType: c.scaleType, sites: c.sites, usersCovered: c.usersCovered },
    }),
};

/** Every adoption, in order. */
export const adoptionEvolvers: Evolvers<"AdoptionRecorded"> = {
  AdoptionRecorded: (s, e) => {
    s.adoptions.push({ entityId: e.data.entityId, scaleType: e.data.scaleType, sites: e.data.sites, usersCovered: e.data.usersCovered, at: e.occurredAt });
  },
};
