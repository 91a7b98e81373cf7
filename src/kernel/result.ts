/** A successful outcome carrying a value. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

/** A failed outcome carrying an error value. */
export interface Err<E> {
  readonly ok: false;
  readonly error: E;
}

/**
 * The outcome of an operation that can fail on user input: errors are values, not exceptions.
 *
 * @example
 * const positive = (n: number): Result<number, string> => (n > 0 ? ok(n) : err(`${n} is not positive`));
 * const r = positive(-1);
 * if (!r.ok) console.log(r.error);
 */
export type Result<T, E> = Ok<T> | Err<E>;

/**
 * Wrap a value as a success.
 *
 * @example
 * ok(42) // { ok: true, value: 42 }
 */
export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

/**
 * Wrap an error as a failure.
 *
 * @example
 * err(ruleViolation("stage_closed", "The pilot has already ended."))
 */
export const err = <E>(error: E): Err<E> => ({ ok: false, error });
