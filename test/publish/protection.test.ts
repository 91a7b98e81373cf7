// People counts under the cell-key method, through every output: the rules (a secret is required,
// exact counts only on request and never as open data, money under the dominance rule) and the
// invariants (noise within maxNoise, zero stays zero, same people → same noise across tables and
// releases, every people count any output shows is the protected one).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFigures, en, exportOpenData, renderHtmlReport, renderReport, type LabFigures } from "../../src/index.js";
import type { Envelope } from "../../src/kernel/index.js";
import type { LabEvent } from "../../src/lab/index.js";
import {
  dominated,
  figureTables,
  formatValue,
  PERTURBATION,
  publishTables,
  type Column,
  type PublishedTables,
  type Table,
  type Value,
} from "../../src/publish/index.js";
import { must } from "../../src/testing/index.js";
import { labArbitraries } from "../../src/testing/arbitraries.js";
import { demoFigures, SECRET } from "./demo-figures.js";

const logs = labArbitraries(fc).portfolioLog(3, 60);
const PEOPLE_TABLES = ["headline", "participation_by_year", "participation_by_sector", "age_bands", "gender"];

// Every people cell of a set of tables: where, and its value.
const peopleCells = (tables: readonly Table[]) =>
  tables.flatMap((t) =>
    t.columns.flatMap((c, j) =>
      c.people ? t.rows.map((row, i) => ({ id: `${t.id}|${String(row[0])}|${c.key}`, table: t, column: c, i, j, v: row[j] ?? null })) : [],
    ),
  );

const tableOf = (p: PublishedTables, id: string): Table => p.tables.find((t) => t.id === id) as Table;

describe("protection options", () => {
  it.each([
    ["no secret", {}, /at secret: is required to publish people counts/u],
    ["a short secret", { secret: "short" }, /at secret: must be at least 32 characters/u],
    ["a secret and exact counts", { secret: SECRET, exact: true as const }, /at secret: cannot go with exact/u],
  ])("given %s, when publishing, then every output refuses, saying what to pass", (_, options, message) => {
    for (const r of [publishTables(demoFigures, options), renderReport(demoFigures, options), renderHtmlReport(demoFigures, options)]) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("validation_failed");
        expect(r.error.message).toMatch(message);
        expect(r.error.message).not.toContain(SECRET);
      }
    }
  });

  it("given exact: true, then the people counts are the figures' own and the report says it is not for publication", () => {
    const exact = must(publishTables(demoFigures, { exact: true }));
    expect(peopleCells(exact.tables).map((c) => c.v)).toEqual(peopleCells(figureTables(demoFigures).tables).map((c) => c.v));
    expect(exact.people).toBe("exact");
    expect(must(renderReport(demoFigures, { exact: true }))).toContain(en.exactNote);
  });

  it("given figures copied without their records, then publishing refuses rather than publish unprotected counts", () => {
    const copied: LabFigures = { ...demoFigures, participation: { ...demoFigures.participation, records: structuredClone({}) as never } };
    const r = publishTables(copied, { secret: SECRET });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/records: are missing/u);
  });
});

