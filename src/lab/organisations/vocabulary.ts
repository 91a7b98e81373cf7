import * as z from "zod";

/** Kinds of organisation. */
export const EntityKind = z.enum(["public", "business", "academia", "civil_society"]);
/** A kind of organisation. */
export type EntityKind = z.infer<typeof EntityKind>;

/** Administrative level of a public entity. */
export const EntityLevel = z.enum(["national", "regional", "local"]);
/** A level of public administration. */
export type EntityLevel = z.infer<typeof EntityLevel>;

/** The role an organisation takes in a project (the owner is named on the challenge; adopters by adoptions). */
export const EntityRole = z.enum(["sponsor", "partner", "supplier", "participant"]);
/** An organisation's role in a project. */
export type EntityRole = z.infer<typeof EntityRole>;

/**
 * Why an organisation declined to take part, coded so reluctance can be counted by reason;
 * `unspecified` only for refusals recorded before reasons were coded (commands must choose another).
 */
export const DeclineReason = z.enum([
  "no_capacity",
  "no_budget",
  "no_mandate",
  "legal_or_data_protection",
  "competing_priorities",
  "risk_aversion",
  "no_response",
  "other",
  "unspecified",
]);
/** A decline reason code. */
export type DeclineReason = z.infer<typeof DeclineReason>;
