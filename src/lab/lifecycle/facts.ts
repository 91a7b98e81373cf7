import type { LifecycleState, Stays } from "./state.js";
import type { Stage } from "./vocabulary.js";

// The lifecycle's named facts: every layer that needs one asks here, so each has one definition.

/**
 * Is the project over for good (mainstreamed or discontinued)?
 *
 * @example
 * isTerminal({ status: "discontinued" }) // true
 */
export const isTerminal = (s: Pick<LifecycleState, "status">): boolean => s.status === "mainstreamed" || s.status === "discontinued";

/**
 * Whether a project counts as implemented: it entered pilot, whatever came after.
 *
 * @example
 * isImplemented([{ stage: "challenge" }, { stage: "co_design" }, { stage: "pilot" }]) // true
 */
export const isImplemented = (stays: readonly { readonly stage: Stage }[]): boolean => stays.some((x) => x.stage === "pilot");

/**
 * When a project first entered pilot — from then on it counts as implemented — or null.
 *
 * @example
 * implementedAt({ stages: [{ stage: "challenge", enteredAt: "2019-01-01T00:00:00Z", leftAt: null }] }) // null
 */
export const implementedAt = (s: Pick<Stays, "stages">): string | null => s.stages.find((x) => x.stage === "pilot")?.enteredAt ?? null;