describe("the demonstration log, protected", () => {
  const published = must(publishTables(demoFigures, { secret: SECRET }));
  const exact = peopleCells(figureTables(demoFigures).tables);

  it("given the demonstration log, then every people count is within maxNoise, and some moved", () => {
    const cells = peopleCells(published.tables);
    let moved = 0;
    cells.forEach((c, k) => {
      const e = exact[k]?.v;
      expect(typeof c.v).toBe("number");
      expect(Math.abs(Number(c.v) - Number(e)), c.id).toBeLessThanOrEqual(c.column.key === "reach" ? 2 * PERTURBATION.maxNoise : PERTURBATION.maxNoise);
      if (c.v !== e) moved++;
    });
    expect(moved).toBeGreaterThan(cells.length / 4);
  });

  it("given a total, then it is a cell of its own: its noise is not the sum of its parts' noise", () => {
    // Participations add up exactly by year; published, they need not — each total has its own key.
    const sums = ["a", "b", "c", "d", "e", "f"].map((x) => {
      const p = must(publishTables(demoFigures, { secret: `${SECRET} ${x}` }));
      const years = tableOf(p, "participation_by_year");
      const j = years.columns.findIndex((c) => c.key === "participations");
      const headline = tableOf(p, "headline");
      const total = headline.rows[0]?.[headline.columns.findIndex((c) => c.key === "participations")];
      return years.rows.reduce((s, r) => s + Number(r[j]), 0) - Number(total);
    });
    expect(sums.some((d) => d !== 0)).toBe(true);
    for (const d of sums) expect(Math.abs(d)).toBeLessThanOrEqual(PERTURBATION.maxNoise * 5);
  });

  it("given sessions whose age bands and genders count as many people, then both breakdowns' totals show the same number", () => {
    const all = (p: Pick<PublishedTables, "tables">, id: string) => tableOf(p as PublishedTables, id).rows.at(-1)?.[1];
    // In the demonstration log every session that gives ages gives genders for as many people.
    expect(all(figureTables(demoFigures), "age_bands")).toBe(all(figureTables(demoFigures), "gender"));
    for (const x of ["a", "b", "c", "d", "e", "f", "g", "h"]) {
      const p = must(publishTables(demoFigures, { secret: `${SECRET} ${x}` }));
      expect(all(p, "age_bands"), x).toBe(all(p, "gender"));
    }
  });

  it("given money per person involved, then no output prints it over an exact count, and the release computes it over the published people", () => {
    const md = must(renderReport(demoFigures, { secret: SECRET }));
    // Spend per person over the people of the projects that spent divides by a count never published: printed, it would give that count away.
    expect(tableOf(published, "money_summary").columns.map((c) => c.key)).not.toContain("spent_per_person");
    expect(md).not.toMatch(/per person involved/u);
    const headline = tableOf(published, "headline");
    const people = Number(headline.rows[0]?.[headline.columns.findIndex((c) => c.key === "people")]);
    const eur = demoFigures.finance.byCurrency.EUR?.spent ?? 0;
    expect(published.money[0]?.spentPerPersonInvolved).toBe(eur / people);
  });
});

describe("money under the dominance rule", () => {
  it.each([
    [[1000], true, "one project is the whole amount"],
    [[600, 400], true, "two projects: each can work out the other"],
    [[900, 50, 40], true, "the rest (40) is under 10% of the largest"],
    [[400, 300, 300], false, "the rest is 75% of the largest"],
    [[0, 0], false, "nothing to protect"],
  ])("given contributions %j, then dominated is %s (%s)", (xs, expected) => {
    expect(dominated(xs)).toBe(expected);
  });

  it("given a currency funded by one project, then its amounts and per person are withheld in every output", () => {
    const usd = { budget: 20_000, spent: 4_000 };
    const year = { allocatedInYear: 20_000, spentInYear: 4_000 };
    const f: LabFigures = {
      ...demoFigures,
      finance: {
        ...demoFigures.finance,
        byCurrency: {
          ...demoFigures.finance.byCurrency,
          USD: {
            ...usd,
            bySource: { eu_funds: usd },
            byYear: { "2019": year },
            bySector: {},
            byCategory: { staff: 4_000 },
            spentPerPerson: { projects: 1, people: 1, amount: 4_000 },
            overspentBudgets: 0,
          },
        },
        byProject: [
          ...demoFigures.finance.byProject,
          { projectId: "solo", currency: "USD", ...usd, bySource: { eu_funds: usd }, byYear: { "2019": year }, byCategory: { staff: 4_000 } },
        ],
      },
    };
    const p = must(publishTables(f, { secret: SECRET }));
    const usdMoney = p.money.find((m) => m.currency === "USD");
    expect(usdMoney?.total).toEqual({ budget: { withheld: "dominance" }, spent: { withheld: "dominance" }, spentOfBudget: { withheld: "dominance" } });
    expect(usdMoney?.spentPerPersonInvolved).toEqual({ withheld: "dominance" });
    const md = must(renderReport(f, { secret: SECRET }));
    expect(md).toMatch(/\| USD \| \[c\] \| \[c\] \|/u);
    expect(md).not.toMatch(/20,000|4,000 per/u);
    const csv = must(exportOpenData(f, { secret: SECRET })).files["data/money.csv"] ?? "";
    expect(csv).toContain("USD,eu_funds,[c],[c]");
  });
});

