import { isBefore } from "../../kernel/index.js";
import { comparativeMethods } from "./levels.js";
import { kpiDefinitionOf, redefineKpi } from "./kpi-definition.js";
import type { KpiDefinition } from "./state.js";
import { dataOf, type Decided, emit, type Evolvers, type Handlers, refuse, type Whens } from "../shared/index.js";

// A target must differ from the baseline and lie the way the KPI should move.
const shaped = (k: Pick<KpiDefinition, "direction" | "baseline" | "target">): Decided | undefined => {
  if (k.target.value === k.baseline.value) {
    return refuse("target_equals_baseline", "A KPI's target must differ from its baseline, or progress cannot be measured.", { value: k.target.value });
  }
  const up = k.target.value > k.baseline.value;
  if (up === (k.direction === "increase")) return undefined;
  return refuse(
    "target_against_direction",
    `The KPI should ${k.direction}, but its target (${k.target.value}) is ${up ? "above" : "below"} its baseline (${k.baseline.value}).`,
    {
      direction: k.direction,
      baseline: k.baseline.value,
      target: k.target.value,
    },
  );
};

const unknown = (kpiId: string): Decided => refuse("kpi_not_found", `No KPI ${kpiId} is defined in this project; define it first.`, { kpiId });

/** KPIs: defined once, redefined only with a reason, measured over periods already over, corrected by naming the measurement. */
export const kpiHandlers: Handlers<"DefineKpi" | "RedefineKpi" | "MeasureKpi" | "CorrectKpiMeasurement"> = {
  DefineKpi: (c, s, _ctx, at) => {
    if (s.kpis.has(c.kpiId))
      return refuse("kpi_exists", `KPI ${c.kpiId} is already defined; change its baseline or target with RedefineKpi and a reason.`, { kpiId: c.kpiId });
    return shaped(c) ?? emit(at, { type: "KpiDefined", data: dataOf(c) });
  },
  RedefineKpi: (c, s, _ctx, at) => {
    const k = s.kpis.get(c.kpiId);
    if (!k) return unknown(c.kpiId);
    const data = dataOf(c);
    if (data.name === undefined && data.unit === undefined && data.direction === undefined && data.baseline === undefined && data.target === undefined) {
      return refuse("nothing_to_redefine", `Say what changes in KPI ${c.kpiId}: name, unit, direction, baseline or target.`);
    }
    return (
      shaped({ direction: data.direction ?? k.direction, baseline: data.baseline ?? k.baseline, target: data.target ?? k.target }) ??
      emit(at, { type: "KpiRedefined", data })
    );
  },
  MeasureKpi: (c, s, _ctx, at) => {
    if (!s.kpis.has(c.kpiId)) return unknown(c.kpiId);
    if (isBefore(c.periodEnd, c.periodStart)) return refuse("period_invalid", `The period ends (${c.periodEnd}) before it starts (${c.periodStart}).`);
    if (isBefore(at, c.periodEnd)) {
      return refuse("period_in_future", `The period ends on ${c.periodEnd}, after the measurement is dated (${at}): measure a period once it is over.`, {
        periodEnd: c.periodEnd,
        occurredAt: at,
      });
    }
    if (
      c.method !== undefined &&
      comparativeMethods.includes(c.method) &&
      (c.comparison === undefined || c.sampleSize === undefined || c.comparisonSampleSize === undefined)
    ) {
      return refuse(
        "comparison_required",
        `A ${c.method} measurement needs the comparison group's value (comparison) and both sample sizes (sampleSize, comparisonSampleSize).`,
        { method: c.method },
      );
    }
    return emit(at, { type: "KpiMeasured", data: dataOf(c) });
  },
  CorrectKpiMeasurement: (c, s, _ctx, at) => {
    const k = s.kpis.get(c.kpiId);
    if (!k) return unknown(c.kpiId);
    if (!k.measurements.some((m) => m.eventId === c.correctsEventId)) {
      return refuse(
        "correction_target_not_found",
        `Event ${c.correctsEventId} is not a measurement of KPI ${c.kpiId}; a correction must name the KpiMeasured event it corrects.`,
        {
          correctsEventId: c.correctsEventId,
        },
      );
    }
    return emit(at, { type: "KpiMeasurementCorrected", data: dataOf(c) });
  },
};

/** A KPI keeps its current definition and every measurement, each with its latest correction. */
export const kpiEvolvers: Evolvers<"KpiDefined" | "KpiRedefined" | "KpiMeasured" | "KpiMeasurementCorrected"> = {
  KpiDefined: (s, e) => {
    s.kpis.set(e.data.kpiId, { ...kpiDefinitionOf(e.data), defined: { at: e.occurredAt, eventId: e.id }, measurements: [], redefinitions: 0 });
  },
  KpiRedefined: (s, e) => {
    const k = s.kpis.get(e.data.kpiId);
    if (k === undefined) return;
    redefineKpi(k, e.data);
    k.redefinitions++;
  },
  KpiMeasured: (s, e) => {
    const d = e.data;
    s.kpis.get(d.kpiId)?.measurements.push({ eventId: e.id, value: d.value, periodStart: d.periodStart, periodEnd: d.periodEnd, correctedValue: null });
  },
  KpiMeasurementCorrected: (s, e) => {
    const m = s.kpis.get(e.data.kpiId)?.measurements.find((x) => x.eventId === e.data.correctsEventId);
    if (m) m.correctedValue = e.data.value;
  },
};

/** KPIs are measured while a project is paused too. */
export const kpiWhen: Whens<"MeasureKpi" | "CorrectKpiMeasurement"> = { MeasureKpi: { whilePaused: true }, CorrectKpiMeasurement: { whilePaused: true } };
