import { type ActorRole, command } from "../shared/index.js";
import { ProcurementCancelledData, ProcurementContractedData, ProcurementRequestedData } from "./events.js";

/** Request goods or services. → `ProcurementRequested` */
export const RequestProcurement = command("RequestProcurement", ProcurementRequestedData);
/** Record the contract that ends a procurement. → `ProcurementContracted` */
export const ContractProcurement = command("ContractProcurement", ProcurementContractedData);
/** Call a procurement off. → `ProcurementCancelled` */
export const CancelProcurement = command("CancelProcurement", ProcurementCancelledData);
/** The procurement commands, for the catalogue's unions. */
export const procurementCommands = [RequestProcurement, ContractProcurement, CancelProcurement] as const;

/** Which roles may issue the procurement commands (see the permission table). */
export const procurementPermissions = {
  RequestProcurement: ["lab_team", "system"],
  ContractProcurement: ["lab_team", "system"],
  CancelProcurement: ["lab_team", "system"],
} as const satisfies Record<(typeof procurementCommands)[number]["shape"]["type"]["value"], readonly ActorRole[]>;
