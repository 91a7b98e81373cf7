import { code, count, date, days, publishedTable, share, text } from "../shared/index.js";

/**
 * The tables the lifecycle slice publishes — the stage funnel, gate conversion, time in stage,
 * pauses and the decision trail: their columns and English words.
 */
export const lifecycleTables = {
  stages: publishedTable([code("stage"), count("entered"), count("now")], {
    title: "Stage funnel",
    description: "How many projects entered each stage, and where they are now.",
    columns: {
      stage: ["Stage", "The stage, or how a project ended."],
      entered: ["Entered", "Projects that ever entered the stage."],
      now: ["Now", "Projects in the stage now (active or paused), or that ended this way."],
    },
  }),
  gates: publishedTable([code("gate"), count("reached"), count("passed"), share("conversion")], {
    title: "Gate conversion",
    description: "Of the projects that reached each gate, how many passed it.",
    columns: {
      gate: ["Gate", "The gate decision between two stages."],
      reached: ["Reached", "Projects with a decision recorded at the gate."],
      passed: ["Passed", "Projects that passed the gate."],
      conversion: ["Conversion", "Passed ÷ reached."],
    },
  }),
  time_in_stage: publishedTable([code("stage"), count("stays"), days("median_days"), days("median_days_net")], {
    title: "Time in stage",
    description: "Completed stays in each stage; the net median leaves out the days paused.",
    columns: {
      stage: ["Stage", "The stage."],
      stays: ["Stays", "Completed stays in the stage."],
      median_days: ["Median days", "Median length of a stay, in calendar days."],
      median_days_net: ["Median days net of pauses", "Median length of a stay less the days paused."],
    },
  }),
  pauses: publishedTable([code("reason"), count("pauses"), count("still_paused"), count("days_paused"), days("median_days")], {
    title: "Pauses by reason",
    description: "Pauses over the whole period; open ones count up to the as-of date.",
    columns: {
      reason: ["Reason", "Why the project was paused."],
      pauses: ["Pauses", "Pauses with this reason."],
      still_paused: ["Still paused", "Pauses not yet resumed."],
      days_paused: ["Days paused", "Calendar days paused, open pauses up to the as-of date."],
      median_days: ["Median days", "Median length of a pause, open ones counted as still running (Kaplan–Meier)."],
    },
  }),
  decisions: publishedTable([date("occurred"), date("recorded"), text("project"), code("gate"), code("outcome"), text("approvers"), text("rationale")], {
    title: "Decision trail",
    description: "Every gate decision, when it happened and when it was recorded, with who decided and why.",
    columns: {
      occurred: ["When", "Date of the decision."],
      recorded: ["Recorded", "Date it was recorded."],
      project: ["Project", "Project id."],
      gate: ["Gate", "The gate."],
      outcome: ["Outcome", "The decision."],
      approvers: ["Approvers", "Who decided."],
      rationale: ["Rationale", "Why, in their words."],
    },
  }),
};
