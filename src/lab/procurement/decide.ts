import type { Draft } from "immer";
import type { Envelope } from "../../kernel/index.js";
import type { ProjectEvent } from "../catalogue/index.js";
import type { Procurement } from "./state.js";
import { dataOf, type Decided, emit, type Evolvers, type Handlers, refuse, unregistered, type Whens } from "../shared/index.js";

/** The events of a procurement: requested, contracted, cancelled. */
export type ProcurementEvent = Extract<ProjectEvent, { type: "ProcurementRequested" | "ProcurementContracted" | "ProcurementCancelled" }>;

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

/**
 * Keep procurements (a recipe): requested, then contracted or cancelled. The project's own state
 * (a PersistentMap of frozen values) and the portfolio projection (a Map) both run it, so they
 * cannot disagree: a change is a new procurement set back, never one changed in place.
 *
 * @example
 * const draft = { procurements: new Map() } as Draft<{ procurements: Map<string, Procurement> }>;
 * for (const e of history) {
 *   if (e.type === "ProcurementRequested" || e.type === "ProcurementContracted" || e.type === "ProcurementCancelled") evolveProcurements(draft, e);
 * }
 */
export const evolveProcurements = (s: Draft<{ procurements: Map<string, Procurement> }>, e: Envelope<ProcurementEvent>): void => {
  const at = e.occurredAt;
  const p = s.procurements.get(e.data.procurementId);
  switch (e.type) {
    case "ProcurementRequested":
      s.procurements = s.procurements.set(e.data.procurementId, {
        procedure: e.data.procedure,
        estimatedValue: e.data.estimatedValue,
        status: "requested",
        requestedAt: at,
        settledAt: null,
        settledEventId: null,
        supplierEntityId: null,
        value: null,
      });
      return;
    case "ProcurementContracted":
      if (p) {
        const contracted = {
          status: "contracted" as const,
          settledAt: at,
          settledEventId: e.id,
          supplierEntityId: e.data.supplierEntityId,
          value: e.data.value,
        };
        s.procurements = s.procurements.set(e.data.procurementId, { ...p, ...contracted });
      }
      return;
    case "ProcurementCancelled":
      if (p) s.procurements = s.procurements.set(e.data.procurementId, { ...p, status: "cancelled", settledAt: at, settledEventId: e.id });
      return;
    default: {
      const never: never = e;
      return never;
    }
  }
};

/** A procurement keeps when it was requested and how, and when it settled. */
export const procurementEvolvers: Evolvers<ProcurementEvent["type"]> = {
  ProcurementRequested: evolveProcurements,
  ProcurementContracted: evolveProcurements,
  ProcurementCancelled: evolveProcurements,
};

/** A procurement under way settles while the project is paused too (a pause for procurement waits for it). */
export const procurementWhen: Whens<"ContractProcurement" | "CancelProcurement"> = {
  ContractProcurement: { whilePaused: true },
  CancelProcurement: { whilePaused: true },
};
