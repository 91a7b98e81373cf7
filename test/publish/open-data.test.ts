// The open-data package: a descriptor the Frictionless profile accepts, CSVs any RFC 4180 reader
// reads back to the published tables, field by field.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { must } from "../../src/testing/index.js";
import { describe, expect, it } from "vitest";
import { en, exportOpenData, renderHtmlReport, renderReport, type LabFigures } from "../../src/index.js";
import {
  CSV_DECIMALS,
  csvNumber,
  figureTables,
  isWithheld,
  mayWithhold,
  protect,
  publishTables,
  toCsv,
  WITHHELD_CSV,
  type Table,
  type Value,
} from "../../src/publish/index.js";
import { demoFigures, SECRET, withRationale } from "./demo-figures.js";

const profile = JSON.parse(readFileSync(new URL("../fixtures/frictionless/tabular-data-package.json", import.meta.url), "utf8"));
// Formats checked (uri, date-time, email…); "textarea" is the profile's hint to form builders, not a format.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat("textarea", true);
const validate = ajv.compile(profile);

interface Field {
  name: string;
  type: string;
}
interface Resource {
  name: string;
  path: string;
  hash: string;
  schema: { fields: Field[]; missingValues: string[] };
}

// A CSV field read back by its Table Schema type.
const read = (text: string, field: Field, missing: readonly string[]): Value | "missing" => {
  if (missing.includes(text)) return "missing";
  switch (field.type) {
    case "integer":
      expect(text, `${field.name} ${text}`).toMatch(/^-?\d+$/u);
      return Number(text);
    case "number":
      expect(Number.isFinite(Number(text)), `${field.name} ${text}`).toBe(true);
      return Number(text);
    case "boolean":
      expect(["true", "false"]).toContain(text);
      return text === "true";
    case "date":
      expect(text).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      return text;
    default:
      return text;
  }
};

const roundTrip = (figures: LabFigures) => {
  const options = { secret: SECRET };
  const { files } = must(exportOpenData(figures, { ...options, created: "2026-11-30T00:00:00Z" }));
  const descriptor = JSON.parse(files["datapackage.json"] ?? "null");
  const ok = validate(descriptor);
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
  const published = must(publishTables(figures, options));
  const resources: Resource[] = descriptor.resources;
  expect(resources.map((r) => r.name)).toEqual(published.tables.map((t) => t.id));
  expect(Object.keys(files).sort()).toEqual(["datapackage.json", ...resources.map((r) => r.path)].sort());
  let cells = 0;
  let withheld = 0;
  resources.forEach((r, ti) => {
    const text = files[r.path] ?? "";
    expect(r.hash).toBe(`sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`);
    const records: string[][] = parse(text, { record_delimiter: "\r\n", relax_column_count: false });
    const table = published.tables[ti] as Table;
    expect(records[0]).toEqual(r.schema.fields.map((f) => f.name));
    expect(records.slice(1)).toHaveLength(table.rows.length);
    records.slice(1).forEach((record, i) =>
      record.forEach((field, j) => {
        const expected = table.rows[i]?.[j] ?? null;
        const got = read(field, r.schema.fields[j] as Field, r.schema.missingValues);
        cells++;
        if (got === "missing") {
          expect(expected === null || isWithheld(expected), `${r.name}[${i}].${r.schema.fields[j]?.name}`).toBe(true);
          if (expected !== null) withheld++;
        } else {
          // A computed number is rounded to its format's places (CSV_DECIMALS): within half a unit of the last place.
          const places = CSV_DECIMALS[table.columns[j]?.format ?? "code"];
          if (places !== undefined && typeof expected === "number") {
            expect(Math.abs(Number(got) - expected), `${r.name}[${i}].${r.schema.fields[j]?.name}`).toBeLessThanOrEqual(0.5 / 10 ** places + 1e-12);
          } else expect(got, `${r.name}[${i}].${r.schema.fields[j]?.name}`).toEqual(expected);
        }
      }),
    );
  });
  return { descriptor, files, cells, withheld, published };
};

