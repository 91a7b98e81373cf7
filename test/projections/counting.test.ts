import { describe, expect, it } from "vitest";
import { must } from "../../src/testing/index.js";
import { computeFigures, explain, labProjections, live, project, renderReport } from "../../src/index.js";
import { participation } from "../../src/projections/index.js";
import { show } from "../../src/testing/diff.js";
import { day, ref } from "../lab/fixtures.js";
import { logBuilder, readyForPilot, registeredLog, on, register } from "./builder.js";

const A = on("pa");
const B = on("pb");
const C = on("pc");
const D = on("pd");

// Two projects that share people, a cancelled session, anonymous headcounts, organisations of each kind.
const shared = () =>
  logBuilder()
    .on(0, register("pub-owner", "public"))
    .on(0, register("pub-s", "public"))
    .on(0, register("pub-aff", "public"))
    .on(0, register("biz-1", "business"))
    .on(0, register("civ-1", "civil_society"))
    .on(0, A.submit())
    .on(0, B.submit({ sector: "justice" }))
    .on(1, A.accept())
    .on(1, B.accept())
    .on(2, A.join("pub-s"))
    .on(2, B.join("pub-s"))
    .on(2, B.join("biz-1", "partner"))
    .on(2, B.join("civ-1", "partner"))
    .on(3, A.gate("G1"))
    .on(3, B.gate("G1"))
    .on(4, A.advance())
    .on(4, B.advance())
    .on(5, A.schedule("s1", day(10)))
    .on(
      10,
      A.attend("s1", [
        [ref(1), "citizen"],
        [ref(2), "citizen"],
      ]),
    )
    .on(11, A.close("s1", { citizens: 5, civilServants: 0, business: 0, other: 0 }))
    .on(12, A.schedule("s2", day(14)))
    .on(14, A.attend("s2", [[ref(9), "citizen"]]))
    .on(15, A.cancel("s2"))
    .on(20, B.schedule("s1", day(400)))
    .on(
      400,
      B.attend("s1", [
        [ref(1), "citizen"],
        [ref(3), "citizen"],
        [ref(2), "civil_servant", "pub-aff"],
      ]),
    )
    .on(401, B.close("s1", { citizens: 0, civilServants: 2, business: 1, other: 0 }));

