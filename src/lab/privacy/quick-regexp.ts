// The participant-reference pattern tries its look-aheads on every reference; most references are
// lowercase hex (digests, HMACs) or redacted forms, which a one-step pattern recognises. A
// `QuickRegExp` tries that first and falls back to the full pattern: what the quick one accepts the
// full one accepts too (a property test checks it), so every verdict is the full pattern's. Its
// `source` is the full pattern's, so `schema.json` publishes the rule itself. Internal: not
// exported from the package.

/** A pattern that tries a quick sub-pattern before itself. */
export class QuickRegExp extends RegExp {
  readonly #quick: RegExp;
  constructor(full: string, quick: RegExp) {
    super(full, "u");
    this.#quick = quick;
  }
  // Patterns derived by split or matchAll are plain ones (this constructor takes other arguments).
  static override get [Symbol.species](): RegExpConstructor {
    return RegExp;
  }
  override test(s: string): boolean {
    return this.#quick.test(s) || super.test(s);
  }
}

/** Lowercase hex of 32 to 128 digits with at least one letter (all digits would read as a number). */
export const QUICK_REF = /^(?=[0-9]{0,127}[a-f])[0-9a-f]{32,128}$/u;
/** The same, or a redacted reference. */
export const QUICK_STORED_REF = /^(?:sha256:[0-9a-f]{64}|(?=[0-9]{0,127}[a-f])[0-9a-f]{32,128})$/u;
