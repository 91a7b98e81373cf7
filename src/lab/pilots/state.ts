import type * as z from "zod";
import { deepFreeze, type Immutable } from "../../kernel/index.js";
import type { PilotStartedData } from "./events.js";

/** A pilot, named by its `pilotId` when the project runs several. */
export type Pilot = Immutable<
  Pick<z.infer<typeof PilotStartedData>, "plannedEnd" | "sites" | "entityIds"> & {
    pilotId: string | null;
    startedAt: string;
    startedEventId: string;
    endedAt: string | null;
    endedEventId: string | null;
  }
>;

/** The pilots' part of a project's state. */
export type PilotsState = Immutable<{
  /** The pilots of the current stay in pilot, by `pilotId` (`""` for an unnamed one); a pivot back and a new entry into pilot start afresh. */
  pilots: Map<string, Pilot>;
  /** Pilots of earlier stays in pilot. */
  pastPilots: Pilot[];
}>;

/** The pilots' part of a project with no events. */
export const initialPilots: PilotsState = deepFreeze({ pilots: new Map(), pastPilots: [] });
