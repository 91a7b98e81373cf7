import { code, count, days, publishedTable } from "../shared/index.js";

/** The tables the procurement slice publishes — procurement lead times: their columns and English words. */
export const procurementTables = {
  procurement: publishedTable(
    [
      code("procedure"),
      count("requested"),
      count("contracted"),
      count("cancelled"),
      count("open"),
      days("median_days"),
      days("median_days_kaplan_meier"),
      days("median_days_contracted"),
    ],
    {
      title: "Procurement lead times",
      description:
        "Requested → contracted. The median counts procurements still open as still waiting, so the slowest are not dropped, " +
        "and a cancellation as an outcome that rules a contract out (competing risks), not as a contract that would have come later.",
      columns: {
        procedure: ["Procedure", "Procurement procedure, or all."],
        requested: ["Requested", "Procurements requested."],
        contracted: ["Contracted", "Procurements that reached a contract."],
        cancelled: ["Cancelled", "Procurements cancelled."],
        open: ["Open", "Procurements still waiting."],
        median_days: [
          "Median days",
          "Median days from request to contract, cancellations competing (Aalen–Johansen cumulative incidence); " +
            "empty when the share contracted never reaches one half.",
        ],
        median_days_kaplan_meier: [
          "Median days, cancellations ignored (Kaplan–Meier)",
          "For comparison only: the median if a cancelled procurement were one still waiting (censored); it overstates how many reach a contract.",
        ],
        median_days_contracted: ["Median days, contracted only", "Median over the contracted ones alone."],
      },
    },
  ),
};
