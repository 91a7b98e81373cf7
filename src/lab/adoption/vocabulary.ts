import * as z from "zod";

/** Where an adoption stands: committed to, live (in use), suspended, or withdrawn. */
export const AdoptionStatus = z.enum(["committed", "live", "suspended", "withdrawn"]);
/** An adoption's status. */
export type AdoptionStatus = z.infer<typeof AdoptionStatus>;

/** How a solution scales: out (more places), up (policy, rules), deep (culture, practice). */
export const ScaleType = z.enum(["out", "up", "deep"]);
/** A scale type. */
export type ScaleType = z.infer<typeof ScaleType>;
