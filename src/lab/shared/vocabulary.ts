import * as z from "zod";

/** Government sectors a challenge belongs to. */
export const Sector = z.enum([
  "health",
  "justice",
  "finance",
  "social_security",
  "education",
  "environment",
  "employment",
  "local_government",
  "digital_services",
  "mobility",
  "culture",
  "agriculture",
  "other",
]);
/** A sector. */
export type Sector = z.infer<typeof Sector>;

/** Roles a person acts in (`actor.role`); an auditor reads and may issue nothing. */
export const ActorRole = z.enum(["lab_team", "decision_maker", "sponsor", "facilitator", "evaluator", "system", "auditor"]);
/** A role an actor acts in. */
export type ActorRole = z.infer<typeof ActorRole>;
