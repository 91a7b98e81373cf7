import type { Gate, Stage } from "../lab/index.js";
import type { LabFigures, LeadTimes, Overruns, ParticipationSlice } from "../projections/index.js";
import { CODE_VOCABULARY, TABLE_COLUMNS, type ColumnKey, type TableId, type Vocabulary } from "./columns.js";
import { en, type Labels } from "./labels.js";
import type { CellRef, Relation, Table, TableSet, Value } from "./table.js";

type Row<T extends TableId> = { readonly [K in ColumnKey<T>]: Value };

/**
 * Decimal places a published number keeps, by its column's format: the open data's documented
 * precision (a rate of 0.2352941176470588 is published as 0.2353).
 */
export const PRECISION = { share: 4, decimal: 2, amount: 2, days: 1 } as const;

const rounded = (v: Value, format: string | undefined): Value => {
  if (typeof v !== "number" || !(format === "share" || format === "decimal" || format === "amount" || format === "days")) return v;
  const scale = 10 ** PRECISION[format];
  return Math.round(v * scale) / scale;
};

// One table from its rows keyed by column, in the column order `TABLE_COLUMNS` fixes.
const tableOf = <T extends TableId>(id: T, labels: Labels, rows: readonly Row<T>[]): Table => {
  const text = labels.tables[id];
  const specs: readonly { readonly key: ColumnKey<T>; readonly format?: string }[] = TABLE_COLUMNS[id];
  const vocabularies: Readonly<Partial<Record<string, Vocabulary>>> = CODE_VOCABULARY[id] ?? {};
  return {
    id,
    title: text.title,
    description: text.description,
    columns: TABLE_COLUMNS[id].map((spec) => {
      const [title, description] = text.columns[spec.key as ColumnKey<T>];
      const vocabulary = vocabularies[spec.key];
      return { ...spec, title, description, ...(vocabulary === undefined ? {} : { vocabulary }) };
    }),
    rows: rows.map((r) => specs.map((c) => rounded(r[c.key], c.format))),
  };
};

const at = <T extends TableId>(table: T, row: number, column: ColumnKey<T>): CellRef => ({ table, row, column });
// Σ of a column over rows 0…n−1 of one table equals a cell of another (or of the same) table.
const columnSum = <T extends TableId>(table: T, rows: number, column: ColumnKey<T>, total: CellRef): Relation => ({
  total,
  parts: Array.from({ length: rows }, (_, i) => at(table, i, column)),
});

const headline = (f: LabFigures): Row<"headline"> => {
  const h = f.headline;
  const o = f.participation.overall;
  return {
    challenges: h.projects,
    projects_implemented: h.projectsImplemented,
    citizens: h.citizens,
    civil_servants: h.civilServants,
    civil_servants_trained: h.civilServantsTrained,
    citizens_also_civil_servants: o.citizensAlsoCivilServants,
    others: o.othersInvolved,
    people: h.distinctParticipants,
    anonymous_headcount: o.anonymousHeadcount.total,
    reach: o.reach,
    participations: o.participations,
    public_entities: h.publicEntities,
    partners: h.partners,
    sessions_held: h.sessionsHeld,
    trainings_held: o.trainingsHeld,
  };
};

// The stages in lifecycle order, as the figures hold them (publishing reads the figures, not the lab's vocabulary).
const stagesOf = (f: LabFigures): Stage[] => Object.keys(f.portfolio.timeInStage) as Stage[];

const stages = (f: LabFigures): Row<"stages">[] => {
  const t = f.portfolio.timelines;
  const open = t.filter((x) => x.status === "active" || x.status === "paused");
  return [
    ...stagesOf(f).map((stage) => ({
      stage,
      entered: t.filter((x) => x.spans.some((s) => s.stage === stage)).length,
      now: open.filter((x) => x.spans.at(-1)?.stage === stage).length,
    })),
    { stage: "mainstreamed", entered: null, now: f.portfolio.byStatus.mainstreamed },
    { stage: "discontinued", entered: null, now: f.portfolio.byStatus.discontinued },
  ];
};

const slices = (f: LabFigures, prefix: "year:" | "sector:") =>
  Object.entries(f.participation.slices).flatMap(([k, s]) => (k.startsWith(prefix) && s !== undefined ? [{ key: k.slice(prefix.length), s }] : []));

// The columns a year and a sector share (`SLICE` in the column list).
const sliceRow = (s: ParticipationSlice) => ({
  people: s.distinctParticipants,
  citizens: s.distinctByRole.citizen,
  civil_servants: s.distinctByRole.civil_servant,
  participations: s.participations,
  anonymous_headcount: s.anonymousHeadcount.total,
  sessions_held: s.sessionsHeld,
});

