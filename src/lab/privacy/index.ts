// The privacy slice's public face: other slices and layers import it from here, never from its files.
export * from "./codes.js";
export * from "./commands.js";
export * from "./events.js";
export * from "./quick-regexp.js";
export * from "./redaction.js";
export * from "./references.js";
export * from "./state.js";
