import * as z from "zod";
import { defineEvent, Id, Instant } from "../../kernel/index.js";
import { AgeBand, Gender, ParticipantRole, SessionKind, SessionMode } from "./vocabulary.js";
import { Count, EntityId, TerritoryCode, Text, ofProject } from "../shared/index.js";
import { LegacyParticipantRef, ParticipantRef, StoredParticipantRef, canonicalRef } from "../privacy/index.js";

/** A participatory session is planned (schema version 1: no trainings, no territory). */
export const SessionScheduledDataV1 = z.strictObject({
  ...ofProject,
  sessionId: Id,
  kind: SessionKind.exclude(["training", "site_visit"]),
  mode: SessionMode,
  scheduledFor: Instant,
});
/** A session is planned (schema version 2: it may be a `training` for civil servants, and say where it is held). */
export const SessionScheduledDataV2 = SessionScheduledDataV1.extend({
  kind: SessionKind.exclude(["site_visit"]),
  territory: TerritoryCode.optional().describe("where the session is held"),
});
/** A session is planned (schema version 3: it may be a `site_visit`). */
export const SessionScheduledData = SessionScheduledDataV2.extend({ kind: SessionKind });

/** One attendee as a command names them: a live participant reference, the role held in this session, and optionally the entity they came from. */
export const AttendeeInput = z.strictObject({ participantRef: ParticipantRef, role: ParticipantRole, affiliationEntityId: EntityId.optional() });
/** One attendee as stored: the reference may have been redacted since. */
export const Attendee = AttendeeInput.extend({ participantRef: StoredParticipantRef });

/** Who attended a session (schema version 2: references of at least 128 bits; see `ParticipantRef`). */
export const AttendanceRecordedData = z.strictObject({ ...ofProject, sessionId: Id, attendees: z.array(Attendee).min(1).max(1000) });
/** Who attended a session (schema version 1). */
export const AttendanceRecordedDataV1 = z.strictObject({
  ...ofProject,
  sessionId: Id,
  attendees: z
    .array(z.strictObject({ participantRef: LegacyParticipantRef, role: ParticipantRole, affiliationEntityId: EntityId.optional() }))
    .min(1)
    .max(1000),
});

/** People counted without being identified (schema version 1: businesses were counted in `other`). */
export const AnonymousHeadcountV1 = z.strictObject({ citizens: Count, civilServants: Count, other: Count });
/** People counted without being identified, with businesses counted apart. */
export const AnonymousHeadcount = z.strictObject({ citizens: Count, civilServants: Count, business: Count, other: Count });

/** A session was held and closed (schema version 1). */
export const SessionClosedDataV1 = z.strictObject({ ...ofProject, sessionId: Id, anonymousHeadcount: AnonymousHeadcountV1, contributions: Count });
// An optional count for each member of a vocabulary, so a new member is a new key without a second list.
export const countsBy = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, Count.optional()])) as { [P in K]: z.ZodOptional<typeof Count> });

/** An anonymous breakdown of the people at a session, by age band and declared gender: counts only, never who. */
export const Demographics = z.strictObject({ ageBands: countsBy(AgeBand.options).optional(), gender: countsBy(Gender.options).optional() });

/** A session was held and closed (schema version 2: the anonymous headcount counts businesses apart; optionally an anonymous breakdown of who came). */
export const SessionClosedData = z.strictObject({
  ...ofProject,
  sessionId: Id,
  anonymousHeadcount: AnonymousHeadcount,
  contributions: Count,
  demographics: Demographics.optional(),
});
/** A session was called off. */
export const SessionCancelledData = z.strictObject({ ...ofProject, sessionId: Id, reason: Text(1000) });
/** The sessions events with their schemas and versions: its part of the catalogue (`labEvents`). */
export const sessionEvents = {
  // Each version's kinds are all the next version's: an older session reads as it was.
  SessionScheduled: defineEvent(SessionScheduledData, [
    { schema: SessionScheduledDataV1, up: (d: z.infer<typeof SessionScheduledDataV1>) => d },
    { schema: SessionScheduledDataV2, up: (d: z.infer<typeof SessionScheduledDataV2>) => d },
  ]),
  AttendanceRecorded: defineEvent(AttendanceRecordedData, [
    {
      schema: AttendanceRecordedDataV1,
      up: (d: z.infer<typeof AttendanceRecordedDataV1>) => ({
        ...d,
        attendees: d.attendees.map((a) => ({ ...a, participantRef: canonicalRef(a.participantRef) })),
      }),
    },
  ]),
  // v1 counted anonymous businesses in `other`; they cannot be told apart afterwards, so they stay there.
  SessionClosed: defineEvent(SessionClosedData, [
    { schema: SessionClosedDataV1, up: (d: z.infer<typeof SessionClosedDataV1>) => ({ ...d, anonymousHeadcount: { ...d.anonymousHeadcount, business: 0 } }) },
  ]),
  SessionCancelled: defineEvent(SessionCancelledData),
};