const byYear = (f: LabFigures): Row<"participation_by_year">[] =>
  slices(f, "year:").map(({ key, s }) => ({ year: key, ...sliceRow(s), public_entities: s.publicEntitiesEngaged, partners: s.partners }));

const bySector = (f: LabFigures): Row<"participation_by_sector">[] =>
  slices(f, "sector:").map(({ key, s }) => ({ sector: key, projects: f.portfolio.bySector[key as keyof typeof f.portfolio.bySector] ?? 0, ...sliceRow(s) }));

// Counts by a code with a last row "all" holding their sum.
const withAll = (counts: Readonly<Record<string, number>>): { code: string; n: number }[] => [
  ...Object.entries(counts).map(([code, n]) => ({ code, n })),
  { code: "all", n: Object.values(counts).reduce((a, b) => a + b, 0) },
];

// The base of each breakdown: row 0 by age band, row 1 by gender.
const breakdownBases = (f: LabFigures): Row<"breakdown_bases">[] => {
  const b = f.participation.overall.demographics.base;
  return (
    [
      ["age_band", b.ageBands],
      ["gender", b.gender],
    ] as const
  ).map(([breakdown, x]) => ({
    breakdown,
    sessions: x.sessions,
    attendees: x.attendees,
    anonymous: x.anonymous,
    present: x.present,
    counted: x.counted,
    not_counted: x.notCounted,
  }));
};

const procurement = (f: LabFigures): Row<"procurement">[] =>
  [...Object.entries(f.portfolio.procurement.byProcedure), ["all", f.portfolio.procurement.all] as const].flatMap(([procedure, x]) =>
    x === undefined
      ? []
      : [
          {
            procedure,
            requested: x.requested,
            contracted: x.contracted,
            cancelled: x.cancelled,
            open: x.open,
            median_days: x.medianDaysToContract,
            median_days_kaplan_meier: x.kaplanMeierMedianDays,
            median_days_contracted: x.contractedMedianDays,
          },
        ],
  );

const territory = (f: LabFigures): Row<"territory">[] => {
  const engaged = f.participation.publicEntitiesEngaged.byRegion;
  const held = f.participation.sessionsHeldByRegion;
  const im = f.impact;
  const regions = [
    ...new Set([...Object.keys(engaged), ...Object.keys(held), ...Object.keys(im.pilots.byRegion), ...Object.keys(im.adoption.byRegion)]),
  ].sort();
  return regions.map((region) => ({
    region,
    public_entities: engaged[region] ?? 0,
    sessions_held: held[region] ?? 0,
    pilots: im.pilots.byRegion[region] ?? 0,
    adoptions: im.adoption.byRegion[region]?.adoptions ?? 0,
    users_covered: im.adoption.byRegion[region]?.usersCovered ?? 0,
  }));
};

const reluctance = (f: LabFigures): Row<"reluctance">[] => {
  const r = f.portfolio.reluctance;
  const dims = [
    ["level", r.byLevel],
    ["sector", r.bySector],
    ["region", r.byRegion],
    ["year", r.byYear],
  ] as const;
  return dims.flatMap(([dimension, rates]) =>
    Object.entries(rates).map(([value, x]) => ({ dimension, value, asked: x.asked, declined: x.declined, rate: x.rate })),
  );
};

const decisions = (f: LabFigures): Row<"decisions">[] =>
  f.auditTrail.flatMap((x) =>
    x.decision === undefined
      ? []
      : [
          {
            occurred: x.occurredAt.slice(0, 10),
            recorded: x.recordedAt.slice(0, 10),
            project: x.projectId,
            gate: x.decision.gate,
            outcome: x.decision.outcome,
            approvers: x.decision.approvers.map((a) => a.id).join(", "),
            rationale: x.decision.rationale ?? null,
          },
        ],
  );

