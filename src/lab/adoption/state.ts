import type * as z from "zod";
import { deepFreeze, type Immutable } from "../../kernel/index.js";
import type { AdoptionRecordedData } from "./events.js";

/** An adoption of the solution. */
export type Adoption = Immutable<Omit<z.infer<typeof AdoptionRecordedData>, "projectId"> & { at: string; eventId: string }>;

/** The adoptions' part of a project's state, in order. */
export type AdoptionState = Immutable<{ adoptions: Adoption[] }>;

/** The adoptions' part of a project with no events. */
export const initialAdoption: AdoptionState = deepFreeze({ adoptions: [] });
