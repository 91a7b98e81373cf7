// The participant-reference pattern tries its look-aheads on every reference; most references are
// lowercase hex (digests, HMACs) or redacted forms, which a one-step pattern recognises. A
// `QuickRegExp` tries that first and falls back to the full pattern: what the quick one accepts the
// full one accepts too (a property test checks it), so every verdict is the full pattern's. Its
// `source` is the full pattern's, so `schema.json` publishes the rule itself. The quick test is a
// scan of character codes, not a second regular expression: one loop over a reference costs less
// than the engine's setup. Internal: not exported from the package.
import { ScannedRegExp } from "../../kernel/index.js";

/** A test that accepts only strings the full pattern accepts. */
export interface QuickTest {
  test(s: string): boolean;
}

/**
 * A pattern that tries a quick sub-pattern before itself: the kernel's scanned pattern, whose scan
 * here only ever accepts (what it does not accept, the full pattern judges).
 */
export class QuickRegExp extends ScannedRegExp {
  constructor(full: string, quick: QuickTest) {
    super(full, (s) => (quick.test(s) ? true : undefined), true);
  }
}

// Which character codes are lowercase hex digits: one load a character, where four comparisons were.
const HEX_DIGIT = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (const c of "0123456789abcdef") table[c.charCodeAt(0)] = 1;
  return table;
})();

// Lowercase hex from `from` to the end (with at least one letter, when `letter` is asked for).
// Digits lack the bit 64 that a to f carry, so or-ing the codes tells whether there was a letter.
const lowerHexFrom = (s: string, from: number, letter: boolean): boolean => {
  let bits = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127 || HEX_DIGIT[c] === 0) return false;
    bits |= c;
  }
  return !letter || (bits & 64) !== 0;
};

// The last string accepted: a stored reference is tested twice in a row (the pattern, then its one
// form), and the second test is then one comparison. A cache of one verdict, not state: the same
// string always gets the same verdict.
let lastAccepted: string | undefined;

// 32 to 128 lowercase hex digits with at least one letter (all digits would read as a number), or (`stored`) a redacted reference.
const quickRef = (s: string, stored: boolean): boolean => {
  if (s === lastAccepted) return stored || !s.startsWith("sha256:");
  const ok =
    (s.length >= 32 && s.length <= 128 && lowerHexFrom(s, 0, true)) || (stored && s.length === 71 && s.startsWith("sha256:") && lowerHexFrom(s, 7, false));
  if (ok) lastAccepted = s;
  return ok;
};

/** Lowercase hex of 32 to 128 digits with at least one letter: `/^(?=[0-9]{0,127}[a-f])[0-9a-f]{32,128}$/u`. */
export const QUICK_REF: QuickTest = { test: (s) => quickRef(s, false) };
/** The same, or a redacted reference: `/^(?:sha256:[0-9a-f]{64}|(?=[0-9]{0,127}[a-f])[0-9a-f]{32,128})$/u`. */
export const QUICK_STORED_REF: QuickTest = { test: (s) => quickRef(s, true) };
