import type { Draft } from "immer";
import type { EventData } from "../catalogue/index.js";
import type { KpiDefinition } from "./state.js";
import type { KpiDirection } from "./vocabulary.js";

/**
 * Apply a redefinition to a KPI's definition (a recipe): only the fields the event names change.
 * The project's state and the impact projection both run it, so a redefined KPI is the same KPI
 * in the rules and in the figures.
 *
 * @example
 * const kpi = {
 *   name: "Days to renew", category: "service_time", unit: "days", direction: "decrease",
 *   baseline: { value: 30, measuredAt: "2019-01-01T00:00:00Z", source: "desk" },
 *   target: { value: 5, by: "2020-12-31T00:00:00Z" },
 * } as const;
 * const draft = structuredClone(kpi) as Draft<KpiDefinition>;
 * redefineKpi(draft, { projectId: "p1", kpiId: "k1", target: { value: 3, by: "2020-12-31T00:00:00Z" }, reason: "Raised." }); // draft.target.value === 3
 */
export const redefineKpi = (k: Draft<KpiDefinition>, change: EventData<"KpiRedefined">): void => {
  const { name, unit, direction, baseline, target } = change;
  if (name !== undefined) k.name = name;
  if (unit !== undefined) k.unit = unit;
  if (direction !== undefined) k.direction = direction;
  if (baseline !== undefined) k.baseline = baseline;
  if (target !== undefined) k.target = target;
};

/** The definition a `KpiDefined` event gives. */
export const kpiDefinitionOf = (d: EventData<"KpiDefined">): KpiDefinition => ({
  name: d.name,
  category: d.category,
  unit: d.unit,
  direction: d.direction,
  baseline: d.baseline,
  target: d.target,
});

/** How a change in a KPI reads, given the way it should move. */
export type KpiChange = "improvement" | "worsening" | "no_change";

/**
 * Whether a change in a KPI (a difference: later − earlier, or pilot − comparison group) is for the
 * better: a rise for a KPI that should increase, a fall for one that should decrease. A negative
 * difference on a time that should fall is an improvement; a negative saving is a worsening.
 *
 * @example
 * kpiChange("decrease", -5) // "improvement": a service time 5 days shorter
 * kpiChange("increase", -5) // "worsening"
 */
export const kpiChange = (direction: KpiDirection, difference: number): KpiChange =>
  difference === 0 ? "no_change" : difference > 0 === (direction === "increase") ? "improvement" : "worsening";
