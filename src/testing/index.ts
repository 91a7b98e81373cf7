/**
 * labx-core/testing: deterministic contexts and given/when/then scenarios for tests, in any runner.
 * @packageDocumentation
 */
export * from "./commands.js";
export * from "./conformance.js";
export * from "./context.js";
export { diff, matchesPartial } from "./diff.js";
export { playProject, type PlayHooks, type StepInput } from "./histories.js";
export * from "./must.js";
export * from "./prng.js";
export * from "./projection-spec.js";
export * from "./scenario.js";
