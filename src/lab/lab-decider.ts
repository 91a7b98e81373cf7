import { combine } from "../kernel/index.js";
import { entityDecider, participantDecider, projectDecider } from "./project/index.js";

/**
 * The whole lab: project, entity and participant deciders combined. Any lab command can be handled
 * through it; its state holds each part's state under `project`, `entity` and `participant`.
 *
 * @example
 * const ama = { entityId: "ama", name: "AMA", kind: "public", level: "national", sector: "digital_services" } as const;
 * const r = await handle(store, labDecider, { type: "RegisterEntity", ...ama }, ctx);
 */
export const labDecider = combine({ project: projectDecider, entity: entityDecider, participant: participantDecider });
