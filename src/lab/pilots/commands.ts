import { type ActorRole, command } from "../shared/index.js";
import { PilotEndedData, PilotStartedData } from "./events.js";

/** Start the pilot. → `PilotStarted` */
export const StartPilot = command("StartPilot", PilotStartedData);
/** End a pilot: the one named, or the only one running. → `PilotEnded` */
export const EndPilot = command("EndPilot", PilotEndedData);
/** The pilots commands, for the catalogue's unions. */
export const pilotsCommands = [StartPilot, EndPilot] as const;

/** Which roles may issue the pilots commands (see the permission table). */
export const pilotsPermissions = {
  StartPilot: ["lab_team", "system"],
  EndPilot: ["lab_team", "system"],
} as const satisfies Record<(typeof pilotsCommands)[number]["shape"]["type"]["value"], readonly ActorRole[]>;