describe("participation counting rules", () => {
  const f = must(computeFigures(shared().events));
  it("counts each person once in the portfolio, even across projects and roles", () => {
    expect(f.headline.distinctParticipants).toBe(3);
    // ref(2) was a citizen in one session and a civil servant in another: counted in both roles.
    expect(f.participation.overall.distinctByRole).toEqual({ citizen: 3, civil_servant: 1, business: 0, expert: 0 });
    expect(f.participation.overall.participations).toBe(5);
  });
  it("the portfolio figure is the union, never the sum of the parts", () => {
    const bySector = [f.participation.slices["sector:health"], f.participation.slices["sector:justice"]].map((s) => s?.distinctParticipants);
    expect(bySector).toEqual([2, 3]);
    expect(f.participation.slices["year:2018"]?.distinctParticipants).toBe(2);
    expect(f.participation.slices["year:2019"]?.distinctParticipants).toBe(3);
  });
  it("attendance of a cancelled session does not count, nor does the session", () => {
    expect(f.headline.sessionsHeld).toBe(2);
    expect(f.participation.overall.distinctParticipants).toBe(3); // ref(9) is not there
  });
  it("anonymous headcounts stay apart; reach is distinct + anonymous", () => {
    expect(f.participation.overall.anonymousHeadcount).toEqual({ citizens: 5, civilServants: 2, business: 1, other: 0, total: 8 });
    expect(f.participation.overall.reach).toBe(11);
  });
  it("people = citizens + civil servants − those who were both + others, who were neither", () => {
    // Given ref(2) as a citizen in pa's s1 and a civil servant in pb's s1, and a later session of pb with an expert ref(4),
    // a business person ref(5) and ref(1) — a citizen before — now as an expert:
    const later = shared()
      .on(402, B.schedule("s3", day(410)))
      .on(
        410,
        B.attend("s3", [
          [ref(4), "expert"],
          [ref(5), "business"],
          [ref(1), "expert"],
        ]),
      )
      .on(411, B.close("s3"));
    const o = must(computeFigures(later.events)).participation.overall;
    // then 5 people: citizens ref(1), ref(2), ref(3); civil servant ref(2), in both roles; others ref(4) and ref(5) —
    // ref(1) held a citizen's role, so is not among the others: 3 + 1 − 1 + 2 = 5.
    expect(o).toMatchObject({ distinctParticipants: 5, othersInvolved: 2, citizensAlsoCivilServants: 1 });
    expect(o.distinctByRole).toEqual({ citizen: 3, civil_servant: 1, business: 1, expert: 2 });
    // The shared log alone: 3 = 3 + 1 − 1 + 0.
    expect(f.participation.overall).toMatchObject({ distinctParticipants: 3, othersInvolved: 0, citizensAlsoCivilServants: 1 });
  });
  it("slices by the stage the project was in", () => {
    expect(f.participation.slices["stage:co_design"]?.distinctParticipants).toBe(3);
    expect(f.participation.slices["stage:challenge"]).toBeDefined();
  });
  it("public entities engaged: owner, joined in any role, civil servants' affiliation — registered public only", () => {
    // pub-owner (owner), pub-s (sponsor), pub-aff (affiliation); civ-1 and biz-1 are partners, not public.
    expect(f.headline.publicEntities).toBe(3);
    expect(f.headline.partners).toBe(2);
    expect(f.participation.overall.businessesEngaged).toBe(1);
    expect(f.participation.overall.entitiesEngaged).toBe(5);
  });
  it("an organisation that is not in the register cannot join, so it is never counted", () => {
    expect(() => shared().on(500, B.join("pub-unregistered", "partner"))).toThrow(/entity_not_registered/u);
  });
  it("lineage names the events behind a figure", () => {
    const events = shared().events;
    const ids = must(explain(events, "civilServants"));
    expect(ids.map((id) => events.find((e) => e.id === id)?.type)).toEqual(["AttendanceRecorded", "SessionClosed"]);
    expect(must(explain(events, "sessionsHeld"))).toHaveLength(2);
    expect(must(explain(events, "partners"))).toHaveLength(2);
    const publicIds = must(explain(events, "publicEntities")).map((id) => events.find((e) => e.id === id)?.type);
    expect(publicIds.filter((t) => t === "EntityRegistered")).toHaveLength(3);
  });
});

describe("erasure", () => {
  const events = shared().on(500, { type: "ForgetParticipant", participantRef: ref(1) }).events;
  it("keeps every published count as it was", () => {
    expect(must(computeFigures(events)).headline).toEqual(must(computeFigures(shared().events)).headline);
    expect(must(computeFigures(events)).participation).toEqual(must(computeFigures(shared().events)).participation);
  });
  it("no projection, figure or report shows the reference any more", () => {
    const state = must(project(participation, events)).state;
    expect([...state.people.keys()]).not.toContain(ref(1));
    const figures = must(computeFigures(events));
    expect(JSON.stringify(figures)).not.toContain(ref(1));
    expect(must(renderReport(figures, { exact: true }))).not.toContain(ref(1));
    expect(JSON.stringify([...state.people.keys(), ...state.forgotten])).not.toContain(ref(1));
  });
  it("a forgotten participant cannot be recorded again", () => {
    const log = shared()
      .on(500, { type: "ForgetParticipant", participantRef: ref(1) })
      .on(501, B.schedule("s9", day(502)));
    expect(() => log.on(502, B.attend("s9", [[ref(1), "citizen"]]))).toThrow(/participant_forgotten/u);
  });
  it("in a log that holds such attendance anyway (written before the rule), they count once and never show, pending or held", () => {
    const log = shared()
      .on(500, { type: "ForgetParticipant", participantRef: ref(1) })
      .on(501, B.schedule("s9", day(502)));
    const last = log.events.at(-1) as (typeof log.events)[number];
    const late = {
      ...last,
      id: "ev-late",
      version: last.version + 1,
      type: "AttendanceRecorded",
      data: { projectId: "pb", sessionId: "s9", attendees: [{ participantRef: ref(1), role: "citizen" }] },
    } as (typeof log.events)[number];
    const open = [...log.events, late];
    const pending = must(project(participation, open)).state;
    expect(show(pending)).not.toContain(ref(1));
    const view = live(labProjections);
    view.applyAll(open);
    expect(show(view.snapshot().state)).not.toContain(ref(1));
    const closed = [
      ...open,
      {
        ...late,
        id: "ev-close",
        version: late.version + 1,
        type: "SessionClosed",
        data: { projectId: "pb", sessionId: "s9", anonymousHeadcount: { citizens: 0, civilServants: 0, business: 0, other: 0 }, contributions: 1 },
      } as (typeof log.events)[number],
    ];
    expect(must(computeFigures(closed)).headline.distinctParticipants).toBe(3);
    expect(show(must(project(labProjections, closed)).state)).not.toContain(ref(1));
  });
});

