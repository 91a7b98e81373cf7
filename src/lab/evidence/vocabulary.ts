import * as z from "zod";

/** Which way a KPI should move. */
export const KpiDirection = z.enum(["increase", "decrease"]);
/** A KPI direction. */
export type KpiDirection = z.infer<typeof KpiDirection>;

/** What kind of result a KPI measures; `unspecified` for KPIs defined before categories existed. */
export const KpiCategory = z.enum(["service_time", "digital_uptake", "satisfaction", "access", "cost", "quality", "other", "unspecified"]);
/** A KPI category. */
export type KpiCategory = z.infer<typeof KpiCategory>;

/**
 * How evidence was obtained: a description only (`qualitative`), a measure before and after
 * (`before_after`), or against a comparison or control group (`ab_test`, `randomised_trial`,
 * `difference_in_differences`).
 */
export const EvidenceMethod = z.enum(["qualitative", "before_after", "ab_test", "randomised_trial", "difference_in_differences"]);
/** An evidence method. */
export type EvidenceMethod = z.infer<typeof EvidenceMethod>;

/** What an evaluation concluded. */
export const EvaluationOutcome = z.enum(["success", "partial", "failed", "inconclusive"]);
/** An evaluation outcome. */
export type EvaluationOutcome = z.infer<typeof EvaluationOutcome>;
