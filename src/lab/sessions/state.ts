import type * as z from "zod";
import { deepFreeze, type Immutable, PersistentMap } from "../../kernel/index.js";
import type { Stage } from "../lifecycle/index.js";
import type { Stamp } from "../shared/index.js";
import type { SessionClosedData, SessionScheduledData } from "./events.js";
import type { ParticipantRole } from "./vocabulary.js";

/** A session and who attended it. */
export type Session = Immutable<
  Pick<z.infer<typeof SessionScheduledData>, "kind" | "mode" | "scheduledFor"> & {
    /** The stage the project was in when the session was scheduled. */
    stage: Stage;
    status: "scheduled" | "closed" | "cancelled";
    /** Participant reference → role held in this session. */
    attendees: Map<string, ParticipantRole>;
    /** The `SessionScheduled` event that planned it. */
    scheduledEventId: string;
    /** When it was held and closed, once closed. */
    closed: Stamp | null;
    headcount: z.infer<typeof SessionClosedData>["anonymousHeadcount"] | null;
    contributions: number;
  }
>;

/**
 * The sessions' part of a project's state. A project's sessions grow without bound, so they are a
 * `PersistentMap`: a command copies the path to one session, not all of them.
 */
export type SessionsState = Immutable<{ sessions: PersistentMap<string, Session> }>;

/** The sessions' part of a project with no events. */
export const initialSessions: SessionsState = deepFreeze({ sessions: PersistentMap.empty<string, Session>() });
