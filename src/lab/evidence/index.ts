// The evidence slice's public face: other slices and layers import it from here, never from its files.
export * from "./codes.js";
export * from "./commands.js";
export * from "./events.js";
export * from "./kpi-definition.js";
export * from "./kpis.js";
export * from "./levels.js";
export * from "./state.js";
export * from "./vocabulary.js";
export * from "./published.js";
export * from "./words.js";
