import * as z from "zod";

/** The role a participant held in a session. */
export const ParticipantRole = z.enum(["citizen", "civil_servant", "business", "expert"]);
/** A participant's role in a session. */
export type ParticipantRole = z.infer<typeof ParticipantRole>;

/**
 * Kinds of participatory session; `training` builds civil servants' capacity (from schema version 2
 * of `SessionScheduled`); `site_visit` is the team at a service's counter, call centre or site,
 * watching and talking with the people it serves (from schema version 3).
 */
export const SessionKind = z.enum(["workshop", "interview", "focus_group", "user_test", "survey", "training", "site_visit"]);
/** A kind of session. */
export type SessionKind = z.infer<typeof SessionKind>;

/** How a session is held. */
export const SessionMode = z.enum(["in_person", "online", "hybrid"]);
/** A session mode. */
export type SessionMode = z.infer<typeof SessionMode>;

/** Age bands for an anonymous breakdown of the people at a session. */
export const AgeBand = z.enum(["under_18", "18_29", "30_44", "45_64", "65_plus", "undisclosed"]);
/** An age band. */
export type AgeBand = z.infer<typeof AgeBand>;

/** Gender, as people at a session declare it, for an anonymous breakdown. */
export const Gender = z.enum(["female", "male", "other", "undisclosed"]);
/** A declared gender. */
export type Gender = z.infer<typeof Gender>;
