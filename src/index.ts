/**
 * labx-core: the event-sourced domain core of a public-sector innovation lab.
 * @packageDocumentation
 */
export * from "./kernel/index.js";
export * from "./lab/index.js";
export * from "./projections/index.js";
export * from "./publish/index.js";
