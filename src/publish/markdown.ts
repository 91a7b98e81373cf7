import type { ScaleType, Stage } from "../lab/index.js";
import type { AdoptionFigure, LabFigures, LeadTimes, Overruns, Rate } from "../projections/index.js";
import type { TableId } from "./columns.js";
import type * as z from "zod";
import { type DomainError, ok, type Result } from "../kernel/index.js";
import { checkOptions, ReportOptionsSchema } from "./options.js";
import { asOfText, formatValue, words } from "./format.js";
import { en, type Labels } from "./labels.js";
import type { PublishedAmounts } from "./money.js";
import { protectFigures, protectionNotes, type PublishedTables } from "./release.js";
import { isWithheld, type Table, type Value } from "./table.js";

/**
 * Options of `renderReport`: `secret` (the host's, for the noise on people counts) or `exact: true`
 * (internal use only), `title` (default: the labels'), `labels` (default English),
 * and `timelineProjects` — at most this many projects in the timeline chart (default 25;
 * implemented projects first).
 */
export type ReportOptions = z.infer<typeof ReportOptionsSchema>;

interface Context {
  readonly options: ReportOptions;
  readonly labels: Labels;
  /** The published tables, protected: every people count the report prints, and every figure derived from one, comes from them. */
  readonly published: PublishedTables;
}

const n = (x: number): string => x.toLocaleString("en-US");
const pct = (x: number | null): string => (x === null ? "—" : `${Math.round(x * 100)}%`);
const days = (x: number | null): string => (x === null ? "—" : `${n(Math.round(x))} d`);
const label = (s: string): string => words(s, en);
const cell = (s: string): string => s.replaceAll("|", "\\|").replaceAll("\n", " ");
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string =>
  [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "---" : "--:")).join("|")}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n");
const listed = (counts: Readonly<Partial<Record<string, number>>>): string =>
  Object.entries(counts)
    .map(([k, v]) => `${label(k)} ${n(v ?? 0)}`)
    .join(", ") || "none";