// The relations the numbers obey, for protection (checked on generated portfolios by the tests).
const relationsOf = (years: number, sectors: number, ages: number, genders: number): Relation[] => [
  { total: at("headline", 0, "reach"), parts: [at("headline", 0, "people"), at("headline", 0, "anonymous_headcount")] },
  // People = citizens + civil servants − those in both roles + others.
  {
    total: at("headline", 0, "people"),
    parts: [at("headline", 0, "citizens"), at("headline", 0, "civil_servants"), at("headline", 0, "others")],
    less: [at("headline", 0, "citizens_also_civil_servants")],
  },
  // Each breakdown's base: present = attendees + anonymous = counted + not counted, and counted is its table's "all" row.
  ...([0, 1] as const).flatMap((row) => [
    { total: at("breakdown_bases", row, "present"), parts: [at("breakdown_bases", row, "attendees"), at("breakdown_bases", row, "anonymous")] },
    { total: at("breakdown_bases", row, "present"), parts: [at("breakdown_bases", row, "counted"), at("breakdown_bases", row, "not_counted")] },
  ]),
  { total: at("age_bands", ages - 1, "people"), parts: [at("breakdown_bases", 0, "counted")] },
  { total: at("gender", genders - 1, "people"), parts: [at("breakdown_bases", 1, "counted")] },
  columnSum("participation_by_year", years, "participations", at("headline", 0, "participations")),
  columnSum("participation_by_year", years, "anonymous_headcount", at("headline", 0, "anonymous_headcount")),
  columnSum("participation_by_sector", sectors, "participations", at("headline", 0, "participations")),
  columnSum("participation_by_sector", sectors, "anonymous_headcount", at("headline", 0, "anonymous_headcount")),
  // The last row of each breakdown is its total.
  columnSum("age_bands", ages - 1, "people", at("age_bands", ages - 1, "people")),
  columnSum("gender", genders - 1, "people", at("gender", genders - 1, "people")),
  ...orders(years, sectors),
];

// A count within another: total ≤ the one part.
const within = (inner: CellRef, outer: CellRef): Relation => ({ total: inner, parts: [outer], sense: "<=" });

// The inequalities distinct counts obey: in each slice (all, a year, a sector) each role and the
// people in both roles within people, people within participations (everyone counted attended at
// least once); the trained within civil servants; a year's or a sector's people within all people,
// and all people within the sum of the years' (or sectors') — someone counted in two years is
// counted once overall.
const orders = (years: number, sectors: number): Relation[] => {
  const slice = (table: "headline" | "participation_by_year" | "participation_by_sector", row: number): Relation[] => [
    within(at(table, row, "citizens"), at(table, row, "people")),
    within(at(table, row, "civil_servants"), at(table, row, "people")),
    within(at(table, row, "people"), at(table, row, "participations")),
  ];
  const rows = (table: "participation_by_year" | "participation_by_sector", n: number): Relation[] => [
    ...Array.from({ length: n }, (_, i) => slice(table, i)).flat(),
    ...(["people", "citizens", "civil_servants"] as const).flatMap((column) => [
      ...Array.from({ length: n }, (_, i) => within(at(table, i, column), at("headline", 0, column))),
      ...(n > 0 ? [{ ...columnSum(table, n, column, at("headline", 0, column)), sense: "<=" as const }] : []),
    ]),
  ];
  return [
    ...slice("headline", 0),
    within(at("headline", 0, "civil_servants_trained"), at("headline", 0, "civil_servants")),
    within(at("headline", 0, "citizens_also_civil_servants"), at("headline", 0, "citizens")),
    within(at("headline", 0, "citizens_also_civil_servants"), at("headline", 0, "civil_servants")),
    within(at("headline", 0, "others"), at("headline", 0, "people")),
    ...rows("participation_by_year", years),
    ...rows("participation_by_sector", sectors),
  ];
};

// The tables of how projects move: through stages and gates, and what holds them up.
const progress = (f: LabFigures, labels: Labels) => {
  const pc = f.portfolio.gateConversion;
  const t = f.portfolio.timeInStage;
  return {
    stages: tableOf("stages", labels, stages(f)),
    gates: tableOf(
      "gates",
      labels,
      (Object.keys(pc) as Gate[]).map((gate) => ({ gate, reached: pc[gate].reached, passed: pc[gate].passed, conversion: pc[gate].rate })),
    ),
    time: tableOf(
      "time_in_stage",
      labels,
      stagesOf(f).map((stage) => ({ stage, stays: t[stage].stays, median_days: t[stage].medianDaysGross, median_days_net: t[stage].medianDaysNet })),
    ),
    pauses: tableOf(
      "pauses",
      labels,
      Object.entries(f.portfolio.pauses.byReason).flatMap(([reason, x]) =>
        x === undefined ? [] : [{ reason, pauses: x.pauses, still_paused: x.open, days_paused: x.days, median_days: x.medianDays }],
      ),
    ),
    procurement: tableOf("procurement", labels, procurement(f)),
  };
};

