/** The rules of the evidence slice, by their stable codes, with what each protects. */
export const evidenceRuleCodes = {
  kpi_exists: "a KPI id defined twice",
  kpi_not_found: "a command names a KPI that was never defined",
  target_equals_baseline: "a KPI whose target equals its baseline",
  target_against_direction: "a KPI whose target moves against its direction",
  nothing_to_redefine: "a redefinition that changes nothing",
  period_invalid: "a measurement period that ends before it starts",
  period_in_future: "a measurement of a period that is not over",
  correction_target_not_found: "a correction that names no measurement of the KPI",
  comparison_required:
    "a measurement by a comparative method (A/B test, randomised trial, difference-in-differences) without the comparison group's value and both sample sizes",
  evidence_level_unsupported: "an evaluation claiming a higher evidence level than its method supports (Nesta's Standards of Evidence)",
  replications_not_in_log:
    "an evaluation claiming evidence level 4 or 5, or independent replications, that the log's replications " +
    "(projects naming it as their origin) and their evaluations do not back",
} as const;
