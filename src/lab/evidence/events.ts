import * as z from "zod";
import { defineEvent, Id, Instant } from "../../kernel/index.js";
import { Count, FiniteNumber, Text, ofProject } from "../shared/index.js";
import { EvaluationOutcome, EvidenceMethod, KpiCategory, KpiDirection } from "./vocabulary.js";

/** Where a KPI starts. */
export const Baseline = z.strictObject({ value: FiniteNumber, measuredAt: Instant, source: Text(300) });
/** Where a KPI should get, and by when. */
export const Target = z.strictObject({ value: FiniteNumber, by: Instant });

/** A key performance indicator is defined with its baseline and target (schema version 1). */
export const KpiDefinedDataV1 = z.strictObject({
  ...ofProject,
  kpiId: Id,
  name: Text(200),
  unit: Text(50),
  direction: KpiDirection,
  baseline: Baseline,
  target: Target,
});
/** A key performance indicator is defined (schema version 2: with the kind of result it measures). */
export const KpiDefinedData = KpiDefinedDataV1.extend({ category: KpiCategory });
/** A KPI's definition changes, with the reason; only the changed fields are present. */
export const KpiRedefinedData = z.strictObject({
  ...ofProject,
  kpiId: Id,
  name: Text(200).optional(),
  unit: Text(50).optional(),
  direction: KpiDirection.optional(),
  baseline: Baseline.optional(),
  target: Target.optional(),
  reason: Text(1000),
});
/**
 * A KPI is measured over a period; optionally with how (`method`), the value measured over the same
 * period in a comparison or control group that did not get the change, and the sample sizes.
 */
export const KpiMeasuredData = z.strictObject({
  ...ofProject,
  kpiId: Id,
  value: FiniteNumber,
  periodStart: Instant,
  periodEnd: Instant,
  source: Text(300),
  method: EvidenceMethod.optional(),
  comparison: FiniteNumber.optional().describe("the comparison or control group's value over the same period"),
  sampleSize: Count.optional().describe("how many were measured"),
  comparisonSampleSize: Count.optional().describe("how many were measured in the comparison or control group"),
});
/** An earlier measurement is corrected; it names the `KpiMeasured` event it corrects. */
export const KpiMeasurementCorrectedData = z.strictObject({
  ...ofProject,
  kpiId: Id,
  correctsEventId: Id,
  value: FiniteNumber,
  reason: Text(1000),
});
/** An evaluation of the pilot is published. */
export const EvaluationPublishedData = z.strictObject({
  ...ofProject,
  outcome: EvaluationOutcome,
  evidenceLevel: z.int().min(1, "evidence level is 1 to 5").max(5, "evidence level is 1 to 5"),
  reportRef: Text(300),
  method: EvidenceMethod.optional().describe("how the evidence was obtained; absent only in evaluations recorded before methods were"),
  independentReplications: Count.optional().describe("independent evaluations that replicated the result"),
});
/** The evidence events with their schemas and versions: its part of the catalogue (`labEvents`). */
export const evidenceEvents = {
  // v1 KPIs had no category; "unspecified" says so rather than guessing.
  KpiDefined: defineEvent(KpiDefinedData, [{ schema: KpiDefinedDataV1, up: (d: z.infer<typeof KpiDefinedDataV1>) => ({ ...d, category: "unspecified" }) }]),
  KpiRedefined: defineEvent(KpiRedefinedData),
  KpiMeasured: defineEvent(KpiMeasuredData),
  KpiMeasurementCorrected: defineEvent(KpiMeasurementCorrectedData),
  EvaluationPublished: defineEvent(EvaluationPublishedData),
};