// The people cells of a published table as an output shows them: the HTML table's cells (a one-row
// table on its side), and the Markdown table's lines.
const htmlCells = (html: string, t: Table): string[][] => {
  const body = new RegExp(`<table id="${t.id}-table">.*?<tbody>(.*?)</tbody>`, "su").exec(html)?.[1] ?? "";
  return [...body.matchAll(/<tr>(.*?)<\/tr>/gsu)].map((r) => [...(r[1] ?? "").matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gsu)].map((c) => c[1] ?? ""));
};
const shown = (v: Value, c: Column): string => formatValue(v, c, en);

// Every output shows each people cell as the protected tables hold it; the number of cells checked, and of those the noise moved.
const everyOutputShows = (f: LabFigures, p: PublishedTables, exact: readonly Table[]): { cells: number; moved: number } => {
  const html = must(renderHtmlReport(f, { secret: SECRET }));
  const md = must(renderReport(f, { secret: SECRET }));
  const files = must(exportOpenData(f, { secret: SECRET })).files;
  let cells = 0;
  let moved = 0;
  for (const id of PEOPLE_TABLES) {
    const t = tableOf(p, id);
    const raw = exact.find((x) => x.id === id) as Table;
    const inHtml = htmlCells(html, t);
    const csv = (files[`data/${id}.csv`] ?? "").split("\r\n").slice(1);
    t.columns.forEach((c, j) => {
      if (!c.people) return;
      t.rows.forEach((row, i) => {
        const v = row[j] ?? null;
        cells++;
        if (v !== raw.rows[i]?.[j]) moved++;
        const onItsSide = t.rows.length === 1;
        expect(onItsSide ? inHtml[j]?.[1] : inHtml[i]?.[j], `${id} ${i} ${c.key} in HTML`).toBe(shown(v, c));
        expect(csv[i]?.split(",")[j], `${id} ${i} ${c.key} in CSV`).toBe(String(v));
        if (onItsSide) expect(md, `${c.key} in Markdown`).toContain(`| ${c.title} | ${shown(v, c)} |`);
      });
      if (id === "headline") expect(html, `${c.key} card`).toContain(`${c.title}</dt><dd>${shown(t.rows[0]?.[j] ?? null, c)}</dd>`);
    });
    if (t.rows.length > 1)
      for (const row of t.rows) expect(md, `${id} row in Markdown`).toContain(`| ${row.map((v, j) => shown(v, t.columns[j] as Column)).join(" | ")} |`);
  }
  return { cells, moved };
};

