// How a JSON leaf is written, in one place for the general canonical writer and the compiled ones,
// so that both write every string and number to the same byte. Internal: not exported from the package.

// Characters JSON.stringify escapes: the quote, the backslash, controls, and (conservatively) any
// surrogate. A string without them is written as it is, about twice as fast as asking JSON.stringify.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be found
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON text, quoted and escaped as `JSON.stringify` writes it. */
export const quoteJson = (value: string): string => (ESCAPED.test(value) ? JSON.stringify(value) : `"${value}"`);