// Mermaid gantt wants dates and plain task names.
const ganttName = (s: string): string => s.replace(/[:#;,]/gu, " ").slice(0, 60);

type Section = (f: LabFigures, context: Context) => string[];

// A published table in Markdown; a one-row table turned on its side, a figure per line.
const markdownTable = (t: Table, labels: Labels): string =>
  t.rows.length === 1
    ? table(
        [labels.figure, labels.value],
        t.columns.map((c, j) => [c.title, formatValue(t.rows[0]?.[j] ?? null, c, labels)]),
      )
    : table(
        t.columns.map((c) => c.title),
        t.rows.map((r) => r.map((v, j) => formatValue(v, t.columns[j] ?? { key: "", title: "", description: "", type: "string" }, labels))),
      );

const publishedTable = (id: TableId, context: Context): Table | undefined => context.published.tables.find((t) => t.id === id);

// A published table with what it holds, as lines of a section.
const tableOf = (id: TableId, context: Context): string[] => {
  const t = publishedTable(id, context);
  return t === undefined ? [] : [t.description, "", markdownTable(t, context.labels), ""];
};

// A section that is one published table: its title, what it holds, the table.
const tableSection =
  (id: TableId): Section =>
  (_, context) => {
    const t = publishedTable(id, context);
    return t === undefined ? [] : [`## ${t.title}`, "", ...tableOf(id, context)];
  };

const headline = tableSection("headline");
const byYear = tableSection("participation_by_year");
const bySector = tableSection("participation_by_sector");

const where: Section = (f) => {
  const pf = f.portfolio;
  const pausesByReason = Object.fromEntries(Object.entries(pf.pauses.byReason).map(([k, x]) => [k, x.pauses]));
  const open = pf.timelines.filter((t) => t.status === "active" || t.status === "paused");
  const slices: [string, number][] = [
    ...(Object.keys(pf.timeInStage) as Stage[]).map((s): [string, number] => [label(s), open.filter((t) => t.spans.at(-1)?.stage === s).length]),
    ["mainstreamed", pf.byStatus.mainstreamed],
    ["discontinued", pf.byStatus.discontinued],
  ];
  return [
    "## Where the projects are",
    "",
    "```mermaid",
    "pie showData title Projects by stage",
    ...slices.filter(([, v]) => v > 0).map(([k, v]) => `    "${k}" : ${v}`),
    "```",
    "",
    `Paused now: ${n(pf.byStatus.paused)}. Pauses over the whole period, by reason: ${listed(pausesByReason)}.`,
    "",
  ];
};

const gates: Section = (f, context) => {
  const pf = f.portfolio;
  const d = pf.discontinued;
  return [
    "## Gates and endings",
    "",
    ...tableOf("gates", context),
    `Discontinued: ${n(d.total)} of ${n(pf.projects)} (${pct(d.rate)}) — by stage: ${listed(d.byStage)}; by reason: ${listed(d.byReason)}.`,
    "",
    `Organisations that declined to take part: ${listed(pf.declinedByKind)}.`,
    "",
    `Replications: ${n(pf.replications.projects)} project${pf.replications.projects === 1 ? " replicates" : "s replicate"} another's solution` +
      (pf.replications.projects === 0
        ? "."
        : ` — by original project: ${Object.entries(pf.replications.byOrigin)
            .map(([k, v]) => `${k} ${n(v)}`)
            .join(", ")}.`),
    "",
  ];
};

const time: Section = (f, context) => {
  const pf = f.portfolio;
  return [
    "## Time",
    "",
    ...tableOf("time_in_stage", context),
    `Challenge submission to pilot start (${n(pf.challengeToPilot.projects)} projects): median ${days(pf.challengeToPilot.medianDays)}.`,
    "",
  ];
};

const rateCells = (r: Rate): string[] => [n(r.asked), n(r.declined), pct(r.rate)];
const rates = (head: string, r: Record<string, Rate>): string =>
  table(
    [head, "asked", "declined", "rate"],
    Object.entries(r).map(([k, x]) => [label(k), ...rateCells(x)]),
  );

const reluctance: Section = (f) => {
  const r = f.portfolio.reluctance;
  return [
    "## Reluctance",
    "",
    `Of ${n(r.overall.asked)} organisations asked to take part in a project, ${n(r.overall.declined)} declined (${pct(r.overall.rate)}). ` +
      `Reasons: ${listed(r.byReason)}.`,
    "",
    rates("level", r.byLevel),
    "",
    rates("year", r.byYear),
    "",
    rates("region", r.byRegion),
    "",
  ];
};

const overrun = (o: Overruns, what: string, plan: string, open: string): string =>
  `${what} with ${plan}: ${n(o.planned)}; ended late: ${n(o.endedLate)} (median ${days(o.medianDaysLate)} late); ${open}: ${n(o.openPastPlanned)}; ` +
  `cut short when the project ended: ${n(o.endedByClosure)}.`;

const delays: Section = (f, context) => {
  const ratios = (x: LeadTimes): string =>
    Object.entries(x.value)
      .map(([cur, v]) => `${cur} ${v.ratio === null ? "—" : v.ratio.toFixed(2)}`)
      .join(", ") || "—";
  const pauses = f.portfolio.pauses;
  return [
    "## Delays",
    "",
    ...tableOf("procurement", context),
    `Contract against estimate, all procedures: ${ratios(f.portfolio.procurement.all)}.`,
    "",
    ...tableOf("pauses", context),
    overrun(pauses.overruns, "Pauses", "an expected resume date", "still paused past it"),
    overrun(f.impact.pilots.overruns, "Pilots", "a planned end", "still running past it"),
    "",
  ];
};

const capacity: Section = (f, context) => {
  const o = f.participation.overall;
  const head = publishedTable("headline", context);
  const trained = head?.columns.findIndex((c) => c.key === "civil_servants_trained") ?? -1;
  const column = head?.columns[trained];
  const value = column === undefined ? "—" : formatValue(head?.rows[0]?.[trained] ?? null, column, context.labels);
  const breakdowns = (["age_bands", "gender"] as const).flatMap((id) => {
    const t = publishedTable(id, context);
    return t === undefined ? [] : [markdownTable(t, context.labels), ""];
  });
  return [
    "## Capacity and inclusion",
    "",
    `Training sessions held: ${n(o.trainingsHeld)}; civil servants trained (distinct): ${value}.`,
    "",
    "Anonymous breakdowns given at session close, counted apart from the identified people:",
    "",
    ...breakdowns,
  ];
};

// An amount as published: withheld by the dominance rule, or rounded.
const sum = (v: Value, labels: Labels): string => (isWithheld(v) ? labels.withheld : typeof v === "number" ? n(Math.round(v)) : "—");
const share = (v: Value, labels: Labels): string => (isWithheld(v) ? labels.withheld : pct(typeof v === "number" ? v : null));

// Money as published (`PublishedTables.money`): amounts under the dominance rule, per person from the protected people.
const money: Section = (f, { published, labels }) => {
  const fin = f.finance;
  const currencies = published.money.map((c) => [c.currency, c] as const);
  if (currencies.length === 0) return [];
  const amounts = (a: PublishedAmounts): string[] => [sum(a.budget, labels), sum(a.spent, labels), share(a.spentOfBudget, labels)];
  const out = ["## Money", ""];
  for (const [currency, c] of currencies) {
    out.push(
      `${currency}: ${sum(c.total.budget, labels)} allocated, ${sum(c.total.spent, labels)} spent (${share(c.total.spentOfBudget, labels)}); ` +
        `${sum(c.spentPerPersonInvolved, labels)} per person involved; ` +
        `${n(c.overspentBudgets)} budget${c.overspentBudgets === 1 ? "" : "s"} overspent. ` +
        `Spent by category: ${
          c.byCategory
            .map(([k, v]) => `${label(k)} ${sum(v, labels)}`)
            .join(", ") || "none"
        }.`,
      "",
      table(
        ["source", `budget (${currency})`, "spent", "spent of budget"],
        c.bySource.map(([k, a]) => [label(k), ...amounts(a)]),
      ),
      "",
      table(
        ["year", `budget (${currency})`, "spent", "spent of budget"],
        c.byYear.map(([k, a]) => [k, ...amounts(a)]),
      ),
      "",
    );
  }
  if (fin.savings.length > 0) {
    out.push(
      "Savings per unit of service, where a KPI measures a cost or a time and should fall (baseline − latest actual; the log holds no volumes, so no total):",
      "",
      table(
        ["project", "KPI", "saved per unit", "relative"],
        fin.savings.map((x) => [x.projectId, x.kpiId, `${n(Math.round(x.perUnit * 100) / 100)} ${x.unit}`, pct(x.relative)]),
      ),
      "",
    );
  }
  return out;
};

const territory: Section = (f, context) => [
  "## Territory",
  "",
  `Public entities engaged, by level: ${listed(f.participation.publicEntitiesEngaged.byLevel)}.`,
  "",
  ...tableOf("territory", context),
];

const timelines: Section = (f, { options }) => {
  const implementedFirst = [...f.portfolio.timelines].sort((a, b) => Number(b.implemented) - Number(a.implemented));
  const shown = implementedFirst.slice(0, options.timelineProjects ?? 25);
  if (shown.length === 0) return [];
  const out = ["## Timelines", "", "```mermaid", "gantt", "    title Stages of each project", "    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m"];
  for (const t of shown) {
    out.push(`    section ${ganttName(t.title)}`);
    for (const s of t.spans) {
      const from = s.from.slice(0, 10);
      const to = s.to.slice(0, 10) > from ? s.to.slice(0, 10) : from;
      out.push(`    ${label(s.stage)} :${s.stage === "pilot" ? "active, " : ""}${from}, ${to}`);
    }
  }
  return [...out, "```", ""];
};

const impactSection: Section = (f) => {
  const im = f.impact;
  const adoption = (a: AdoptionFigure) => [n(a.adoptions), n(a.entities), n(a.sites), n(a.usersCovered)];
  const kpis = im.kpis.map((k) => [
    k.projectId,
    `${k.name} (${k.unit})`,
    k.direction,
    n(k.baseline),
    n(k.target),
    k.actual === null ? "—" : n(k.actual),
    pct(k.progress),
    k.met === null ? "—" : k.met ? "yes" : "no",
    k.method === null ? "—" : label(k.method),
    k.effect === null
      ? "—"
      : `${k.effect.difference > 0 ? "+" : ""}${n(Math.round(k.effect.difference * 100) / 100)} vs ${k.effect.against} (${pct(k.effect.relative)})`,
  ]);
  const evaluations = `Latest evaluations: ${Object.entries(im.evaluations.byOutcome)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}; evidence levels 1–5: ${Object.values(im.evaluations.byEvidenceLevel).join(" / ")}; by method: ${listed(im.evaluations.byMethod)}.`;
  return [
    "## Impact",
    "",
    table(["project", "KPI", "direction", "baseline", "target", "latest", "progress", "met", "method", "effect"], kpis),
    "",
    `KPIs met: ${n(im.kpisMet)} of ${n(im.kpis.length)}. ` +
      `Pilots: ${n(im.pilots.started)} started, ${n(im.pilots.ended)} ended, ${n(im.pilots.sites)} sites. ${evaluations} ` +
      `Adoptions by status: ${listed(im.adoption.byStatus)}; median days from adoption to going live: ${days(im.adoption.medianDaysToGoLive)}.`,
    "",
    table(
      ["scale type", "adoptions", "entities", "sites", "users covered"],
      [
        ...(Object.keys(im.adoption.byScaleType) as ScaleType[]).map((t) => [t, ...adoption(im.adoption.byScaleType[t])]),
        ["all", ...adoption(im.adoption.total)],
      ],
    ),
    "",
  ];
};

const decisions: Section = (f) => {
  const list = f.auditTrail.filter((x) => x.decision !== undefined);
  const rows = list
    .slice(-10)
    .map((x) => [
      x.occurredAt.slice(0, 10),
      x.recordedAt.slice(0, 10),
      x.projectId,
      `${x.decision?.gate} ${x.decision?.outcome}`,
      (x.decision?.approvers ?? []).map((a) => a.id).join(", "),
      x.decision?.rationale ?? "—",
    ]);
  return [
    "## Decisions",
    "",
    `${n(list.length)} gate decisions recorded; the latest ten:`,
    "",
    table(["when", "recorded", "project", "decision", "approvers", "rationale"], rows),
    "",
  ];
};

/**
 * Render the figures as a Markdown report: headline numbers, tables by year, sector and stage,
 * Mermaid charts (projects by stage as a pie, stage timelines as a gantt), impact and the decision
 * trail. People counts, and every figure derived from them, are the published tables' (`publishTables`):
 * under the cell-key method's noise, money under the dominance rule. Pure:
 * returns the Markdown, writes nothing; invalid options are refused.
 *
 * @example
 * const figures = computeFigures(events);
 * const md = figures.ok ? renderReport(figures.value) : figures;
 * if (md.ok) await writeFile("report.md", md.value);
 */
export const renderReport = (f: LabFigures, options: ReportOptions = {}): Result<string, DomainError> => {
  const checked = checkOptions(ReportOptionsSchema, "report options", options);
  if (!checked.ok) return checked;
  const labels = checked.value.labels ?? en;
  const published = protectFigures(f, checked.value, "report options");
  if (!published.ok) return published;
  const context: Context = { options: checked.value, labels, published: published.value };
  const sections = [headline, where, byYear, bySector, territory, capacity, gates, reluctance, time, delays, money, timelines, impactSection, decisions];
  const note = protectionNotes(published.value, labels).flatMap((x) => [x, ""]);
  const lines = [`# ${checked.value.title ?? labels.title}`, "", asOfText(f, labels), "", ...sections.flatMap((section) => section(f, context)), ...note];
  return ok(lines.join("\n"));
};
