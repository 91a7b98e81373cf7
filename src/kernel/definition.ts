// Module-level definitions that call into zod (every schema) or build objects are written
// `/* @__PURE__ */ definition(() => …)`: the annotation tells a bundler the call has no effect but
// its value, and the arrow function holds every nested call, so an application that imports only
// what needs no schema — the Result helpers, `fold`, projections over decoded events — carries
// neither the definitions nor zod. Internal: not exported from the package.

/** The value `define` returns, computed at once. */
export const definition = <T>(define: () => T): T => define();
