import { dataOf, emit, type Evolvers, type Handlers, unregistered } from "./common.js";

/** Adoption of the solution by a registered organisation, once the project is in scale. */
export const adoptionHandlers: Handlers<"RecordAdoption"> = {
  RecordAdoption: (c, _s, ctx, at) =>
    unregistered([c.entityId], ctx) ??
    emit(at, {
      type: "AdoptionRecorded",
      data: dataOf(c),
    }),
};

/** Every adoption, in order. */
export const adoptionEvolvers: Evolvers<"AdoptionRecorded"> = {
  AdoptionRecorded: (s, e) => {
    const { projectId: _project, ...adoption } = e.data;
    s.adoptions.push({ ...adoption, at: e.occurredAt });
  },
};