describe("impact counting rules", () => {
  const base = () =>
    registeredLog()
      .on(0, A.submit())
      .on(1, A.kpi("k1", "decrease", 30, 5))
      .on(1, A.kpi("k2", "increase", 20, 50));
  it("a decrease KPI: progress is (actual − baseline)/(target − baseline), met only at or below target", () => {
    const b = base().on(31, A.measure("k1", 12, day(30)));
    const k1 = must(computeFigures(b.events)).impact.kpis.find((k) => k.kpiId === "k1");
    expect(k1).toMatchObject({ baseline: 30, target: 5, actual: 12, met: false });
    expect(k1?.progress).toBeCloseTo(18 / 25);
    const later = must(computeFigures(b.on(61, A.measure("k1", 4, day(60))).events)).impact.kpis.find((k) => k.kpiId === "k1");
    expect(later).toMatchObject({ actual: 4, met: true });
    expect(later?.progress).toBeCloseTo(26 / 25);
  });
  it("an increase KPI is met at or above its target", () => {
    const k2 = must(computeFigures(base().on(31, A.measure("k2", 35, day(30))).events)).impact.kpis.find((k) => k.kpiId === "k2");
    expect(k2).toMatchObject({ actual: 35, progress: 0.5, met: false });
  });
  it("a correction replaces the value it corrects, and only that one", () => {
    const b = base().on(31, A.measure("k1", 12, day(30)));
    const measured = b.events.at(-1)?.id ?? "";
    const corrected = must(computeFigures(b.on(32, A.correct("k1", measured, 4)).events)).impact.kpis.find((k) => k.kpiId === "k1");
    expect(corrected).toMatchObject({ actual: 4, met: true, actualEventId: measured });
    const b2 = base().on(31, A.measure("k1", 12, day(30)));
    const first = b2.events.at(-1)?.id ?? "";
    b2.on(61, A.measure("k1", 9, day(60))).on(62, A.correct("k1", first, 1));
    expect(must(computeFigures(b2.events)).impact.kpis.find((k) => k.kpiId === "k1")?.actual).toBe(9);
  });
  it("the effect: against the comparison group when measured with one, otherwise against the baseline", () => {
    // k1 falls from a baseline of 30 to 12: −18 against the baseline, −60%.
    const b = base().on(31, A.measure("k1", 12, day(30)));
    expect(must(computeFigures(b.events)).impact.kpis.find((k) => k.kpiId === "k1")).toMatchObject({
      method: null,
      effect: { against: "baseline", difference: -18, relative: -0.6, change: "improvement" },
    });
    // Measured later by difference-in-differences: 9 in the pilot sites, 15 in the comparison sites: −6, −40%.
    b.on(61, A.measure("k1", 9, day(60), { method: "difference_in_differences", comparison: 15, sampleSize: 400, comparisonSampleSize: 380 }));
    const f = must(computeFigures(b.events));
    expect(f.impact.kpis.find((k) => k.kpiId === "k1")).toMatchObject({
      actual: 9,
      method: "difference_in_differences",
      effect: { against: "comparison", difference: -6, relative: -0.4, change: "improvement" },
    });
    // A comparison value of 0 has no relative change.
    const zero = base().on(31, A.measure("k2", 35, day(30), { method: "ab_test", comparison: 0, sampleSize: 10, comparisonSampleSize: 10 }));
    expect(must(computeFigures(zero.events)).impact.kpis.find((k) => k.kpiId === "k2")?.effect).toEqual({
      against: "comparison",
      difference: 35,
      relative: null,
      change: "improvement",
    });
  });
  it("a negative effect reads by the KPI's direction: a fall is an improvement only for a KPI that should fall", () => {
    // k1 should fall (30 → 5): 36 is +6 against the baseline, +20%, a worsening. k2 should rise (20 → 50): 14 is −6, −30%, a worsening;
    // 26 is +6, +30%, an improvement; 20 is no change.
    const kpi = (b: ReturnType<typeof base>, id: string) => must(computeFigures(b.events)).impact.kpis.find((k) => k.kpiId === id);
    expect(kpi(base().on(31, A.measure("k1", 36, day(30))), "k1")?.effect).toEqual({ against: "baseline", difference: 6, relative: 0.2, change: "worsening" });
    expect(kpi(base().on(31, A.measure("k2", 14, day(30))), "k2")?.effect).toEqual({
      against: "baseline",
      difference: -6,
      relative: -0.3,
      change: "worsening",
    });
    expect(kpi(base().on(31, A.measure("k2", 26, day(30))), "k2")?.effect).toMatchObject({ difference: 6, change: "improvement" });
    expect(kpi(base().on(31, A.measure("k2", 20, day(30))), "k2")?.effect).toMatchObject({ difference: 0, change: "no_change" });
  });
  it("progress outside 0–1 says why: beyond the target, or worse than the baseline", () => {
    // k1 from 30 towards 5: 4 is (4 − 30) / (5 − 30) = 26/25, beyond the target; 36 is −6/25, worse than the baseline; 12 is 18/25, within.
    const note = (value: number) =>
      must(computeFigures(base().on(31, A.measure("k1", value, day(30))).events)).impact.kpis.find((k) => k.kpiId === "k1")?.progressNote;
    expect([4, 36, 12].map(note)).toEqual(["beyond_target", "worse_than_baseline", null]);
  });
  it("no measurement yet: no actual, no progress", () => {
    expect(must(computeFigures(base().events)).impact.kpis[0]).toMatchObject({ actual: null, progress: null, met: null });
  });
});

