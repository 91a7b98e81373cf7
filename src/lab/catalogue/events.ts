import { type EventOf } from "../../kernel/index.js";
import { adoptionEvents } from "../adoption/index.js";
import { evidenceEvents } from "../evidence/index.js";
import { lifecycleEvents } from "../lifecycle/index.js";
import { moneyEvents } from "../money/index.js";
import { organisationEvents } from "../organisations/index.js";
import { pilotEvents } from "../pilots/index.js";
import { privacyEvents } from "../privacy/index.js";
import { procurementEvents } from "../procurement/index.js";
import { sessionEvents } from "../sessions/index.js";

/**
 * The event catalogue: every event type with its data schema and schema version, each slice's
 * part assembled. Pass it to `createCodec` to decode stored events.
 *
 * @example
 * const codec = createCodec(labEvents);
 */
export const labEvents = {
  ...organisationEvents,
  ...lifecycleEvents,
  ...sessionEvents,
  ...procurementEvents,
  ...moneyEvents,
  ...evidenceEvents,
  ...pilotEvents,
  ...adoptionEvents,
  ...privacyEvents,
};

/** Any event of the catalogue, `{ type, data }`. */
export type LabEvent = EventOf<typeof labEvents>;
/** The data of one event type. */
export type EventData<T extends LabEvent["type"]> = Extract<LabEvent, { type: T }>["data"];

/** Events of entity streams. */
export type EntityEvent = Extract<LabEvent, { type: "EntityRegistered" }>;
/** Events of participant streams. */
export type ParticipantEvent = Extract<LabEvent, { type: "ParticipantForgotten" }>;
const entityTypes = ["EntityRegistered"] as const satisfies readonly EntityEvent["type"][];
const participantTypes = ["ParticipantForgotten"] as const satisfies readonly ParticipantEvent["type"][];
/** Events of project streams. */
export type ProjectEvent = Exclude<LabEvent, EntityEvent | ParticipantEvent>;

/** The registry subsets each decider emits. */
const pick = <K extends keyof typeof labEvents>(keys: readonly K[]): Pick<typeof labEvents, K> =>
  Object.fromEntries(keys.map((k) => [k, labEvents[k]])) as Pick<typeof labEvents, K>;
/** Entity-stream events. */
export const entityEvents = pick(entityTypes);
/** Participant-stream events. */
export const participantEvents = pick(participantTypes);
/** Project-stream events. */
export const projectEvents = pick(
  (Object.keys(labEvents) as (keyof typeof labEvents)[]).filter(
    (k): k is Exclude<keyof typeof labEvents, (typeof entityTypes)[number] | (typeof participantTypes)[number]> =>
      !(entityTypes as readonly string[]).includes(k) && !(participantTypes as readonly string[]).includes(k),
  ),
);
