// Functions generated as code from schemas, for the checks, copies and canonical writers that run
// once per stored value. Closures built from a schema share their call sites across every member of
// every schema, so the engine can inline none of their calls; generated, each member's work has a
// call site of its own. The code holds no text of a schema's but its keys, written as JSON string
// literals; everything else it reads (patterns, sets, functions, odd numbers) comes from `k`, the
// list of constants it is given. Internal: not exported from the package.

/** Code being generated: its constants and its declarations (functions and tables). */
export interface Code {
  readonly constants: unknown[];
  readonly lines: string[];
}

/** A new, empty piece of code. */
export const newCode = (): Code => ({ constants: [], lines: [] });

/** A value the code reads: the expression that reads it. */
export const constant = (code: Code, value: unknown): string => {
  code.constants.push(value);
  return `k[${code.constants.length - 1}]`;
};

/** A function of one value `v` with this body, added to the code: its name. */
export const declare = (code: Code, body: string): string => {
  const name = `f${code.lines.length}`;
  code.lines.push(`function ${name}(v) {\n${body}\n}`);
  return name;
};

/** A table (a `Map`) declared in the code from entries of expressions: its name. */
export const table = (code: Code, entries: readonly (readonly [string, string])[]): string => {
  const name = `m${code.lines.length}`;
  code.lines.push(`const ${name} = new Map([${entries.map(([key, value]) => `[${key}, ${value}]`).join(", ")}]);`);
  return name;
};

/**
 * The code's declarations and a function of `x` returning `result`, made into that function, with
 * `helpers` in scope by their names; undefined where code cannot be generated (a
 * Content-Security-Policy without 'unsafe-eval', say), and then the caller takes its slower path.
 */
export const generate = <F>(code: Code, helpers: Readonly<Record<string, unknown>>, result: string): F | undefined => {
  try {
    const make = new Function("k", ...Object.keys(helpers), `"use strict";\n${code.lines.join("\n")}\nreturn function (x) { return ${result}; };`) as (
      ...values: unknown[]
    ) => F;
    return make(code.constants, ...Object.values(helpers));
  } catch {
    return undefined;
  }
};
