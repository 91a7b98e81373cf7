// The cell-key method over the published tables: each count of people is published as the true
// count moved by the noise its cell key draws from the perturbation table, and the cell key is the
// sum of the record keys of the people it counts. Same people, same key, same noise — in every
// table and every release.
import { type DomainError, err, ok, type Result, validationError } from "../kernel/index.js";
import { type AnonymousRecord, countBits, eachBit, type ParticipationRecords } from "../projections/index.js";
import { perturb } from "./perturbation.js";
import { addKeys, type RecordKeys } from "./record-keys.js";
import type { Table, Value } from "./table.js";

/** What a published people count counts, for its cell key. */
type Counted =
  | { readonly kind: "people"; readonly members: string }
  | { readonly kind: "attendances"; readonly members: string }
  | { readonly kind: "blocks"; readonly blocks: (r: AnonymousRecord) => readonly string[] }
  | { readonly kind: "derived" };

// The slice a row of a table counts in.
const SLICE_OF: Readonly<Record<string, (row: readonly Value[]) => string>> = {
  headline: () => "all",
  participation_by_year: (row) => `year:${String(row[0])}`,
  participation_by_sector: (row) => `sector:${String(row[0])}`,
};

// A session's whole anonymous count — its headcount, or the total of a breakdown — is keyed by the
// session and the number: where a session's age bands, genders and headcount count as many people,
// they are taken for the same people and get the same key, so the "all" rows and the headcount
// cannot be set against each other as two noisy readings of one number.
const whole = (n: number): string[] => (n > 0 ? [`people:${n}`] : []);
const sum = (r: Readonly<Record<string, number>>): number => Object.values(r).reduce((a, b) => a + b, 0);

// The anonymous blocks a row of a breakdown counts: each session's block of the row's band, or its whole count in "all".
const breakdown =
  (what: "age" | "gender", field: "ageBands" | "gender") =>
  (row: readonly Value[]): Counted => ({
    kind: "blocks",
    blocks: (r) => (row[0] === "all" ? whole(sum(r[field])) : Object.keys(r[field]).flatMap((code) => (row[0] === code ? [`${what}:${code}`] : []))),
  });

/** What each published column of people counts, given the row: every column a table marks `people` has a rule here. */
const RULES: Readonly<Record<string, Readonly<Record<string, (row: readonly Value[], slice: string) => Counted>>>> = {
  slice: {
    people: (_, slice) => ({ kind: "people", members: `*@${slice}` }),
    citizens: (_, slice) => ({ kind: "people", members: `citizen@${slice}` }),
    civil_servants: (_, slice) => ({ kind: "people", members: `civil_servant@${slice}` }),
    civil_servants_trained: (_, slice) => ({ kind: "people", members: `trained@${slice}` }),
    citizens_also_civil_servants: (_, slice) => ({ kind: "people", members: `both@${slice}` }),
    others: (_, slice) => ({ kind: "people", members: `other@${slice}` }),
    participations: (_, slice) => ({ kind: "attendances", members: `*@${slice}` }),
    anonymous_headcount: (_, slice) => ({ kind: "blocks", blocks: (r) => (r.slices.includes(slice) ? whole(r.headcount) : []) }),
    reach: () => ({ kind: "derived" }),
  },
  age_bands: { people: breakdown("age", "ageBands") },
  gender: { people: breakdown("gender", "gender") },
};

const ruleOf = (table: string, column: string): ((row: readonly Value[], slice: string) => Counted) | undefined =>
  (SLICE_OF[table] === undefined ? RULES[table] : RULES.slice)?.[column];

/** The published people counts of a set of tables, with the true count and cell key of each. */
export interface KeyedCount {
  readonly table: string;
  readonly row: number;
  readonly column: string;
  readonly count: number;
  readonly key: number;
}

// Cell keys, each set of people summed once.
const keyer = (records: ParticipationRecords, keys: RecordKeys) => {
  const person: number[] = [];
  const ofMembers = new Map<string, { count: number; key: number }>();
  const members = (name: string) => {
    let known = ofMembers.get(name);
    if (known !== undefined) return known;
    const bits = records.members[name] ?? [];
    let key = 0;
    eachBit(bits, (i) => (key = addKeys(key, (person[i] ??= keys.person(records.people[i] ?? "")))));
    ofMembers.set(name, (known = { count: countBits(bits), key }));
    return known;
  };
  return { members };
};

/**
 * The true count and cell key of every published people count, or a refusal naming a people column
 * no rule keys, or a count the records do not account for (figures altered after they were made).
 */
export const keyedCounts = (tables: readonly Table[], records: ParticipationRecords, keys: RecordKeys): Result<KeyedCount[], DomainError> => {
  const { members } = keyer(records, keys);
  const out: KeyedCount[] = [];
  const problems: { path: (string | number)[]; message: string }[] = [];
  for (const t of tables)
    t.columns.forEach((c, j) => {
      if (!c.people) return;
      const rule = ruleOf(t.id, c.key);
      if (rule === undefined) return problems.push({ path: [t.id, c.key], message: "counts people, but no rule says whom: it cannot be protected" });
      t.rows.forEach((row, i) => {
        const value = row[j];
        const counted = rule(row, SLICE_OF[t.id]?.(row) ?? "all");
        if (typeof value !== "number" || counted.kind === "derived") return;
        const keyed = keyOf(counted, value, members, records, keys);
        if (keyed === undefined) problems.push({ path: [t.id, i, c.key], message: `counts ${value}, which its records do not account for` });
        else out.push({ table: t.id, row: i, column: c.key, count: value, key: keyed });
      });
    });
  return problems.length > 0 ? err(validationError("figures to publish", problems)) : ok(out);
};

// The cell key of a count, or undefined when the records behind it do not add up to it.
const keyOf = (
  counted: Exclude<Counted, { kind: "derived" }>,
  value: number,
  members: (name: string) => { count: number; key: number },
  records: ParticipationRecords,
  keys: RecordKeys,
): number | undefined => {
  switch (counted.kind) {
    case "people": {
      const m = members(counted.members);
      return m.count === value ? m.key : undefined;
    }
    case "attendances": {
      // Each person's first attendance carries their key, so attendances of people who came once
      // count like the people themselves; each further attendance is a record of its own.
      const m = members(counted.members);
      if (value < m.count) return undefined;
      let key = m.key;
      for (let n = 0; n < value - m.count; n++) key = addKeys(key, keys.attendance(n));
      return key;
    }
    case "blocks": {
      let key = 0;
      let count = 0;
      for (const r of records.anonymous)
        for (const what of counted.blocks(r)) {
          key = addKeys(key, keys.block(what, r.session));
          count += blockCount(r, what);
        }
      return count === value ? key : undefined;
    }
    default: {
      const never: never = counted;
      return never;
    }
  }
};

const blockCount = (r: AnonymousRecord, what: string): number => {
  const [kind, code = ""] = what.split(":");
  if (kind === "people") return Number(code);
  return (kind === "age" ? r.ageBands[code] : r.gender[code]) ?? 0;
};

/** The published value of a keyed count: the true count moved by the noise its key draws. */
export const perturbed = (c: KeyedCount): number => perturb(c.count, c.key);
