import type { Procurement } from "../state.js";
import { type Decided, dataOf, emit, type Evolvers, type Handlers, refuse, unregistered } from "./common.js";

// A procurement still to settle: requested, neither cancelled nor contracted.
const pending = (p: Procurement | undefined, procurementId: string): Decided | undefined => {
  if (!p) return refuse("procurement_not_found", `No procurement ${procurementId} has been requested in this project.`, { procurementId });
  if (p.status === "cancelled") return refuse("procurement_cancelled", `Procurement ${procurementId} was cancelled.`, { procurementId });
  if (p.status === "contracted") return refuse("procurement_already_contracted", `Procurement ${procurementId} is already contracted.`, { procurementId });
  return undefined;
};

/** Procurement: requested once, then contracted (with a registered supplier) or cancelled once. */
export const procurementHandlers: Handlers<"RequestProcurement" | "ContractProcurement" | "CancelProcurement"> = {
  RequestProcurement: (c, s, _ctx, at) => {
    if (s.procurements.has(c.procurementId)) return refuse("procurement_exists", `Procurement ${c.procurementId} has already been requested.`);
    return emit(at, { type: "ProcurementRequested", data: dataOf(c) });
  },
  ContractProcurement: (c, s, ctx, at) =>
    pending(s.procurements.get(c.procurementId), c.procurementId) ??
    unregistered([c.supplierEntityId], ctx) ??
    emit(at, {
      type: "ProcurementContracted",
      data: { projectId: c.projectId, procurementId: c.procurementId, supplierEntityId: c.supplierEntityId, value: c.value },
    }),
  CancelProcurement: (c, s, _ctx, at) =>
    pending(s.procurements.get(c.procurementId), c.procurementId) ??
    emit(at, { type: "ProcurementCancelled", data: { projectId: c.projectId, procurementId: c.procurementId, reason: c.reason } }),
};

/** A procurement keeps when it was requested and how, and when it settled. */
export const procurementEvolvers: Evolvers<"ProcurementRequested" | "ProcurementContracted" | "ProcurementCancelled"> = {
  ProcurementRequested: (s, e) => {
    const d = e.data;
    s.procurements.set(d.procurementId, {
      procedure: d.procedure,
      estimatedValue: d.estimatedValue,
      status: "requested",
      requestedAt: e.occurredAt,
      settledAt: null,
      supplierEntityId: null,
      value: null,
    });
  },
  ProcurementContracted: (s, e) => {
    const p = s.procurements.get(e.data.procurementId);
    if (p) Object.assign(p, { status: "contracted", settledAt: e.occurredAt, supplierEntityId: e.data.supplierEntityId, value: e.data.value });
  },
  ProcurementCancelled: (s, e) => {
    const p = s.procurements.get(e.data.procurementId);
    if (p) Object.assign(p, { status: "cancelled", settledAt: e.occurredAt });
  },
};
