import { type ActorRole, command } from "../shared/index.js";
import { DeclineReason } from "./vocabulary.js";
import { EntityDeclinedData, EntityJoinedData, EntityLeftData, EntityRegisteredData } from "./events.js";

/** Register an organisation. → `EntityRegistered` */
export const RegisterEntity = command("RegisterEntity", EntityRegisteredData);
/** Record that an organisation joined. → `EntityJoined` */
export const RecordEntityJoined = command("RecordEntityJoined", EntityJoinedData);
/** Record that an organisation left. → `EntityLeft` */
export const RecordEntityLeft = command("RecordEntityLeft", EntityLeftData);
/** Record that an organisation declined to take part. → `EntityDeclined` */
export const RecordEntityDeclined = command(
  "RecordEntityDeclined",
  EntityDeclinedData.extend({
    reasonCode: DeclineReason.exclude(["unspecified"], { error: "must be a reason code; unspecified is kept for refusals recorded before codes existed" }),
  }),
);
/** The organisations commands, for the catalogue's unions. */
export const organisationsCommands = [RegisterEntity, RecordEntityJoined, RecordEntityLeft, RecordEntityDeclined] as const;

/** Which roles may issue the organisations commands (see the permission table). */
export const organisationsPermissions = {
  RegisterEntity: ["lab_team", "system"],
  RecordEntityJoined: ["lab_team", "sponsor", "system"],
  RecordEntityLeft: ["lab_team", "sponsor", "system"],
  RecordEntityDeclined: ["lab_team", "sponsor", "system"],
} as const satisfies Record<(typeof organisationsCommands)[number]["shape"]["type"]["value"], readonly ActorRole[]>;