describe("portfolio counting rules", () => {
  // A: through co-design with a pause, into pilot, evaluated, to scale, adopted, mainstreamed.
  // C: rejected at intake. D: discontinued in co-design. Procurement in A: 60 and 10 days.
  const portfolioLog = () =>
    logBuilder()
      .on(0, register("pub-owner", "public"))
      .on(0, register("pub-s", "public"))
      .on(0, register("biz-shy", "business"))
      .on(0, register("pub-x", "public"))
      .on(0, register("biz-1", "business"))
      .on(0, A.submit())
      .on(0, C.submit({ sector: "justice" }))
      .on(0, D.submit({ sector: "finance" }))
      .on(1, A.accept())
      .on(1, { type: "RejectChallenge", projectId: "pc", reason: "Outside the mandate." })
      .on(1, D.accept())
      .on(2, A.join("pub-s"))
      .on(2, D.join("pub-s"))
      .on(2, D.decline("biz-shy"))
      .on(2, A.decline("biz-shy"))
      .on(2, A.decline("pub-x"))
      .on(3, A.gate("G1"))
      .on(3, D.gate("G1"))
      .on(4, A.advance())
      .on(4, D.advance())
      .on(5, A.schedule("s1", day(6)))
      .on(6, A.attend("s1", [[ref(1), "citizen"]]))
      .on(7, A.close("s1"))
      .on(8, A.kpi("k1", "decrease", 30, 5))
      .on(20, A.request("r1"))
      .on(21, A.request("r2"))
      .on(31, A.contract("r2"))
      .on(40, A.pause("procurement"))
      .on(60, A.resume())
      .on(80, A.contract("r1"))
      .on(90, D.discontinue("entity_reluctance"))
      .on(100, A.gate("G2"))
      .on(104, A.advance())
      .on(110, A.startPilot())
      .on(200, A.endPilot())
      .on(201, A.evaluate("success", 3))
      .on(202, A.gate("G3"))
      .on(204, A.advance())
      .on(250, A.adopt("pub-s", "out", 5, 2000))
      .on(260, A.adopt("pub-owner", "up", 1, 500))
      .on(270, A.gate("G4"))
      .on(280, A.mainstream());
  const f = must(computeFigures(portfolioLog().events));
  it("counts projects by stage, status, sector and year; implemented = entered pilot", () => {
    expect(f.portfolio.projects).toBe(3);
    expect(f.portfolio.implemented).toBe(1);
    expect(f.portfolio.byStatus).toEqual({ active: 0, paused: 0, mainstreamed: 1, discontinued: 2 });
    expect(f.portfolio.byStage).toEqual({ challenge: 1, co_design: 1, pilot: 0, scale: 1 });
    expect(f.portfolio.bySector).toEqual({ health: 1, justice: 1, finance: 1 });
    expect(f.portfolio.byYear).toEqual({ "2018": 3 });
  });
  it("gate conversion and discontinuations by stage and reason", () => {
    expect(f.portfolio.gateConversion.G1).toEqual({ reached: 3, passed: 2, rate: 2 / 3 });
    expect(f.portfolio.gateConversion.G2).toEqual({ reached: 2, passed: 1, rate: 0.5 });
    expect(f.portfolio.gateConversion.G4).toEqual({ reached: 1, passed: 1, rate: 1 });
    expect(f.portfolio.discontinued).toEqual({
      total: 2,
      rate: 2 / 3,
      byStage: { challenge: 1, co_design: 1 },
      byReason: { rejected_at_intake: 1, entity_reluctance: 1 },
    });
  });
  it("time in a stage, gross and net of pauses", () => {
    // A was in co-design from day 4 to day 104, paused from day 40 to day 60; D from day 4 to day 90.
    expect(f.portfolio.timeInStage.co_design).toEqual({ stays: 2, medianDaysGross: (100 + 86) / 2, medianDaysNet: (80 + 86) / 2 });
    expect(f.portfolio.timeInStage.pilot).toEqual({ stays: 1, medianDaysGross: 100, medianDaysNet: 100 });
  });
  it("procurement lead time in calendar days, median and p90; challenge to pilot", () => {
    // 60 and 10 days, both contracted: with nothing open or cancelled the median to contract is the plain median, 35
    // (1/2 contracted from day 10 to day 60: the midpoint), and so is Kaplan–Meier's. Nothing is left waiting, so the
    // shares are final: 1/2 within 30 days, all within 90.
    const lead = {
      requested: 2,
      contracted: 2,
      cancelled: 0,
      open: 0,
      medianDaysToContract: 35,
      contractedWithin: { "30": 0.5, "90": 1, "180": 1, "365": 1 },
      cancelledWithin: { "30": 0, "90": 0, "180": 0, "365": 0 },
      kaplanMeierMedianDays: 35,
      contractedMedianDays: 35,
      contractedP90Days: 60,
      value: { EUR: { contracts: 2, contracted: 1800, pairs: 2, pairedEstimated: 2000, pairedContracted: 1800, unpaired: 0, ratio: 0.9 } },
    };
    expect(f.portfolio.procurement).toEqual({ all: lead, byProcedure: { open: lead } });
    expect(f.portfolio.challengeToPilot).toEqual({ projects: 1, medianDays: 110 });
    // Paused from day 40 to day 60, with no expected resume date.
    expect(f.portfolio.pauses).toEqual({
      total: 1,
      open: 0,
      endedByClosure: 0,
      byReason: { procurement: { pauses: 1, open: 0, endedByClosure: 0, days: 20, medianDays: 20 } },
      overruns: { planned: 0, endedOnTime: 0, endedLate: 0, medianDaysLate: null, openWithinPlan: 0, openPastPlanned: 0, endedByClosure: 0 },
    });
  });
  it("organisations that declined, each once, by kind", () => {
    expect(f.portfolio.declinedByKind).toEqual({ business: 1, public: 1 });
  });
  it("pilots, evaluations and adoption by scale type", () => {
    expect(f.impact.pilots).toMatchObject({ started: 1, ended: 1, sites: 2, list: [{ projectId: "pa", sites: 2, endedAt: expect.any(String) }] });
    expect(f.impact.evaluations.byOutcome).toEqual({ success: 1, partial: 0, failed: 0, inconclusive: 0 });
    expect(f.impact.evaluations.byEvidenceLevel["3"]).toBe(1);
    expect(f.impact.adoption.total).toEqual({ adoptions: 2, entities: 2, sites: 6, usersCovered: 2500 });
    expect(f.impact.adoption.byScaleType.up).toEqual({ adoptions: 1, entities: 1, sites: 1, usersCovered: 500 });
  });
  it("the audit trail lists decisions and stage changes with actors, in business-time order", () => {
    const trail = f.auditTrail.filter((x) => x.projectId === "pa");
    expect(trail.filter((x) => x.decision).map((x) => x.decision?.gate)).toEqual(["G1", "G2", "G3", "G4"]);
    expect(trail.find((x) => x.type === "StageEntered")).toMatchObject({ summary: "Entered co_design from challenge through G1", actor: { role: "lab_team" } });
    expect(trail.map((x) => x.occurredAt)).toEqual([...trail.map((x) => x.occurredAt)].sort());
    expect(trail.find((x) => x.decision?.gate === "G1")?.decision).toMatchObject({
      approvers: [{ id: "dm-1" }],
      rationale: "Reviewed.",
      evidence: ["dossier.pdf"],
    });
  });
  it("as of a date: by business time, and by record time", () => {
    const events = portfolioLog().events;
    const early = must(computeFigures(events, { at: day(100) }));
    expect(early.portfolio.implemented).toBe(0);
    expect(early.portfolio.byStatus.mainstreamed).toBe(0);
    expect(must(computeFigures(events, { at: day(104) })).portfolio.implemented).toBe(1);
    // Everything here is recorded as it happens, so both clocks agree…
    expect(must(computeFigures(events, { at: day(104), by: "recordedAt" })).headline).toEqual(must(computeFigures(events, { at: day(104) })).headline);
  });
  it("…until something is recorded late: business time sees it from when it happened, record time from when the lab knew", () => {
    const late = registeredLog()
      .on(0, A.submit())
      .on(1, A.kpi("k1", "decrease", 30, 5))
      .on(50, { ...A.measure("k1", 12, day(19)), occurredAt: day(20) }).events;
    expect(late.at(-1)).toMatchObject({ occurredAt: day(20), recordedAt: day(50) });
    expect(must(computeFigures(late, { at: day(30) })).impact.kpis[0]?.actual).toBe(12);
    expect(must(computeFigures(late, { at: day(30), by: "recordedAt" })).impact.kpis[0]?.actual).toBeNull();
  });
});

