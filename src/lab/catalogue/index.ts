// The catalogues assembled from the slices: events, commands, permissions, rule codes, the project state.
export * from "./commands.js";
export * from "./events.js";
export * from "./permissions.js";
export * from "./rule-codes.js";
export * from "./state.js";
