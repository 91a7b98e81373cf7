import { adoptionPermissions } from "../adoption/index.js";
import { evidencePermissions } from "../evidence/index.js";
import { lifecyclePermissions } from "../lifecycle/index.js";
import { moneyPermissions } from "../money/index.js";
import { organisationsPermissions } from "../organisations/index.js";
import { pilotsPermissions } from "../pilots/index.js";
import { privacyPermissions } from "../privacy/index.js";
import { procurementPermissions } from "../procurement/index.js";
import type { ActorRole } from "../shared/index.js";
import { sessionsPermissions } from "../sessions/index.js";
import type { CommandType } from "./commands.js";

/**
 * Which `actor.role` may issue which command, checked by `decide`: each slice's table. `system`
 * (imports of records kept elsewhere) may issue every command; `auditor` none. Gate approvers are
 * named inside the decision and must themselves be decision makers.
 */
export const permissions: Readonly<Record<CommandType, readonly ActorRole[]>> = {
  ...organisationsPermissions,
  ...lifecyclePermissions,
  ...sessionsPermissions,
  ...procurementPermissions,
  ...moneyPermissions,
  ...evidencePermissions,
  ...pilotsPermissions,
  ...adoptionPermissions,
  ...privacyPermissions,
};
