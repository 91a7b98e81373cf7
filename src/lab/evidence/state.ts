import type * as z from "zod";
import { deepFreeze, type Immutable } from "../../kernel/index.js";
import type { Stamp } from "../shared/index.js";
import type { EvaluationPublishedData, KpiDefinedData, KpiMeasuredData } from "./events.js";

/** One measurement of a KPI, with its latest correction. */
export type Measurement = Immutable<
  Pick<z.infer<typeof KpiMeasuredData>, "value" | "periodStart" | "periodEnd"> & { eventId: string; correctedValue: number | null }
>;

/** What a KPI is: its definition, as defined and then redefined (`redefineKpi` applies a change). */
export type KpiDefinition = Immutable<Pick<z.infer<typeof KpiDefinedData>, "name" | "category" | "unit" | "direction" | "baseline" | "target">>;

/** A KPI as currently defined, with its measurements. */
export type Kpi = Immutable<KpiDefinition & { defined: Stamp; measurements: Measurement[]; redefinitions: number }>;

/** A published evaluation. */
export type Evaluation = Immutable<Omit<z.infer<typeof EvaluationPublishedData>, "projectId"> & { at: string; eventId: string }>;

/** The evidence's part of a project's state: KPIs with their measurements, and evaluations in order. */
export type EvidenceState = Immutable<{ kpis: Map<string, Kpi>; evaluations: Evaluation[] }>;

/** The evidence's part of a project with no events. */
export const initialEvidence: EvidenceState = deepFreeze({ kpis: new Map(), evaluations: [] });