const kpis = (f: LabFigures): Row<"kpis">[] =>
  f.impact.kpis.map((k) => ({
    project: k.projectId,
    kpi: k.kpiId,
    name: k.name,
    unit: k.unit,
    direction: k.direction,
    baseline: k.baseline,
    target: k.target,
    latest: k.actual,
    progress: k.progress,
    met: k.met,
    method: k.method,
    effect_against: k.effect?.against ?? null,
    effect: k.effect?.difference ?? null,
    effect_relative: k.effect?.relative ?? null,
    improved: k.effect === null || k.effect.difference === 0 ? null : k.effect.difference > 0 === (k.direction === "increase"),
  }));

const currencies = (f: LabFigures) => Object.entries(f.finance.byCurrency);

const money = (f: LabFigures): Row<"money">[] =>
  currencies(f).flatMap(([currency, c]) =>
    Object.entries(c.bySource).flatMap(([source, a]) => (a === undefined ? [] : [{ currency, source, budget: a.budget, spent: a.spent }])),
  );

// Budgets count in the year they were allocated, costs in the year they were spent.
const moneyByYear = (f: LabFigures): Row<"money_by_year">[] =>
  currencies(f).flatMap(([currency, c]) =>
    Object.entries(c.byYear).map(([year, a]) => ({ currency, year, allocated_in_year: a.allocatedInYear, spent_in_year: a.spentInYear })),
  );

const moneySummary = (f: LabFigures): Row<"money_summary">[] =>
  currencies(f).map(([currency, c]) => ({
    currency,
    allocated: c.budget,
    spent: c.spent,
    overspent_budgets: c.overspentBudgets,
  }));

const spending = (f: LabFigures): Row<"spending">[] =>
  currencies(f).flatMap(([currency, c]) =>
    Object.entries(c.byCategory).flatMap(([category, spent]) => (spent === undefined ? [] : [{ currency, category, spent }])),
  );

const savings = (f: LabFigures): Row<"savings">[] =>
  f.finance.savings.map((x) => ({
    project: x.projectId,
    kpi: x.kpiId,
    name: f.impact.kpis.find((k) => k.projectId === x.projectId && k.kpiId === x.kpiId)?.name ?? null,
    unit: x.unit,
    saved_per_unit: x.perUnit,
    relative: x.relative,
  }));

// Counts by a dimension and a code within it, for the tables that list several breakdowns.
const byDimension = <D extends string>(dims: readonly (readonly [D, Readonly<Partial<Record<string, number>>>])[]) =>
  dims.flatMap(([dimension, counts]) => Object.entries(counts).flatMap(([value, n]) => (n === undefined ? [] : [{ dimension, value, n }])));

const endings = (f: LabFigures): Row<"endings">[] =>
  byDimension([
    ["stage", f.portfolio.discontinued.byStage],
    ["reason", f.portfolio.discontinued.byReason],
  ]).map(({ dimension, value, n }) => ({ dimension, value, projects: n }));

const evaluations = (f: LabFigures): Row<"evaluations">[] => {
  const e = f.impact.evaluations;
  return byDimension([
    ["outcome", e.byOutcome],
    ["evidence_level", e.byEvidenceLevel],
    ["method", e.byMethod],
  ]).map(({ dimension, value, n }) => ({ dimension, value, projects: n }));
};

const overrunRow = (what: string, o: Overruns): Row<"overruns"> => ({
  what,
  planned: o.planned,
  ended_late: o.endedLate,
  median_days_late: o.medianDaysLate,
  open_past_planned: o.openPastPlanned,
  ended_by_closure: o.endedByClosure,
});

const contractValue = (all: LeadTimes): Row<"contract_value">[] =>
  Object.entries(all.value).map(([currency, v]) => ({
    currency,
    contracts: v.contracts,
    contracted: v.contracted,
    pairs: v.pairs,
    paired_estimated: v.pairedEstimated,
    paired_contracted: v.pairedContracted,
    ratio: v.ratio,
  }));

const adoption = (f: LabFigures): Row<"adoption">[] => {
  const a = f.impact.adoption;
  return [...Object.entries(a.byScaleType), ["all", a.total] as const].map(([scale_type, x]) => ({
    scale_type,
    adoptions: x.adoptions,
    entities: x.entities,
    sites: x.sites,
    users_covered: x.usersCovered,
  }));
};

const timelines = (f: LabFigures): Row<"timelines">[] =>
  f.portfolio.timelines.flatMap((t) =>
    t.spans.map((s) => ({ project: t.projectId, title: t.title, status: t.status, stage: s.stage, from: s.from.slice(0, 10), to: s.to.slice(0, 10) })),
  );

