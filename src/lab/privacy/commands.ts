import * as z from "zod";
import { type ActorRole, command } from "../shared/index.js";
import { ParticipantRef } from "./references.js";

/** Erase a participant from every per-person view. → `ParticipantForgotten` */
export const ForgetParticipant = command("ForgetParticipant", z.strictObject({ participantRef: ParticipantRef }));
/** The privacy commands, for the catalogue's unions. */
export const privacyCommands = [ForgetParticipant] as const;

/** Which roles may issue the privacy commands (see the permission table). */
export const privacyPermissions = {
  ForgetParticipant: ["lab_team", "system"],
} as const satisfies Record<(typeof privacyCommands)[number]["shape"]["type"]["value"], readonly ActorRole[]>;
