// The project stream's decider, assembled from the slices: the checks every command shares, the
// causality rule, and what may happen next.
export * from "./causality.js";
export * from "./decider.js";
export * from "./entity-decider.js";
export * from "./next-steps.js";
export * from "./participant-decider.js";
export * from "./preconditions.js";