describe("protection, as properties over generated labs", () => {
  it("every people count in every output (HTML, Markdown, CSV) is the protected one: within maxNoise, zero kept zero", () => {
    const reached = { logs: 0, cells: 0, moved: 0, zeros: 0, small: 0, oneYear: 0 };
    fc.assert(
      fc.property(logs, (log) => {
        const f = must(computeFigures(log));
        const exact = figureTables(f).tables;
        const p = must(publishTables(f, { secret: SECRET }));
        reached.logs++;
        const raw = peopleCells(exact);
        const headline = tableOf(p, "headline");
        const head = (key: string) => headline.rows[0]?.[headline.columns.findIndex((c) => c.key === key)];
        // Reach is worked out from two published counts (people + anonymous headcount), so it may move by twice the noise.
        expect(head("reach")).toBe(Number(head("people")) + Number(head("anonymous_headcount")));
        peopleCells(p.tables).forEach((c, k) => {
          const e = Number(raw[k]?.v);
          const v = Number(c.v);
          expect(Math.abs(v - e), c.id).toBeLessThanOrEqual(c.column.key === "reach" ? 2 * PERTURBATION.maxNoise : PERTURBATION.maxNoise);
          if (e === 0) reached.zeros++;
          if (e > 0 && e < 5) reached.small++;
          expect(e === 0 ? v === 0 : v >= 1, c.id).toBe(true);
        });
        if (tableOf(p, "participation_by_year").rows.length === 1) reached.oneYear++;
        const seen = everyOutputShows(f, p, exact);
        reached.cells += seen.cells;
        reached.moved += seen.moved;
      }),
      { numRuns: 25, seed: 2022, endOnFailure: true },
    );
    console.log(`every-output property reached: ${JSON.stringify(reached)}`);
    expect(reached.moved).toBeGreaterThan(50);
    expect(reached.small).toBeGreaterThan(50);
    expect(reached.zeros).toBeGreaterThan(50);
  }, 240_000);

  // The people behind a distinct count, by redacted form: what "the same people" means.
  const whoIs = (f: LabFigures, members: string): string => {
    const r = f.participation.records.read();
    const out: string[] = [];
    const bits = r.members[members] ?? [];
    bits.forEach((word, w) => {
      for (let b = 0; b < 30; b++) if ((word & (1 << b)) !== 0) out.push(r.people[w * 30 + b] ?? "");
    });
    return out.sort().join(",");
  };
  const ROLE: Readonly<Record<string, string>> = { people: "*", citizens: "citizen", civil_servants: "civil_servant", civil_servants_trained: "trained" };
  const sliceOf = (table: string, row: readonly Value[]): string =>
    table === "headline" ? "all" : `${table === "participation_by_year" ? "year" : "sector"}:${String(row[0])}`;
  // Each distinct-people cell's published value, keyed by what it counts and who it counts.
  const byPeople = (f: LabFigures, p: PublishedTables): Map<string, number> => {
    const out = new Map<string, number>();
    for (const id of ["headline", "participation_by_year", "participation_by_sector"]) {
      const t = tableOf(p, id);
      t.columns.forEach((c, j) => {
        const role = ROLE[c.key];
        if (role !== undefined) for (const row of t.rows) out.set(`${role}@${sliceOf(id, row)}|${whoIs(f, `${role}@${sliceOf(id, row)}`)}`, Number(row[j]));
      });
    }
    return out;
  };

  it("the same people get the same number in every table and in two releases, the later made after the earlier: as of two dates, and with one project more", () => {
    const reached = { pairs: 0, samePeople: 0, samePeopleAcrossTables: 0, otherPeople: 0, otherPeopleMoved: 0 };
    const withoutP3 = (log: readonly Envelope<LabEvent>[]) => log.filter((e) => !("projectId" in e.data && e.data.projectId === "p3"));
    fc.assert(
      fc.property(logs, fc.double({ min: 0.2, max: 0.9, noNaN: true }), (log, cut) => {
        const full = must(computeFigures(log));
        const at = log[Math.floor(log.length * cut)]?.occurredAt ?? log[0]?.occurredAt ?? "2020-01-01T00:00:00Z";
        const releases = [must(computeFigures(withoutP3(log))), must(computeFigures(log, { at, by: "occurredAt" }))];
        const a = byPeople(full, must(publishTables(full, { secret: SECRET })));
        // Across tables: whoever a headline cell counts, a year or sector cell counting the same people shows the same number.
        const byWho = new Map<string, number>();
        for (const [k, v] of a) {
          const who = `${k.split("@")[0]}|${k.split("|")[1]}`;
          const known = byWho.get(who);
          if (known !== undefined) {
            expect(v, k).toBe(known);
            reached.samePeopleAcrossTables++;
          }
          byWho.set(who, v);
        }
        for (const other of releases) {
          reached.pairs++;
          // The earlier release published first, the full one after it, as the README says to.
          const b = byPeople(other, must(publishTables(other, { secret: SECRET })));
          const later = byPeople(full, must(publishTables(full, { secret: SECRET, earlier: [other] })));
          const exactA = byPeople(full, must(publishTables(full, { exact: true })));
          const exactB = byPeople(other, must(publishTables(other, { exact: true })));
          for (const [k, v] of b) {
            const same = later.get(k);
            if (same !== undefined) {
              expect(v, k).toBe(same);
              reached.samePeople++;
            } else {
              reached.otherPeople++;
              if (v !== exactB.get(k)) reached.otherPeopleMoved++;
            }
          }
          expect(exactA.size).toBe(a.size);
        }
      }),
      { numRuns: 25, seed: 2023 },
    );
    console.log(`same-people property reached: ${JSON.stringify(reached)}`);
    expect(reached.samePeople).toBeGreaterThan(50);
    expect(reached.samePeopleAcrossTables).toBeGreaterThan(20);
    expect(reached.otherPeople).toBeGreaterThan(20);
    expect(reached.otherPeopleMoved).toBeGreaterThan(5);
  }, 240_000);
});
