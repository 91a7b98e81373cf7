import { type ActorRole, command } from "../shared/index.js";
import { AdoptionRecordedData, AdoptionStatusChangedData } from "./events.js";

/** Record that an entity adopted the solution. → `AdoptionRecorded` */
export const RecordAdoption = command("RecordAdoption", AdoptionRecordedData);
/** Record that an adoption went live, was suspended or withdrawn. → `AdoptionStatusChanged` */
export const UpdateAdoption = command("UpdateAdoption", AdoptionStatusChangedData);
/** The adoption commands, for the catalogue's unions. */
export const adoptionCommands = [RecordAdoption, UpdateAdoption] as const;

/** Which roles may issue the adoption commands (see the permission table). */
export const adoptionPermissions = {
  RecordAdoption: ["lab_team", "sponsor", "system"],
  UpdateAdoption: ["lab_team", "sponsor", "system"],
} as const satisfies Record<(typeof adoptionCommands)[number]["shape"]["type"]["value"], readonly ActorRole[]>;