describe("capacity and inclusion counting rules", () => {
  // Training t1 (held): two civil servants and a citizen; training t2 (cancelled): a third civil servant;
  // workshop w1 (held): the first civil servant again, and an anonymous breakdown.
  const cs1 = "0123456789abcdef0123456789abcde1";
  const cs2 = "0123456789abcdef0123456789abcde2";
  const cs3 = "0123456789abcdef0123456789abcde3";
  const cit = "0123456789abcdef0123456789abcde4";
  const log = () =>
    registeredLog()
      .on(0, A.submit())
      .on(1, { ...A.schedule("t1", day(5)), kind: "training" })
      .on(1, { ...A.schedule("t2", day(5)), kind: "training" })
      .on(1, A.schedule("w1", day(5)))
      .on(
        5,
        A.attend("t1", [
          [cs1, "civil_servant", "pub-owner"],
          [cs2, "civil_servant", "pub-s"],
          [cit, "citizen"],
        ]),
      )
      .on(5, A.attend("t2", [[cs3, "civil_servant", "pub-owner"]]))
      .on(5, A.attend("w1", [[cs1, "civil_servant", "pub-owner"]]))
      .on(6, A.close("t1"))
      .on(6, A.cancel("t2"))
      .on(6, {
        ...A.close("w1", { citizens: 4, civilServants: 0, business: 0, other: 0 }),
        demographics: { ageBands: { "30_44": 3, "65_plus": 1, undisclosed: 1 }, gender: { female: 2, male: 2, undisclosed: 1 } },
      });
  const f = must(computeFigures(log().events));
  it("a closed or cancelled session leaves its counts and anonymous record, nothing it was scheduled with", () => {
    // Given trainings and a workshop scheduled (one with a venue), when each is held or cancelled,
    // then the state keeps no venue or training mark of any of them: they grow with every session ever held otherwise.
    const events = log()
      .on(1, { ...A.schedule("v1", day(5)), territory: "PT170" })
      .on(6, A.close("v1", { citizens: 2, civilServants: 0, business: 0, other: 0 })).events;
    const s = must(project(participation, events)).state;
    expect([s.venues.size, s.trainings.size, s.pending.size]).toEqual([0, 0, 0]);
    expect(must(computeFigures(events)).participation.sessionsHeldByRegion).toMatchObject({ PT17: 1 });
    const open = must(project(participation, log().on(1, { ...A.schedule("v2", day(5)), territory: "PT170", kind: "training" }).events)).state;
    expect([open.venues.size, open.trainings.size]).toEqual([1, 1]);
  });

  it("civil servants trained: distinct, at held trainings only", () => {
    // cs1 and cs2 at t1; cs3 only at the cancelled t2; cs1 again at a workshop, which trains no one.
    expect(f.headline.civilServantsTrained).toBe(2);
    expect(f.participation.overall).toMatchObject({ trainingsHeld: 1, civilServantsTrained: 2, sessionsHeld: 2 });
    expect(f.headline.civilServants).toBe(2);
  });
  it("a breakdown is of everyone at the sessions that gave one, and names that base", () => {
    // w1 gave both breakdowns: 1 recorded attendee (cs1) + 4 anonymous = 5 present, and each breakdown places all 5.
    // t1 gave none, so its 3 attendees are in neither base.
    const base = { sessions: 1, attendees: 1, anonymous: 4, present: 5, counted: 5, notCounted: 0 };
    expect(f.participation.overall.demographics).toEqual({
      ageBands: { under_18: 0, "18_29": 0, "30_44": 3, "45_64": 0, "65_plus": 1, undisclosed: 1 },
      gender: { female: 2, male: 2, other: 0, undisclosed: 1 },
      base: { ageBands: base, gender: base },
    });
    expect(f.participation.overall).toMatchObject({ distinctParticipants: 3, participations: 4, anonymousHeadcount: { total: 4 } });
    // A session that gives only a gender breakdown, of 1 of its 2 attendees and 1 anonymous citizen: 3 present, 1 counted, 2 not.
    const more = log()
      .on(7, A.schedule("w2", day(8)))
      .on(
        8,
        A.attend("w2", [
          [cs2, "civil_servant", "pub-s"],
          [cit, "citizen"],
        ]),
      )
      .on(9, { ...A.close("w2", { citizens: 1, civilServants: 0, business: 0, other: 0 }), demographics: { gender: { female: 1 } } });
    const d = must(computeFigures(more.events)).participation.overall.demographics;
    expect(d.base).toEqual({
      ageBands: base,
      gender: { sessions: 2, attendees: 3, anonymous: 5, present: 8, counted: 6, notCounted: 2 },
    });
  });
  it("the lineage of civil servants trained names the training's scheduling, attendance and closing", () => {
    const events = log().events;
    const ids = must(explain(events, "civilServantsTrained"));
    expect(ids.map((id) => events.find((e) => e.id === id)?.type)).toEqual(["SessionScheduled", "AttendanceRecorded", "SessionClosed"]);
  });
});

