import { isBefore } from "../../kernel/index.js";
import type { Session } from "./state.js";
import { SessionKind } from "./vocabulary.js";

// The sessions' named facts: every layer that needs one asks here, so each has one definition.

/**
 * A session is held once it is closed — never when cancelled: from then on its attendees and its
 * anonymous headcount count in every figure. (The rules' "not held yet", `session_not_held_yet`,
 * is about time: nothing is recorded at a session before its scheduled time — see `hasBegun`.)
 *
 * @example
 * isHeld({ status: "closed" }) // true; isHeld({ status: "scheduled" }) // false
 */
export const isHeld = (s: Pick<Session, "status">): boolean => s.status === "closed";

/**
 * Whether a session's scheduled time has come by `at`: attendance and closing are recorded no
 * earlier.
 *
 * @example
 * hasBegun({ scheduledFor: "2019-03-01T10:00:00Z" }, "2019-03-01T09:00:00Z") // false
 */
export const hasBegun = (s: Pick<Session, "scheduledFor">, at: string): boolean => !isBefore(at, s.scheduledFor);

/**
 * A session with citizen participation: a citizen was recorded among its attendees, or citizens
 * were counted in its anonymous headcount. What G2 asks of a co-design session; the headline's
 * "citizens involved" counts identified people only, each once (anonymous citizens are in the
 * anonymous headcount), so the two differ on purpose.
 *
 * @example
 * hasCitizens({ attendees: new Map(), headcount: { citizens: 12, civilServants: 0, business: 0, other: 0 } }) // true
 */
export const hasCitizens = (s: Pick<Session, "attendees" | "headcount">): boolean =>
  [...s.attendees.values()].includes("citizen") || (s.headcount?.citizens ?? 0) > 0;

/**
 * A training builds civil servants' capacity: the civil servants at a held training count as
 * trained, and it involves no citizen in designing anything.
 *
 * @example
 * isTraining("training") // true
 */
export const isTraining = (kind: SessionKind): boolean => kind === "training";

/** The session kinds that count as co-design (for G2): every kind but a training. */
export const coDesignSessionKinds = SessionKind.options.filter((k) => !isTraining(k));
