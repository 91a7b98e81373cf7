import type { LabFigures } from "./figures.js";

/** Options of `renderReport`. */
export interface ReportOptions {
  /** Report title (default "Innovation lab report"). */
  readonly title?: string;
  /** At most this many projects in the timeline chart (default 25; implemented projects first). */
  readonly timelineProjects?: number;
}

const n = (x: number): string => x.toLocaleString("en-US");
const pct = (x: number | null): string => (x === null ? "—" : `${Math.round(x * 100)}%`);
const days = (x: number | null): string => (x === null ? "—" : `${n(Math.round(x))} d`);
const label = (s: string): string => s.replaceAll("_", " ");
const cell = (s: string): string => s.replaceAll("|", "\\|").replaceAll("\n", " ");
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string =>
  [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "---" : "--:")).join("|")}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n");
// Mermaid gantt wants dates and plain task names.
const ganttName = (s: string): string => s.replace(/[:#;,]/gu, " ").slice(0, 60);

/**
 * Render the figures as a Markdown report: headline numbers, tables by year, sector and stage,
 * Mermaid charts (projects by stage as a pie, stage timelines as a gantt), impact and the decision
 * trail. Pure: returns a string, writes nothing.
 *
 * @example
 * await writeFile("report.md", renderReport(computeFigures(events)));
 */
export const renderReport = (f: LabFigures, options: ReportOptions = {}): string => {
  const h = f.headline;
  const p = f.participation;
  const pf = f.portfolio;
  const out: string[] = [];
  out.push(`# ${options.title ?? "Innovation lab report"}`, "");
  out.push(f.asOf === null ? "All recorded events." : `As of ${f.asOf.at}, by ${f.asOf.by === "recordedAt" ? "record time (what had been recorded)" : "business time (what had happened)"}.`, "");

  out.push("## Headline", "");
  out.push(
    table(
      ["figure", "value"],
      [
        ["Projects implemented (entered pilot)", n(h.projectsImplemented)],
        ["Challenges submitted", n(h.projects)],
        ["Citizens involved (distinct)", n(h.citizens)],
        ["Civil servants involved (distinct)", n(h.civilServants)],
        ["People involved in any role (distinct, each once)", n(h.distinctParticipants)],
        ["Public entities engaged", n(h.publicEntities)],
        ["Partners", n(h.partners)],
        ["Sessions held", n(h.sessionsHeld)],
        ["Anonymous headcount (kept apart)", n(p.overall.anonymousHeadcount.total)],
        ["Reach (distinct + anonymous, an upper bound)", n(p.overall.reach)],
      ],
    ),
    "",
  );

  out.push("## Where the projects are", "");
  const where: [string, number][] = [
    ...(["challenge", "co_design", "pilot", "scale"] as const).map((s): [string, number] => [label(s), f.portfolio.timelines.filter((t) => t.status === "active" || t.status === "paused").filter((t) => t.spans.at(-1)?.stage === s).length]),
    ["mainstreamed", pf.byStatus.mainstreamed],
    ["discontinued", pf.byStatus.discontinued],
  ];
  out.push("```mermaid", "pie showData title Projects by stage", ...where.filter(([, v]) => v > 0).map(([k, v]) => `    "${k}" : ${v}`), "```", "");
  out.push(`Paused now: ${n(pf.byStatus.paused)}. Pauses over the whole period, by reason: ${Object.entries(pf.pauses.byReason).map(([k, v]) => `${label(k)} ${v}`).join(", ") || "none"}.`, "");

  out.push("## Participation by year", "");
  const years = Object.keys(p.slices).filter((k) => k.startsWith("year:"));
  out.push(
    table(
      ["year", "people", "citizens", "civil servants", "participations", "anonymous", "sessions", "public entities", "partners"],
      years.map((k) => {
        const s = p.slices[k];
        return s === undefined ? [] : [k.slice(5), n(s.distinctParticipants), n(s.distinctByRole.citizen), n(s.distinctByRole.civil_servant), n(s.participations), n(s.anonymousHeadcount.total), n(s.sessionsHeld), n(s.publicEntitiesEngaged), n(s.partners)];
      }),
    ),
    "",
    "A person counts once in a year's figures and once overall, so the years do not add up to the total.",
    "",
  );

  out.push("## By sector", "");
  const sectors = Object.keys(p.slices).filter((k) => k.startsWith("sector:"));
  out.push(
    table(
      ["sector", "projects", "people", "citizens", "civil servants", "sessions"],
      sectors.map((k) => {
        const s = p.slices[k];
        const sector = k.slice(7) as keyof typeof pf.bySector;
        return s === undefined ? [] : [label(sector), n(pf.bySector[sector] ?? 0), n(s.distinctParticipants), n(s.distinctByRole.citizen), n(s.distinctByRole.civil_servant), n(s.sessionsHeld)];
      }),
    ),
    "",
  );

  out.push("## Gates and endings", "");
  out.push(
    table(
      ["gate", "reached", "passed", "conversion"],
      (["G1", "G2", "G3", "G4"] as const).map((g) => [g, n(pf.gateConversion[g].reached), n(pf.gateConversion[g].passed), pct(pf.gateConversion[g].rate)]),
    ),
    "",
  );
  out.push(
    `Discontinued: ${n(pf.discontinued.total)} of ${n(pf.projects)} (${pct(pf.discontinued.rate)}) — by stage: ${Object.entries(pf.discontinued.byStage).map(([k, v]) => `${label(k)} ${v}`).join(", ") || "none"}; by reason: ${Object.entries(pf.discontinued.byReason).map(([k, v]) => `${label(k)} ${v}`).join(", ") || "none"}.`,
    "",
  );
  out.push(`Organisations that declined to take part: ${Object.entries(pf.declinedByKind).map(([k, v]) => `${label(k)} ${v}`).join(", ") || "none"}.`, "");

  out.push("## Time", "");
  out.push(
    table(
      ["stage", "completed stays", "median days", "median days net of pauses"],
      (["challenge", "co_design", "pilot", "scale"] as const).map((s) => [label(s), n(pf.timeInStage[s].stays), days(pf.timeInStage[s].medianDaysGross), days(pf.timeInStage[s].medianDaysNet)]),
    ),
    "",
    `Procurement lead time (requested → contracted, ${n(pf.procurementLeadTime.contracted)} contracts): median ${days(pf.procurementLeadTime.medianDays)}, 90th percentile ${days(pf.procurementLeadTime.p90Days)}. Challenge submission to pilot start (${n(pf.challengeToPilot.projects)} projects): median ${days(pf.challengeToPilot.medianDays)}.`,
    "",
  );

  const timelines = [...pf.timelines].sort((a, b) => Number(b.spans.some((x) => x.stage === "pilot")) - Number(a.spans.some((x) => x.stage === "pilot"))).slice(0, options.timelineProjects ?? 25);
  if (timelines.length > 0) {
    out.push("## Timelines", "", "```mermaid", "gantt", "    title Stages of each project", "    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m");
    for (const t of timelines) {
      out.push(`    section ${ganttName(t.title)}`);
      for (const s of t.spans) out.push(`    ${label(s.stage)} :${s.stage === "pilot" ? "active, " : ""}${s.from.slice(0, 10)}, ${s.to.slice(0, 10) > s.from.slice(0, 10) ? s.to.slice(0, 10) : `${s.from.slice(0, 10)}`}`);
    }
    out.push("```", "");
  }

  const im = f.impact;
  out.push("## Impact", "");
  out.push(
    table(
      ["project", "KPI", "direction", "baseline", "target", "latest", "progress", "met"],
      im.kpis.map((k) => [k.projectId, `${k.name} (${k.unit})`, k.direction, n(k.baseline), n(k.target), k.actual === null ? "—" : n(k.actual), pct(k.progress), k.met === null ? "—" : k.met ? "yes" : "no"]),
    ),
    "",
    `KPIs met: ${n(im.kpisMet)} of ${n(im.kpis.length)}. Pilots: ${n(im.pilots.started)} started, ${n(im.pilots.ended)} ended, ${n(im.pilots.sites)} sites. Latest evaluations: ${Object.entries(im.evaluations.byOutcome).map(([k, v]) => `${k} ${v}`).join(", ")}; evidence levels 1–5: ${Object.values(im.evaluations.byEvidenceLevel).join(" / ")}.`,
    "",
    table(
      ["scale type", "adoptions", "entities", "sites", "users covered"],
      [...(["out", "up", "deep"] as const).map((t) => [t, n(im.adoption.byScaleType[t].adoptions), n(im.adoption.byScaleType[t].entities), n(im.adoption.byScaleType[t].sites), n(im.adoption.byScaleType[t].usersCovered)]), ["all", n(im.adoption.total.adoptions), n(im.adoption.total.entities), n(im.adoption.total.sites), n(im.adoption.total.usersCovered)]],
    ),
    "",
  );

  const decisions = f.auditTrail.filter((x) => x.decision !== undefined);
  out.push("## Decisions", "");
  out.push(`${n(decisions.length)} gate decisions recorded; the latest ten:`, "");
  out.push(
    table(
      ["when", "recorded", "project", "decision", "approvers", "rationale"],
      decisions.slice(-10).map((x) => [x.occurredAt.slice(0, 10), x.recordedAt.slice(0, 10), x.projectId, `${x.decision?.gate} ${x.decision?.outcome}`, (x.decision?.approvers ?? []).map((a) => a.id).join(", "), x.decision?.rationale ?? "—"]),
    ),
    "",
  );
  return out.join("\n");
};
