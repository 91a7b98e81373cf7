import { type ActorRole, command } from "../shared/index.js";
import { BudgetAllocatedData, CostRecordedData } from "./events.js";

/** Set money aside for the project. → `BudgetAllocated` */
export const AllocateBudget = command("AllocateBudget", BudgetAllocatedData);
/** Record money spent, charged to a budget. → `CostRecorded` */
export const RecordCost = command("RecordCost", CostRecordedData);
/** The money commands, for the catalogue's unions. */
export const moneyCommands = [AllocateBudget, RecordCost] as const;

/** Which roles may issue the money commands (see the permission table). */
export const moneyPermissions = {
  AllocateBudget: ["lab_team", "decision_maker", "system"],
  RecordCost: ["lab_team", "system"],
} as const satisfies Record<(typeof moneyCommands)[number]["shape"]["type"]["value"], readonly ActorRole[]>;
