import type { DomainError, Result } from "../kernel/index.js";

/**
 * The value of a result, or a thrown `Error` with the error's code and message: for tests and
 * scripts, where a refusal means the setup is wrong. Never use it on user input in an app.
 *
 * @example
 * const figures = must(computeFigures(events));
 */
export const must = <T>(result: Result<T, DomainError>): T => {
  if (result.ok) return result.value;
  throw new Error(`${result.error.code}: ${result.error.message}`);
};
