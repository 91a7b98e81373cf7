import { isBefore } from "../../kernel/index.js";
import type { AdoptionStatus } from "./vocabulary.js";
import { dataOf, type Decided, emit, type Evolvers, type Handlers, refuse, unregistered, type Whens } from "../shared/index.js";

// Live means in use: it has gone live, and not after the record of it.
const goLive = (status: AdoptionStatus | undefined, goLiveAt: string | undefined, at: string): Decided | undefined => {
  if (status !== "live") return undefined;
  if (goLiveAt === undefined) return refuse("go_live_invalid", "A live adoption needs its go-live date (goLiveAt).");
  if (isBefore(at, goLiveAt))
    return refuse("go_live_invalid", `The adoption is recorded as live on ${at} but goes live on ${goLiveAt}; record it as committed until then.`, {
      goLiveAt,
    });
  return undefined;
};

/** Adoption of the solution by a registered organisation, once the project is in scale, and what becomes of it. */
export const adoptionHandlers: Handlers<"RecordAdoption" | "UpdateAdoption"> = {
  RecordAdoption: (c, _s, ctx, at) =>
    unregistered([c.entityId], ctx) ?? goLive(c.status, c.goLiveAt, at) ?? emit(at, { type: "AdoptionRecorded", data: dataOf(c) }),
  UpdateAdoption: (c, s, _ctx, at) => {
    if (!s.adoptions.some((a) => a.entityId === c.entityId)) {
      return refuse("adoption_not_found", `${c.entityId} has not adopted the solution; record the adoption (RecordAdoption) first.`, { entityId: c.entityId });
    }
    return goLive(c.status, c.goLiveAt, at) ?? emit(at, { type: "AdoptionStatusChanged", data: dataOf(c) });
  },
};

/** Every adoption, in order; a status change updates the organisation's latest adoption. */
export const adoptionEvolvers: Evolvers<"AdoptionRecorded" | "AdoptionStatusChanged"> = {
  AdoptionRecorded: (s, e) => {
    const { projectId: _project, ...adoption } = e.data;
    s.adoptions.push({ ...adoption, at: e.occurredAt, eventId: e.id });
  },
  AdoptionStatusChanged: (s, e) => {
    const latest = s.adoptions.findLast((a) => a.entityId === e.data.entityId);
    if (!latest) return;
    latest.status = e.data.status;
    if (e.data.goLiveAt !== undefined) latest.goLiveAt = e.data.goLiveAt;
  },
};

/** Adoption is recorded once the project is in scale. */
export const adoptionWhen: Whens<"RecordAdoption" | "UpdateAdoption"> = { RecordAdoption: { stages: ["scale"] }, UpdateAdoption: { stages: ["scale"] } };