// The one-row tables: the flow of projects and the impact.
const summaries = (f: LabFigures, labels: Labels) => {
  const pf = f.portfolio;
  const im = f.impact;
  return {
    flow: tableOf("flow", labels, [
      {
        paused_now: pf.byStatus.paused,
        discontinued: pf.discontinued.total,
        discontinued_rate: pf.discontinued.rate,
        challenge_to_pilot: pf.challengeToPilot.projects,
        challenge_to_pilot_median_days: pf.challengeToPilot.medianDays,
      },
    ]),
    impact: tableOf("impact", labels, [
      {
        kpis: im.kpis.length,
        kpis_met: im.kpisMet,
        pilots_started: im.pilots.started,
        pilots_ended: im.pilots.ended,
        pilot_sites: im.pilots.sites,
        median_days_to_go_live: im.adoption.medianDaysToGoLive,
      },
    ]),
  };
};

// The tables of money: by currency, source, year and category, and savings.
const moneyTablesOf = (f: LabFigures, labels: Labels): Table[] => [
  tableOf("money_summary", labels, moneySummary(f)),
  tableOf("money", labels, money(f)),
  tableOf("money_by_year", labels, moneyByYear(f)),
  tableOf("spending", labels, spending(f)),
  tableOf("savings", labels, savings(f)),
];

// The tables of impact: KPIs, the summary, evaluations, adoption and replications.
const impactTablesOf = (f: LabFigures, labels: Labels, impact: Table): Table[] => {
  const r = f.portfolio.replications;
  return [
    tableOf("kpis", labels, kpis(f)),
    impact,
    tableOf("evaluations", labels, evaluations(f)),
    tableOf("adoption", labels, adoption(f)),
    tableOf(
      "adoption_status",
      labels,
      Object.entries(f.impact.adoption.byStatus).map(([status, adoptions]) => ({ status, adoptions })),
    ),
    tableOf(
      "replications",
      labels,
      Object.entries(r.byOrigin).map(([origin, projects]) => ({ origin, projects })),
    ),
  ];
};

/**
 * The published tables of a set of figures, with the equations between their cells that disclosure
 * control must respect: the one form the HTML report, the Markdown report's people counts and the
 * open data share. Unprotected: pass the result to `protect` before publishing it.
 *
 * @example
 * const { tables } = figureTables(figures);
 * tables.map((t) => t.id); // ["headline", "stages", "gates", "participation_by_year", …]
 */
export const figureTables = (f: LabFigures, labels: Labels = en): TableSet => {
  const years = byYear(f);
  const sectors = bySector(f);
  const ages = withAll(f.participation.overall.demographics.ageBands);
  const genders = withAll(f.participation.overall.demographics.gender);
  const moving = progress(f, labels);
  const one = summaries(f, labels);
  const tables = [
    tableOf("headline", labels, [headline(f)]),
    moving.stages,
    one.flow,
    tableOf("endings", labels, endings(f)),
    moving.gates,
    tableOf("participation_by_year", labels, years),
    tableOf("participation_by_sector", labels, sectors),
    tableOf(
      "age_bands",
      labels,
      ages.map((x) => ({ age_band: x.code, people: x.n })),
    ),
    tableOf(
      "gender",
      labels,
      genders.map((x) => ({ gender: x.code, people: x.n })),
    ),
    tableOf("territory", labels, territory(f)),
    tableOf(
      "entity_levels",
      labels,
      Object.entries(f.participation.publicEntitiesEngaged.byLevel).map(([level, n]) => ({ level, public_entities: n })),
    ),
    tableOf("breakdown_bases", labels, breakdownBases(f)),
    moving.time,
    moving.pauses,
    tableOf("overruns", labels, [overrunRow("pauses", f.portfolio.pauses.overruns), overrunRow("pilots", f.impact.pilots.overruns)]),
    moving.procurement,
    tableOf("contract_value", labels, contractValue(f.portfolio.procurement.all)),
    tableOf("reluctance", labels, reluctance(f)),
    tableOf(
      "decline_reasons",
      labels,
      Object.entries(f.portfolio.reluctance.byReason).flatMap(([reason, declined]) => (declined === undefined ? [] : [{ reason, declined }])),
    ),
    ...moneyTablesOf(f, labels),
    ...impactTablesOf(f, labels, one.impact),
    tableOf("timelines", labels, timelines(f)),
    tableOf("decisions", labels, decisions(f)),
  ];
  return { tables, relations: relationsOf(years.length, sectors.length, ages.length, genders.length) };
};
