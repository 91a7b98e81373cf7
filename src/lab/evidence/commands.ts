import { type ActorRole, command } from "../shared/index.js";
import { EvaluationPublishedData, KpiDefinedData, KpiMeasuredData, KpiMeasurementCorrectedData, KpiRedefinedData } from "./events.js";
import { EvidenceMethod } from "./vocabulary.js";

/** Define a KPI with baseline and target. → `KpiDefined` */
export const DefineKpi = command("DefineKpi", KpiDefinedData);
/** Change a KPI's definition, with a reason. → `KpiRedefined` */
export const RedefineKpi = command("RedefineKpi", KpiRedefinedData);
/** Record a measurement. → `KpiMeasured` */
export const MeasureKpi = command("MeasureKpi", KpiMeasuredData);
/** Correct an earlier measurement. → `KpiMeasurementCorrected` */
export const CorrectKpiMeasurement = command("CorrectKpiMeasurement", KpiMeasurementCorrectedData);
/** Publish the pilot's evaluation. → `EvaluationPublished` */
export const PublishEvaluation = command("PublishEvaluation", EvaluationPublishedData.extend({ method: EvidenceMethod }));
/** The KPI commands. */
export const kpiCommands = [DefineKpi, RedefineKpi, MeasureKpi, CorrectKpiMeasurement] as const;
/** The evaluation commands. */
export const evaluationCommands = [PublishEvaluation] as const;
/** The evidence commands, for the catalogue's unions. */
export const evidenceCommands = [...kpiCommands, ...evaluationCommands] as const;

/** Which roles may issue the evidence commands (see the permission table). */
export const evidencePermissions = {
  DefineKpi: ["lab_team", "evaluator", "system"],
  RedefineKpi: ["lab_team", "evaluator", "system"],
  MeasureKpi: ["evaluator", "lab_team", "system"],
  CorrectKpiMeasurement: ["evaluator", "lab_team", "system"],
  PublishEvaluation: ["evaluator", "system"],
} as const satisfies Record<(typeof evidenceCommands)[number]["shape"]["type"]["value"], readonly ActorRole[]>;
