import { deepFreeze, type Immutable, PersistentMap } from "../../kernel/index.js";
import { type AdoptionState, initialAdoption } from "../adoption/index.js";
import { type EvidenceState, initialEvidence } from "../evidence/index.js";
import { initialLifecycle, type LifecycleState } from "../lifecycle/index.js";
import { initialMoney, type MoneyState } from "../money/index.js";
import { initialOrganisations, type OrganisationsState } from "../organisations/index.js";
import { initialPilots, type PilotsState } from "../pilots/index.js";
import { initialProcurement, type ProcurementState } from "../procurement/index.js";
import { initialSessions, type SessionsState } from "../sessions/index.js";

/** An event a later one depends on: which, and when it happened. */
export type Cause = Immutable<{ type: string; eventId: string; at: string }>;

/** What the causality rule keeps: the latest business time of the facts later events depend on. */
export type CausesState = Immutable<{
  /**
   * By dependency and key (see `dependencies`): what the rule "nothing occurs before what it depends
   * on" reads. It grows with the project's events, so it is a `PersistentMap`.
   */
  facts: PersistentMap<string, Cause>;
}>;

/**
 * Everything known about one project (stream `project:<id>`): each slice's part — the lifecycle,
 * the organisations, the sessions, procurement, money, the evidence, the pilots, the adoptions —
 * and the causes later events depend on.
 */
export interface ProjectState
  extends LifecycleState,
    OrganisationsState,
    SessionsState,
    ProcurementState,
    MoneyState,
    EvidenceState,
    PilotsState,
    AdoptionState,
    CausesState {}

/** The state of a project stream with no events. Frozen: it is shared by every rebuild. */
export const initialProjectState: ProjectState = deepFreeze({
  ...initialLifecycle,
  ...initialOrganisations,
  ...initialSessions,
  ...initialProcurement,
  ...initialMoney,
  ...initialEvidence,
  ...initialPilots,
  ...initialAdoption,
  facts: PersistentMap.empty<string, Cause>(),
});