describe("exportOpenData", () => {
  it("the demonstration log's package: the profile accepts the descriptor, every CSV reads back to the published table", () => {
    const { descriptor, cells, withheld, published } = roundTrip(demoFigures);
    expect(cells).toBeGreaterThan(1000);
    expect(withheld).toBe(published.withheld);
    expect(descriptor.licenses[0].name).toBe("CC-BY-4.0");
    expect(descriptor.protection).toEqual({ people: "cell-key", maxNoise: 2, variance: 0.8, withheld: published.withheld });
    expect(descriptor.latestEventAt).toBe(demoFigures.latestEventAt);
    expect(descriptor.created).toBe("2026-11-30T00:00:00Z");
  });

  it("given money withheld, then it reads as missing, and the marker is declared only where a withheld cell can appear", () => {
    const { withheld, descriptor } = roundTrip(demoFigures);
    expect(withheld).toBeGreaterThan(0);
    const resources: Resource[] = descriptor.resources;
    for (const r of resources) {
      expect(r.schema.missingValues).toEqual(mayWithhold({ id: r.name }) ? ["", WITHHELD_CSV] : [""]);
      // Where the marker is declared, no field holds free text: the marker can only be a withheld cell.
      const spec = figureTables(demoFigures).tables.find((t) => t.id === r.name);
      if (mayWithhold({ id: r.name }))
        for (const c of spec?.columns ?? []) if (c.type === "string") expect(c.format ?? c.key, c.key).toMatch(/^(code|currency|year)$/u);
    }
  });

  it.each([WITHHELD_CSV, "[c] "])("given a gate rationale that is literally %j, then it reads back as that text, not as missing", (marker) => {
    const { files, descriptor } = roundTrip(withRationale(demoFigures, marker));
    const decisions = (descriptor.resources as Resource[]).find((r) => r.name === "decisions");
    expect(decisions?.schema.missingValues).toEqual([""]);
    const records: string[][] = parse(files["data/decisions.csv"] ?? "", { record_delimiter: "\r\n" });
    const rationale = records[0]?.indexOf("rationale") ?? -1;
    expect(records.slice(1).filter((r) => r[rationale] === marker)).toHaveLength(1);
  });

  it("given exact: true, then open data refuses it: what is published is always protected", () => {
    const r = exportOpenData(demoFigures, { exact: true } as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/at exact: is refused: open data is published/u);
  });

  it("an as-of date and free text with commas, quotes and line breaks survive the trip", () => {
    const f = {
      ...withRationale(demoFigures, 'Approved, "with conditions":\r\nsee minutes; =SUM(A1)'),
      asOf: { at: "2019-12-31T23:59:59Z", by: "recordedAt" as const },
    };
    const { descriptor } = roundTrip(f);
    expect(descriptor.asOf).toEqual({ at: "2019-12-31T23:59:59Z", by: "recordedAt" });
    expect(descriptor.description).toContain("31/12/2019 23:59 UTC");
  });

  it("computed numbers are rounded to a documented precision: rates to 4 places, days to 1, money to 2", () => {
    // 1/3 of organisations declined: 0.3333 (33.33 %), not 0.3333333333333333; a median of 67.5 days stays 67.5;
    // 0.1 + 0.2 euros is 0.3; a count is whole and a KPI value is written as recorded.
    expect([csvNumber(1 / 3, "share"), csvNumber(2 / 3, "share"), csvNumber(67.5, "days"), csvNumber(0.1 + 0.2, "amount")]).toEqual([
      "0.3333",
      "0.6667",
      "67.5",
      "0.3",
    ]);
    expect([csvNumber(-0.00001, "share"), csvNumber(12345, "count"), csvNumber(0.123456, "decimal"), csvNumber(-1.5, "days")]).toEqual([
      "0",
      "12345",
      "0.123456",
      "-1.5",
    ]);
    // On the demo log, reluctance.csv's rates had up to 16 digits; every one now has at most 4 decimal places.
    const files = must(exportOpenData(demoFigures, { secret: SECRET })).files;
    const rates = (files["data/reluctance.csv"] ?? "")
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.split(",").at(-1) ?? "");
    const raw =
      must(protect(figureTables(demoFigures)))
        .tables.find((t) => t.id === "reluctance")
        ?.rows.map((r) => r.at(-1)) ?? [];
    // The figures themselves keep every digit; publishing rounds them.
    const figures = Object.values(demoFigures.portfolio.reluctance.byYear).map((r) => r.rate);
    expect(figures.filter((v) => typeof v === "number" && String(v).length > 6).length).toBeGreaterThan(0);
    expect(rates.filter((v) => !/^(0|1|0\.\d{1,4})?$/u.test(v))).toEqual([]);
    expect(rates).toHaveLength(raw.length);
  });

  it("refuses nothing a reader would: the profile rejects a descriptor without resources (the validator is live)", () => {
    expect(validate({ profile: "tabular-data-package", resources: [] })).toBe(false);
    const t: Table = { id: "t", title: "", description: "", columns: [{ key: "a,b", title: "", description: "", type: "string" }], rows: [['x"y'], [null]] };
    expect(toCsv(t)).toBe('"a,b"\r\n"x""y"\r\n\r\n');
  });
});

describe("options are checked, never guessed", () => {
  const refusals: [string, object][] = [
    ["a threshold that is not a number", { threshold: Number.NaN }],
    ["a fractional threshold", { threshold: 2.5 }],
    ["a negative threshold", { threshold: -1 }],
    ["a threshold given as text", { threshold: "5" }],
    ["a created date that is not RFC 3339", { created: "yesterday" }],
    ["a licence without a URL", { licence: { name: "CC-BY-4.0", path: "licence.txt", title: "CC BY" } }],
    ["a package name with capitals and spaces", { name: "My Package" }],
    ["labels whose locale Intl refuses", { labels: { ...en, locale: "not a locale!" } }],
    ["labels without words for a vocabulary", { labels: { ...en, codes: { ...en.codes, gate: undefined } } }],
    ["a sha256 option that is not SHA-256", { sha256: (s: string) => s }],
    ["an option nobody defined", { treshold: 5 }],
    ["a short secret", { secret: "too short to key anything" }],
    ["a secret that is not text", { secret: 12345 }],
    ["no secret at all", { secret: undefined }],
    ["both a secret and exact counts", { exact: true }],
  ];
  it.each(refusals)("refuses %s, with the reason, in every output", (_, options) => {
    const results = [
      exportOpenData(demoFigures, { secret: SECRET, ...options } as never),
      ...("created" in options || "licence" in options || "name" in options || "sha256" in options
        ? []
        : [renderHtmlReport(demoFigures, { secret: SECRET, ...options } as never), renderReport(demoFigures, { secret: SECRET, ...options } as never)]),
      ...("threshold" in options ? [protect(figureTables(demoFigures), options as never)] : []),
    ];
    for (const r of results) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("validation_failed");
        expect(r.error.message).toMatch(/^Invalid .+ options/u);
      }
    }
  });
});
