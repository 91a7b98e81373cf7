import * as z from "zod";

/** The active stages of an innovation project, in order. */
export const Stage = z.enum(["challenge", "co_design", "pilot", "scale"]);
/** An active stage. */
export type Stage = z.infer<typeof Stage>;

/** Where a project stands: working in its stage, paused in it, or ended for good. */
export const Status = z.enum(["active", "paused", "mainstreamed", "discontinued"]);
/** A project's status. */
export type Status = z.infer<typeof Status>;

/** The gates between stages: G1 challenge → co-design, G2 → pilot, G3 → scale, G4 → mainstreamed. */
export const Gate = z.enum(["G1", "G2", "G3", "G4"]);
/** A gate. */
export type Gate = z.infer<typeof Gate>;

/** What a gate decision says. */
export const GateOutcome = z.enum(["go", "conditional_go", "hold", "recycle", "no_go"]);
/** A gate outcome. */
export type GateOutcome = z.infer<typeof GateOutcome>;

/** Why a project is paused; the first two are the difficulties LabX reports. */
export const PauseReason = z.enum(["procurement", "entity_reluctance", "funding", "legal", "other"]);
/** A pause reason. */
export type PauseReason = z.infer<typeof PauseReason>;

/** Why a project was discontinued. */
export const DiscontinuationReason = z.enum([
  "rejected_at_intake",
  "no_go_at_gate",
  "entity_reluctance",
  "procurement_failed",
  "funding_withdrawn",
  "legal_obstacle",
  "evaluation_failed",
  "superseded",
  "other",
]);
/** A discontinuation reason code. */
export type DiscontinuationReason = z.infer<typeof DiscontinuationReason>;

/** OECD's facets of public-sector innovation. */
export const Facet = z.enum(["enhancement", "mission", "adaptive", "anticipatory"]);
/** An innovation facet. */
export type Facet = z.infer<typeof Facet>;