describe("scaling counting rules", () => {
  // pa is implemented and adopted by two organisations: one goes live 40 days after it is recorded,
  // one is withdrawn; pb and pc replicate pa, pd replicates pb.
  const log = () => {
    const b = readyForPilot(registeredLog().on(0, register("pub-x", "public")), A, 0)
      .on(11, A.startPilot())
      .on(20, A.endPilot())
      .on(21, A.evaluate("success", 3))
      .on(22, A.gate("G3"))
      .on(23, A.advance())
      .on(30, A.adopt("pub-s", "out", 5, 2000, { status: "committed", goLiveAt: day(70) }))
      .on(31, A.adopt("pub-x", "out", 1, 100, { status: "committed", goLiveAt: day(90) }))
      .on(75, { type: "UpdateAdoption", projectId: "pa", entityId: "pub-s", status: "live", goLiveAt: day(70) })
      .on(76, { type: "UpdateAdoption", projectId: "pa", entityId: "pub-x", status: "withdrawn" });
    for (const id of ["pb", "pc"]) b.on(80, on(id).submit({ replicationOf: "pa" }));
    // A replication names an accepted project: pb's challenge is accepted before pd replicates it.
    return b.on(81, on("pb").accept()).on(82, on("pd").submit({ replicationOf: "pb" }));
  };
  const f = must(computeFigures(log().events));
  it("adoptions by their status now; days to go live where it has happened", () => {
    expect(f.impact.adoption.byStatus).toEqual({ committed: 0, live: 1, suspended: 0, withdrawn: 1, unspecified: 0 });
    // pub-s: recorded on day 30, live on day 70: 40 days; pub-x never went live.
    expect(f.impact.adoption.medianDaysToGoLive).toBe(40);
    // As of day 50 both are still committed, and nothing has gone live.
    const early = must(computeFigures(log().events, { at: day(50) })).impact.adoption;
    expect(early).toMatchObject({ byStatus: { committed: 2, live: 0, withdrawn: 0 }, medianDaysToGoLive: null });
  });
  it("days to go live: over adoptions the log records live, never a withdrawn one's planned date", () => {
    // Given pub-x committed on day 31 to go live on day 90 and withdrawn on day 76, and the log running on to day 120:
    // when the figures are counted, then day 90 has passed but pub-x never went live, so the median is pub-s's 40 days
    // (counting the planned date would give the median of 40 and 90 − 31 = 59, 49.5).
    const later = log().on(120, on("pe").submit());
    expect(must(computeFigures(later.events)).impact.adoption.medianDaysToGoLive).toBe(40);
    // As of day 72, pub-s's go-live date (day 70) has passed, but the log records it live only on day 75: nothing yet.
    expect(must(computeFigures(later.events, { at: day(72) })).impact.adoption.medianDaysToGoLive).toBeNull();
    // One suspended after going live still went live: pub-s suspended on day 100 still counts its 40 days.
    const suspended = log().on(100, { type: "UpdateAdoption", projectId: "pa", entityId: "pub-s", status: "suspended" });
    expect(must(computeFigures(suspended.events)).impact.adoption).toMatchObject({ byStatus: { live: 0, suspended: 1 }, medianDaysToGoLive: 40 });
  });
  it("replications per original project", () => {
    expect(f.portfolio.replications).toEqual({ projects: 3, byOrigin: { pa: 2, pb: 1 } });
  });
});
