export * from "./csv.js";
export * from "./disclosure.js";
export * from "./format.js";
export * from "./html.js";
export * from "./labels.js";
export { ptPT } from "./labels-pt.js";
export { NUTS_2021_PT, nutsName } from "./nuts.js";
export { codeWords, type CodeWords, type ExtraWords } from "./vocabulary.js";
export { determinedUnknowns } from "./linear.js";
export { PERTURBATION, perturb, type PerturbationRow } from "./perturbation.js";
export * from "./markdown.js";
export * from "./open-data.js";
export {
  DisclosureOptionsSchema,
  HtmlReportOptionsSchema,
  LicenceSchema,
  OpenDataOptionsSchema,
  ProtectionOptionsSchema,
  ReportOptionsSchema,
} from "./options.js";
export { barChart, escapeHtml, type BarChart } from "./svg.js";
export * from "./table.js";
export * from "./tables.js";
export { CODE_VOCABULARY, TABLE_COLUMNS, type ColumnKey, type ColumnSpec, type TableId, type Vocabulary } from "./columns.js";
export { mayWithhold, protectionNotes, publishTables, type ProtectionOptions, type PublishedTables } from "./release.js";
export { dominated, DOMINANCE_P, type PublishedAmounts, type PublishedCurrency } from "./money.js";
