import { amount, code, publishedTable, text } from "../shared/index.js";

/** The tables the money slice publishes — money by source: their columns and English words. */
export const moneyTables = {
  money: publishedTable([text("currency"), code("source"), amount("budget"), amount("spent")], {
    title: "Money by source",
    description: "Budgets allocated and costs recorded, by currency and funding source.",
    columns: {
      currency: ["Currency", "ISO 4217 currency code."],
      source: ["Source", "Funding source."],
      budget: ["Budget", "Allocated."],
      spent: ["Spent", "Costs recorded."],
    },
  }),
};
