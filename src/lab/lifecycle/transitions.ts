import type { Gate, Stage } from "./vocabulary.js";

/**
 * The lifecycle as data: which gate leads out of each active stage and where, where a pivot goes
 * back to, and where a project may end. `decide`, `nextSteps`, the figures' gate conversion and the
 * README's state diagram all read this one table.
 */
export const transitions = {
  /** Forward through a gate: stage → next stage. */
  advance: {
    challenge: { to: "co_design", gate: "G1" },
    co_design: { to: "pilot", gate: "G2" },
    pilot: { to: "scale", gate: "G3" },
  },
  /** Out of the last stage through G4 into the mainstream. */
  mainstream: { scale: { gate: "G4" } },
  /** Back one stage after a `recycle` decision. */
  pivot: { co_design: "challenge", pilot: "co_design", scale: "pilot" },
  /** Stages a project may be discontinued from (all active ones). */
  discontinue: ["challenge", "co_design", "pilot", "scale"],
  /** Stages a project may pause in; resuming returns to the same stage. */
  pause: ["challenge", "co_design", "pilot", "scale"],
} as const satisfies {
  advance: Partial<Record<Stage, { to: Stage; gate: Gate }>>;
  mainstream: Partial<Record<Stage, { gate: Gate }>>;
  pivot: Partial<Record<Stage, Stage>>;
  discontinue: readonly Stage[];
  pause: readonly Stage[];
};

/** The gate that leads out of a stage (G1 out of challenge … G4 out of scale). */
export const exitGate = (stage: Stage): Gate => (stage === "scale" ? transitions.mainstream.scale.gate : transitions.advance[stage].gate);

/** The stage a pivot from `stage` returns to, if any. */
export const pivotTarget = (stage: Stage): Stage | undefined =>
  stage in transitions.pivot ? transitions.pivot[stage as keyof typeof transitions.pivot] : undefined;
