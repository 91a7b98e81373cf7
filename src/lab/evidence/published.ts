import { code, decimal, flag, publishedTable, share, text } from "../shared/index.js";

/** The tables the evidence slice publishes — KPI progress: their columns and English words. */
export const evidenceTables = {
  kpis: publishedTable(
    [
      text("project"),
      text("kpi"),
      text("name"),
      text("unit"),
      code("direction"),
      decimal("baseline"),
      decimal("target"),
      decimal("latest"),
      share("progress"),
      flag("met"),
      code("method"),
    ],
    {
      title: "KPI progress",
      description: "Each key performance indicator against its baseline and target; progress is 0 at the baseline and 100% at the target.",
      columns: {
        project: ["Project", "Project id."],
        kpi: ["KPI", "KPI id within the project."],
        name: ["Name", "What the KPI measures."],
        unit: ["Unit", "Unit of the values."],
        direction: ["Direction", "Whether the KPI should increase or decrease."],
        baseline: ["Baseline", "Value before the project."],
        target: ["Target", "Value the project aims for."],
        latest: ["Latest", "The latest measurement."],
        progress: ["Progress", "(latest − baseline) ÷ (target − baseline)."],
        met: ["Met", "Whether the target is reached, respecting the direction."],
        method: ["Method", "How the latest measurement was obtained."],
      },
    },
  ),
};
