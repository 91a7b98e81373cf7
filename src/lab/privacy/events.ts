import * as z from "zod";
import { defineEvent } from "../../kernel/index.js";
import { StoredParticipantRef, canonicalRef } from "./references.js";

// Schema version 1 accepted shorter references (8–128 of letters, digits and _ - . :). They are read
// as they were; the upcaster brings each to the version-2 rule (`canonicalRef`).
export const LegacyParticipantRef = z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/u, "must be 8–128 letters, digits, _ - . or :");

/** A participant asked to be forgotten (stream `participant:<ref>`; schema version 2: the version-2 reference rule). */
export const ParticipantForgottenData = z.strictObject({ participantRef: StoredParticipantRef });
/** A participant asked to be forgotten (schema version 1). */
export const ParticipantForgottenDataV1 = z.strictObject({ participantRef: LegacyParticipantRef });
/** The privacy events with their schemas and versions: its part of the catalogue (`labEvents`). */
export const privacyEvents = {
  ParticipantForgotten: defineEvent(ParticipantForgottenData, [
    { schema: ParticipantForgottenDataV1, up: (d: z.infer<typeof ParticipantForgottenDataV1>) => ({ participantRef: canonicalRef(d.participantRef) }) },
  ]),
};
