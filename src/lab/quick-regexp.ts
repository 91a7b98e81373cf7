// The participant-reference pattern tries its look-aheads on every reference; most references are
// lowercase hex (digests, HMACs) or redacted forms, which a one-step pattern recognises. A
// `QuickRegExp` tries that first and falls back to the full pattern: what the quick one accepts the
// full one accepts too (a property test checks it), so every verdict is the full pattern's. Its
// `source` is the full pattern's, so `schema.json` publishes the rule itself. The quick test is a
// scan of character codes, not a second regular expression: one loop over a reference costs less
// than the engine's setup. Internal: not exported from the package.
import { ScannedRegExp } from "../kernel/scanned-regexp.js";

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
    super(full, (s) => (quick.test(s) ? true : undefined));
  }
}

// Lowercase hex digits from `from` to the end.
const lowerHexFrom = (s: string, from: number): boolean => {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
};

// 32 to 128 lowercase hex digits with at least one letter (all digits would read as a number).
const quickRef = (s: string): boolean => {
  if (s.length < 32 || s.length > 128 || !lowerHexFrom(s, 0)) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 97) return true;
  return false;
};

/** Lowercase hex of 32 to 128 digits with at least one letter: `/^(?=[0-9]{0,127}[a-f])[0-9a-f]{32,128}$/u`. */
export const QUICK_REF: QuickTest = { test: quickRef };
/** The same, or a redacted reference: `/^(?:sha256:[0-9a-f]{64}|(?=[0-9]{0,127}[a-f])[0-9a-f]{32,128})$/u`. */
export const QUICK_STORED_REF: QuickTest = {
  test: (s) => quickRef(s) || (s.length === 71 && s.startsWith("sha256:") && lowerHexFrom(s, 7)),
};
