import * as z from "zod";

/** The active stages of an innovation project, in order. */
export const Stage = z.enum(["challenge", "co_design", "pilot", "scale"]);
/** An active stage. */
export type Stage = z.infer<typeof Stage>;

/** Where a project stands: working in its stage, paused in it, or ended for good. */
export const Status = z.enum(["active", "paused", "mainstreamed", "discontinued"]);
/** A project's status. */
export type Status = z.infer<typeof Status>;

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

/** Roles a person acts in (`actor.role`); an auditor reads and may issue nothing. */
export const ActorRole = z.enum(["lab_team", "decision_maker", "sponsor", "facilitator", "evaluator", "system", "auditor"]);
/** A role an actor acts in. */
export type ActorRole = z.infer<typeof ActorRole>;

/** The role a participant held in a session. */
export const ParticipantRole = z.enum(["citizen", "civil_servant", "business", "expert"]);
/** A participant's role in a session. */
export type ParticipantRole = z.infer<typeof ParticipantRole>;

/** Kinds of participatory session; `training` builds civil servants' capacity (from schema version 2 of `SessionScheduled`). */
export const SessionKind = z.enum(["workshop", "interview", "focus_group", "user_test", "survey", "training"]);
/** A kind of session. */
export type SessionKind = z.infer<typeof SessionKind>;

/** How a session is held. */
export const SessionMode = z.enum(["in_person", "online", "hybrid"]);
/** A session mode. */
export type SessionMode = z.infer<typeof SessionMode>;

/** Public procurement procedures. */
export const ProcurementProcedure = z.enum(["direct", "consultation", "open", "pre_commercial", "innovation_partnership"]);
/** A procurement procedure. */
export type ProcurementProcedure = z.infer<typeof ProcurementProcedure>;

/** The gates between stages: G1 challenge → co-design, G2 → pilot, G3 → scale, G4 → mainstreamed. */
export const Gate = z.enum(["G1", "G2", "G3", "G4"]);
/** A gate. */
export type Gate = z.infer<typeof Gate>;

/** What a gate decision says. */
export const GateOutcome = z.enum(["go", "conditional_go", "hold", "recycle", "no_go"]);
/** A gate outcome. */
export type GateOutcome = z.infer<typeof GateOutcome>;

/** Why a project is paused; the first two are the difficulties LabX reports. */
export const PauseReason = z.enum(["procurement", "entity_reluctance", "funding", "legal", "other"]);
/** A pause reason. */
export type PauseReason = z.infer<typeof PauseReason>;

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

/**
 * How evidence was obtained: a description only (`qualitative`), a measure before and after
 * (`before_after`), or against a comparison or control group (`ab_test`, `randomised_trial`,
 * `difference_in_differences`).
 */
export const EvidenceMethod = z.enum(["qualitative", "before_after", "ab_test", "randomised_trial", "difference_in_differences"]);
/** An evidence method. */
export type EvidenceMethod = z.infer<typeof EvidenceMethod>;

/** Where a project's money comes from. */
export const FundingSource = z.enum(["national_budget", "eu_funds", "owner_entity", "partners", "other"]);
/** A funding source. */
export type FundingSource = z.infer<typeof FundingSource>;

/** What money was spent on. */
export const CostCategory = z.enum(["staff", "procurement", "services", "equipment", "travel", "other"]);
/** A cost category. */
export type CostCategory = z.infer<typeof CostCategory>;

/** Age bands for an anonymous breakdown of the people at a session. */
export const AgeBand = z.enum(["under_18", "18_29", "30_44", "45_64", "65_plus", "undisclosed"]);
/** An age band. */
export type AgeBand = z.infer<typeof AgeBand>;

/** Gender, as people at a session declare it, for an anonymous breakdown. */
export const Gender = z.enum(["female", "male", "other", "undisclosed"]);
/** A declared gender. */
export type Gender = z.infer<typeof Gender>;

/** Where an adoption stands: committed to, live (in use), suspended, or withdrawn. */
export const AdoptionStatus = z.enum(["committed", "live", "suspended", "withdrawn"]);
/** An adoption's status. */
export type AdoptionStatus = z.infer<typeof AdoptionStatus>;

/** Why a project was discontinued. */
export const DiscontinuationReason = z.enum([
  "rejected_at_intake",
  "no_go_at_gate",
  "entity_reluctance",
  "procurement_failed",
  "funding_withdrawn",
  "legal_obstacle",
  "evaluation_failed",
  "superseded",
  "other",
]);
/** A discontinuation reason code. */
export type DiscontinuationReason = z.infer<typeof DiscontinuationReason>;

/** What an evaluation concluded. */
export const EvaluationOutcome = z.enum(["success", "partial", "failed", "inconclusive"]);
/** An evaluation outcome. */
export type EvaluationOutcome = z.infer<typeof EvaluationOutcome>;

/** How a solution scales: out (more places), up (policy, rules), deep (culture, practice). */
export const ScaleType = z.enum(["out", "up", "deep"]);
/** A scale type. */
export type ScaleType = z.infer<typeof ScaleType>;

/** OECD's facets of public-sector innovation. */
export const Facet = z.enum(["enhancement", "mission", "adaptive", "anticipatory"]);
/** An innovation facet. */
export type Facet = z.infer<typeof Facet>;

/** Which way a KPI should move. */
export const KpiDirection = z.enum(["increase", "decrease"]);
/** A KPI direction. */
export type KpiDirection = z.infer<typeof KpiDirection>;

/** What kind of result a KPI measures; `unspecified` for KPIs defined before categories existed. */
export const KpiCategory = z.enum(["service_time", "digital_uptake", "satisfaction", "access", "cost", "quality", "other", "unspecified"]);
/** A KPI category. */
export type KpiCategory = z.infer<typeof KpiCategory>;
