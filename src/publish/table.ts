import type { ColumnSpec } from "../lab/index.js";
import type { Vocabulary } from "./columns.js";

/**
 * A cell withheld: by `protect`'s suppression, `primary` (too few people) or `secondary` (would let one
 * be worked out); by the dominance rule for money, `dominance` (one or two projects make up nearly
 * all of it or of a cell in its breakdown — which one is never said).
 */
export interface Withheld {
  readonly withheld: "primary" | "secondary" | "dominance";
}

/** A value in a published table: text, a number, nothing to report (`null`), or a withheld cell. */
export type Value = string | number | boolean | null | Withheld;

/**
 * A column of a published table: its spec (machine name — the CSV header and Table Schema field
 * name, never translated —, type, format, whether it counts people) and its words, which come from
 * the labels, so a translation changes them.
 */
export interface Column extends ColumnSpec {
  readonly title: string;
  readonly description: string;
  /** For a column of codes, the vocabulary whose words it reads in. */
  readonly vocabulary?: Vocabulary;
}

/** A table as published: the one form the HTML report, the Markdown report and the open data share. */
export interface Table {
  /** Machine name: the open-data resource and file name, and the HTML anchor. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Value[])[];
}

/** One cell of a set of tables, by table id, row index and column key. */
export interface CellRef {
  readonly table: string;
  readonly row: number;
  readonly column: string;
}

/**
 * `total = Σ parts − Σ less`, an equation the published numbers obey, or with `sense: "<="` an
 * inequality (`total ≤ Σ parts − Σ less`: a count within another, a total within the sum of its
 * rows). Whoever reads the tables can use either to narrow down a protected cell, so protection must
 * leave each of them unable to: suppression leaves every equation with two unknowns or more that it
 * cannot separate, the cell-key method keeps the noisy counts consistent with every relation.
 */
export interface Relation {
  readonly total: CellRef;
  readonly parts: readonly CellRef[];
  /** Cells subtracted from the parts: total = Σ parts − Σ less (people = citizens + civil servants + others − both). */
  readonly less?: readonly CellRef[];
  /** `=` (the default) or `<=`: the total equals, or is at most, the parts less what is subtracted. */
  readonly sense?: "=" | "<=";
}

/** Whether a relation is an equation (`total = Σ parts − Σ less`), not an inequality. */
export const isEquation = (r: Relation): boolean => (r.sense ?? "=") === "=";

/** Tables with the relations (equations and inequalities) that hold between their cells. */
export interface TableSet {
  readonly tables: readonly Table[];
  readonly relations: readonly Relation[];
}

/** Whether a value is a withheld cell. */
export const isWithheld = (v: Value): v is Withheld => typeof v === "object" && v !== null;

/** The value of a cell, or `undefined` when the table, row or column does not exist. */
export const cellOf = (tables: readonly Table[], ref: CellRef): Value | undefined => {
  const table = tables.find((t) => t.id === ref.table);
  const column = table?.columns.findIndex((c) => c.key === ref.column) ?? -1;
  return column < 0 ? undefined : table?.rows[ref.row]?.[column];
};
