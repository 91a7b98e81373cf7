// What a slice declares of the tables it publishes: the columns (machine names, types, which ones
// count people) and their words in English. Publishing assembles the tables from the slices and
// fills them from the figures; a translation is another set of words for the same columns.

/** A column's type, as Table Schema names it. */
export type ColumnType = "string" | "integer" | "number" | "boolean" | "date";

/** How a column's values read: a count, a share (0–1), days, money, a decimal, or a code the labels translate. */
export type ColumnFormat = "count" | "share" | "days" | "amount" | "decimal" | "code";

/** A published column, all but its words: its machine name (never translated), type and format, and whether it counts people. */
export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  readonly type: ColumnType;
  readonly format?: ColumnFormat;
  /** Counts people: disclosure control protects it. */
  readonly people?: boolean;
}

/** The words of one published table: its title, what it holds, and each column's title and description. */
export interface TableWords<K extends string = string> {
  readonly title: string;
  readonly description: string;
  readonly columns: { readonly [C in K]: readonly [title: string, description: string] };
}

/** A published table as its slice declares it: the columns, and their words in English. */
export interface PublishedTable<K extends string = string> {
  readonly columns: readonly ColumnSpec<K>[];
  readonly en: TableWords<K>;
}

/**
 * Declare a published table: its columns and their English words, checked to name the same keys.
 *
 * @example
 * const t = publishedTable([count("pilots")], { title: "Pilots", description: "Pilots started.", columns: { pilots: ["Pilots", "Started."] } });
 */
export const publishedTable = <const C extends readonly ColumnSpec[]>(
  columns: C,
  en: TableWords<C[number]["key"]>,
): { columns: C; en: TableWords<C[number]["key"]> } => ({
  columns,
  en,
});

/** A count column (of people, when `people` is true). */
export const count = <K extends string>(key: K, people = false): ColumnSpec<K> => ({ key, type: "integer", format: "count", ...(people ? { people } : {}) });
const of =
  (type: ColumnType, format?: ColumnFormat) =>
  <K extends string>(key: K): ColumnSpec<K> => ({ key, type, ...(format ? { format } : {}) });
/** A column of codes the labels turn into words. */
export const code = of("string", "code");
/** A column of free text or ids. */
export const text = of("string");
/** A column of days. */
export const days = of("number", "days");
/** A column of shares (0–1). */
export const share = of("number", "share");
/** A column of money. */
export const amount = of("number", "amount");
/** A column of decimals. */
export const decimal = of("number", "decimal");
/** A column of dates. */
export const date = of("date");
/** A column of yes/no. */
export const flag = of("boolean");
