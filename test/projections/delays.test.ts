import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFigures } from "../../src/index.js";
import { daysLate, overruns } from "../../src/projections/index.js";
import { regionOf } from "../../src/lab/index.js";
import { must } from "../../src/testing/index.js";
import { cumulativeIncidence, type Ending, incidenceMedian, median, survivalMedian } from "../../src/projections/stats.js";
import { day } from "../lab/fixtures.js";
import { logBuilder, on, readyForPilot, register, registeredLog } from "./builder.js";

// Shares worked out by hand as fractions; floating point may differ in the last digit.
const near = (x: number) => expect.closeTo(x, 12);

// Reluctance, procurement, pauses, pilot overruns and territory, counted by hand in the comments.
const X = on("px");
const Y = on("py");
const log = () =>
  logBuilder()
    .on(0, register("pub-owner", "public"))
    .on(0, register("biz-1", "business", "digital_services", { territory: "PT170:1106" }))
    .on(0, register("pub-n", "public", "finance", { territory: "PT170" }))
    .on(0, register("pub-r", "public", "health", { level: "regional", territory: "PT11" }))
    .on(0, register("pub-l", "public", "local_government", { level: "local", territory: "PT11A:1312" }))
    .on(0, X.submit())
    .on(0, Y.submit({ sector: "justice" }))
    .on(1, X.accept())
    .on(2, X.join("pub-n"))
    .on(3, X.decline("pub-r", "no_budget"))
    .on(5, X.decline("pub-l", "risk_aversion"))
    .on(6, Y.decline("pub-r", "no_budget"))
    .on(7, X.join("biz-1", "partner"))
    .on(8, X.gate("G1"))
    .on(9, X.advance())
    .on(10, X.request("r1", "direct"))
    .on(10, X.request("r2"))
    .on(10, X.request("r4"))
    .on(11, { ...X.schedule("s1", day(12)), territory: "PT11A:1312" })
    .on(12, X.attend("s1", [["0123456789abcdef0123456789abcdef", "citizen"]]))
    .on(13, X.close("s1"))
    .on(14, X.kpi("k1", "decrease", 30, 5))
    .on(15, X.schedule("s2", day(16)))
    .on(16, X.close("s2"))
    .on(20, X.contract("r1", 1200))
    .on(30, X.join("pub-l", "partner"))
    .on(40, X.cancelProcurement("r2"))
    .on(60, X.pause("procurement", { expectedResumeAt: day(70) }))
    .on(80, X.resume())
    .on(85, X.contract("r4", 900))
    .on(90, X.gate("G2"))
    .on(91, X.advance())
    .on(95, X.request("r3"))
    .on(100, X.startPilot({ plannedEnd: day(150), territory: "PT11A:1312" }))
    .on(170, X.endPilot())
    .on(180, X.pause("entity_reluctance", { expectedResumeAt: day(190) }));

const f = must(computeFigures(log().events, { at: day(200) }));

describe("reluctance: of the organisations asked, how many declined", () => {
  it("counts each project–organisation pair once; a refusal counts even if the organisation joins later", () => {
    // Asked: X–pub-n (joined), X–pub-r (declined), X–pub-l (declined on day 5, joined on day 30), Y–pub-r (declined), X–biz-1 (joined).
    expect(f.portfolio.reluctance.overall).toEqual({ asked: 5, declined: 3, rate: 3 / 5 });
    expect(f.portfolio.reluctance.byReason).toEqual({ no_budget: 2, risk_aversion: 1 });
  });
  it("by the organisation's level, sector and region", () => {
    expect(f.portfolio.reluctance.byLevel).toEqual({
      local: { asked: 1, declined: 1, rate: 1 },
      national: { asked: 1, declined: 0, rate: 0 },
      not_public: { asked: 1, declined: 0, rate: 0 },
      regional: { asked: 2, declined: 2, rate: 1 },
    });
    // pub-r (PT11) twice and pub-l (PT11A:1312) in PT11; pub-n (PT170) and biz-1 (PT170:1106) in PT17.
    expect(f.portfolio.reluctance.byRegion).toEqual({ PT11: { asked: 3, declined: 3, rate: 1 }, PT17: { asked: 2, declined: 0, rate: 0 } });
    expect(f.portfolio.reluctance.bySector.health).toEqual({ asked: 2, declined: 2, rate: 1 });
    expect(Object.keys(f.portfolio.reluctance.byYear)).toEqual([day(0).slice(0, 4)]);
  });
});

describe("procurement lead time: cancellations compete with contracts, open procurements still wait", () => {
  it("by procedure: the median to contract from the cumulative incidence, Kaplan–Meier beside it", () => {
    // open: r2 cancelled after 30 days, r4 contracted after 75, r3 open for 105 (day 95 to the as-of day 200).
    // Cumulative incidence (Aalen–Johansen): day 30, of 3 at risk 1 cancelled: cancelled 1/3, neither 2/3.
    // Day 75, of 2 at risk 1 contracted: contracted 2/3 × 1/2 = 1/3. It never reaches 1/2: no median.
    // Kaplan–Meier reads the cancellation as a contract still to come: day 75, 1 × (1 − 1/2) = 1/2, exactly half, no later
    // contract: 75. That is the figure the competing-risks one corrects.
    expect(f.portfolio.procurement.byProcedure.open).toMatchObject({
      requested: 3,
      contracted: 1,
      cancelled: 1,
      open: 1,
      medianDaysToContract: null,
      kaplanMeierMedianDays: 75,
      contractedMedianDays: 75,
      // Followed up to day 105, r3 still open then: nothing said beyond it.
      contractedWithin: { "30": 0, "90": near(1 / 3), "180": null, "365": null },
      cancelledWithin: { "30": near(1 / 3), "90": near(1 / 3), "180": null, "365": null },
    });
    // direct: r1 contracted after 10 days, 1,200 against an estimate of 1,000; nothing left running, so the shares are final.
    expect(f.portfolio.procurement.byProcedure.direct).toMatchObject({
      requested: 1,
      medianDaysToContract: 10,
      kaplanMeierMedianDays: 10,
      contractedWithin: { "30": 1, "90": 1, "180": 1, "365": 1 },
      value: { EUR: { contracts: 1, contracted: 1200, pairs: 1, pairedEstimated: 1000, pairedContracted: 1200, unpaired: 0, ratio: 1.2 } },
    });
    // all: contracted after 10 and 75, cancelled after 30, open for 105. Day 10: contracted 1/4, neither 3/4.
    // Day 30: cancelled 3/4 × 1/3 = 1/4, neither 1/2. Day 75: contracted 1/4 + 1/2 × 1/2 = 1/2 exactly, no later contract: 75.
    // Kaplan–Meier: 3/4, then 3/4 × 1/2 = 3/8 at day 75: 75 too. The contracted-only median says 42.5.
    expect(f.portfolio.procurement.all).toMatchObject({
      requested: 4,
      contracted: 2,
      cancelled: 1,
      open: 1,
      medianDaysToContract: 75,
      kaplanMeierMedianDays: 75,
      contractedMedianDays: 42.5,
      contractedWithin: { "30": near(1 / 4), "90": near(1 / 2), "180": null, "365": null },
      cancelledWithin: { "30": near(1 / 4), "90": near(1 / 4), "180": null, "365": null },
    });
    expect(f.portfolio.procurement.all.value).toEqual({
      EUR: { contracts: 2, contracted: 2100, pairs: 2, pairedEstimated: 2000, pairedContracted: 2100, unpaired: 0, ratio: 1.05 },
    });
  });
  it("as of an earlier date, open procurements wait only up to then", () => {
    // As of day 45: r1 contracted (10); r2 cancelled (30); r3 not requested yet; r4 open for 35.
    // Day 10: contracted 1/3, neither 2/3; day 30: cancelled 2/3 × 1/2 = 1/3. Contracted stays at 1/3: no median.
    // Kaplan–Meier: 2/3 still waiting after day 10, then only censoring: not reached either.
    const early = must(computeFigures(log().events, { at: day(45) })).portfolio.procurement.all;
    expect(early).toMatchObject({ requested: 3, contracted: 1, cancelled: 1, open: 1, medianDaysToContract: null, kaplanMeierMedianDays: null });
    expect(early).toMatchObject({ contractedMedianDays: 10, contractedWithin: { "30": near(1 / 3) }, cancelledWithin: { "30": near(1 / 3) } });
  });
});

describe("contract against estimate: only pairs in the same currency", () => {
  // pc: c1 estimated 1,000 EUR, contracted 1,100 EUR; c2 estimated 1,000 EUR, contracted 5,000 USD; c3 estimated 2,000 USD,
  // contracted 1,500 USD. EUR: one contract, one pair, 1,100 / 1,000 = 1.1. USD: two contracts (6,500), one pair (c3): 1,500 / 2,000 = 0.75;
  // c2 is left out of the ratio (its estimate was in euros): counting it would give 6,500 / 2,000 = 3.25, a ratio of nothing.
  const C = on("pc");
  const priced = (procurementId: string, estimated: [number, string], contracted: [number, string]) => [
    { ...C.request(procurementId), estimatedValue: { amount: estimated[0], currency: estimated[1] } },
    { ...C.contract(procurementId), value: { amount: contracted[0], currency: contracted[1] } },
  ];
  it("the ratio is over pairs only, and says how many it left out", () => {
    const b = registeredLog().on(0, C.submit()).on(1, C.accept());
    const steps = [priced("c1", [1000, "EUR"], [1100, "EUR"]), priced("c2", [1000, "EUR"], [5000, "USD"]), priced("c3", [2000, "USD"], [1500, "USD"])];
    steps.forEach(([request, contract], i) => (request && contract ? b.on(10 + i, request).on(20 + i, contract) : b));
    const value = must(computeFigures(b.events)).portfolio.procurement.all.value;
    expect(value).toEqual({
      EUR: { contracts: 1, contracted: 1100, pairs: 1, pairedEstimated: 1000, pairedContracted: 1100, unpaired: 0, ratio: 1.1 },
      USD: { contracts: 2, contracted: 6500, pairs: 1, pairedEstimated: 2000, pairedContracted: 1500, unpaired: 1, ratio: 0.75 },
    });
  });
});

const noOverruns = { planned: 0, endedOnTime: 0, endedLate: 0, medianDaysLate: null, openWithinPlan: 0, openPastPlanned: 0, endedByClosure: 0 };

describe("late, in whole days", () => {
  it("late means ended on a later UTC calendar day than planned; days late are calendar days between the two", () => {
    const at = (d: string) => `2020-${d}Z`;
    const items = [
      // Planned 10:00, ended 18:00 the same day: on time (it used to count as late, by 0 days).
      { planned: at("02-01T10:00:00"), end: at("02-01T18:00:00"), closed: false },
      // Planned 23:00, ended 01:00 the next day: one day late.
      { planned: at("02-01T23:00:00"), end: at("02-02T01:00:00"), closed: false },
      // Ten days late.
      { planned: at("02-01T00:00:00"), end: at("02-11T00:00:00"), closed: false },
      // Still running on 1 March at 20:00, planned for 12:00 that day: not yet past it.
      { planned: at("03-01T12:00:00"), end: null, closed: false },
      // Still running, planned for 20 February: past it.
      { planned: at("02-20T00:00:00"), end: null, closed: false },
      // No planned date: not counted.
      { planned: null, end: null, closed: false },
    ];
    // Late: 1 and 10 days, median 5.5. Every planned item is in one count: 1 + 2 + 1 + 1 + 0 = 5.
    expect(overruns(items, at("03-01T20:00:00"))).toEqual({
      planned: 5,
      endedOnTime: 1,
      endedLate: 2,
      medianDaysLate: 5.5,
      openWithinPlan: 1,
      openPastPlanned: 1,
      endedByClosure: 0,
    });
    expect(daysLate(at("02-01T10:00:00"), at("02-01T18:00:00"))).toBe(0);
    expect(daysLate(at("02-03T00:00:00"), at("02-01T00:00:00"))).toBe(0);
  });
});

describe("pauses and overruns", () => {
  it("days paused by reason, an open pause counted up to the as-of date", () => {
    expect(f.portfolio.pauses.byReason).toEqual({
      entity_reluctance: { pauses: 1, open: 1, endedByClosure: 0, days: 20, medianDays: null },
      procurement: { pauses: 1, open: 0, endedByClosure: 0, days: 20, medianDays: 20 },
    });
  });
  it("overruns of the expected resume date: one resumed 10 days late, one still paused past it", () => {
    expect(f.portfolio.pauses.overruns).toEqual({ ...noOverruns, planned: 2, endedLate: 1, medianDaysLate: 10, openPastPlanned: 1 });
  });
  it("pilot overruns: planned end day 150, ended day 170", () => {
    expect(f.impact.pilots.overruns).toEqual({ ...noOverruns, planned: 1, endedLate: 1, medianDaysLate: 20 });
    // As of day 160 the pilot is still running, past its planned end.
    expect(must(computeFigures(log().events, { at: day(160) })).impact.pilots.overruns).toEqual({ ...noOverruns, planned: 1, openPastPlanned: 1 });
  });
});

describe("ends that were not ends: what the project's discontinuation cuts short", () => {
  // pz: a pilot planned to end on day 150 runs from day 20; the project pauses on day 30 (expected
  // back on day 40) and is discontinued, still paused, on day 60. Nothing resumed, nothing ended late.
  const Z = on("pz");
  const closed = () =>
    readyForPilot(registeredLog(), Z, 0)
      .on(20, Z.startPilot({ entityIds: ["pub-owner"], plannedEnd: day(150) }))
      .on(30, Z.pause("funding", { expectedResumeAt: day(40) }))
      .on(60, Z.discontinue("funding_withdrawn")).events;
  it("a pilot cut short is ended by closure: not ended, not late, and never running past its plan", () => {
    for (const at of [day(200), day(900)]) {
      const pilots = must(computeFigures(closed(), { at })).impact.pilots;
      expect(pilots).toMatchObject({ started: 1, ended: 0, endedByClosure: 1 });
      expect(pilots.overruns).toEqual({ ...noOverruns, planned: 1, endedByClosure: 1 });
    }
  });
  it("a pause the discontinuation ends is ended by closure: not resumed late, and not a finished pause in the median", () => {
    const pauses = must(computeFigures(closed(), { at: day(200) })).portfolio.pauses;
    expect(pauses).toMatchObject({ total: 1, open: 0, endedByClosure: 1 });
    expect(pauses.byReason.funding).toEqual({ pauses: 1, open: 0, endedByClosure: 1, days: 30, medianDays: null });
    expect(pauses.overruns).toEqual({ ...noOverruns, planned: 1, endedByClosure: 1 });
    // Before the discontinuation the pause is open, and past its expected end.
    expect(must(computeFigures(closed(), { at: day(50) })).portfolio.pauses.overruns).toMatchObject({ openPastPlanned: 1, endedByClosure: 0 });
  });
});

describe("territory", () => {
  it("public entities engaged by level and region", () => {
    // Engaged public entities: pub-owner (owner; national, no territory), pub-n (joined; PT17), pub-l (joined; local, PT11).
    expect(f.participation.publicEntitiesEngaged).toEqual({ byLevel: { local: 1, national: 2 }, byRegion: { PT11: 1, PT17: 1, unknown: 1 } });
  });
  it("pilots by region, sessions held by region", () => {
    expect(f.impact.pilots.byRegion).toEqual({ PT11: 1 });
    // s1 in PT11A:1312, s2 without a territory.
    expect(f.participation.sessionsHeldByRegion).toEqual({ PT11: 1, unknown: 1 });
  });
  it("a region is the NUTS 2 prefix of a code", () => {
    expect(["PT", "PT1", "PT11", "PT11A", "PT11A:1312"].map(regionOf)).toEqual(["PT", "PT1", "PT11", "PT11", "PT11"]);
  });
});

describe("survivalMedian", () => {
  it("is the ordinary median when nothing is running, null when fewer than half have finished", () => {
    expect(survivalMedian([1, 2, 3, 4], [])).toBe(2.5);
    expect(survivalMedian([4, 1, 3], [])).toBe(3);
    // Exactly half known to be done at 10, none after: the curve stays flat, 10.
    expect(survivalMedian([10], [20])).toBe(10);
    expect(survivalMedian([5], [])).toBe(5);
    expect(survivalMedian([], [])).toBeNull();
    expect(survivalMedian([10], [30, 40])).toBeNull();
    expect(survivalMedian([10, 50], [30])).toBe(50);
    // Finishing and still running at the same time: those running were still waiting then.
    expect(survivalMedian([10, 10], [10, 10])).toBe(10);
  });
});

describe("cumulative incidence with a competing outcome (Aalen–Johansen)", () => {
  const items = (xs: [number, Ending][]) => xs.map(([days, ending]) => ({ days, ending }));
  it("each step adds the share still waiting × the share of those at risk that reached the outcome", () => {
    // Contracted on days 10 and 30, cancelled on day 20, open at day 40. Day 10: 1 × 1/4 contracted, 3/4 waiting.
    // Day 20: 3/4 × 1/3 = 1/4 cancelled, 1/2 waiting. Day 30: 1/2 × 1/2 = 1/4 more contracted: 1/2, exactly half, and no
    // later contract: the median is 30. (1 − Kaplan–Meier at day 30 would say 1 − 3/4 × 1/2 = 5/8 contracted: too many.)
    const curve = cumulativeIncidence(
      items([
        [10, "outcome"],
        [20, "competing"],
        [30, "outcome"],
        [40, "censored"],
      ]),
    );
    expect(curve).toEqual([
      { days: 10, outcome: 0.25, competing: 0 },
      { days: 20, outcome: 0.25, competing: 0.25 },
      { days: 30, outcome: 0.5, competing: 0.25 },
    ]);
    expect(incidenceMedian(curve)).toBe(30);
  });
  it("is later than the Kaplan–Meier median when cancellations are read as contracts still to come", () => {
    // Contracted on days 10, 30 and 60, cancelled on day 20, nothing open. Aalen–Johansen: 1/4 by day 10, cancelled 3/4 × 1/3 = 1/4
    // on day 20, then 1/2 × 1/2 = 1/4 on day 30: exactly 1/2, so the midpoint to the next contract, (30 + 60) / 2 = 45.
    // Kaplan–Meier with the cancellation censored: 3/4 waiting after day 10, 3/4 × 1/2 = 3/8 after day 30: 30.
    const xs = items([
      [10, "outcome"],
      [20, "competing"],
      [30, "outcome"],
      [60, "outcome"],
    ]);
    expect(incidenceMedian(cumulativeIncidence(xs))).toBe(45);
    expect(survivalMedian([10, 30, 60], [20])).toBe(30);
  });
  it("the median is reached by the curve, not by the share known to have finished", () => {
    // Contracted on days 10 and 20, three open since day 5: two of five contracted, yet the curve reaches 1/2 on day 10
    // (the three left the count on day 5) and sits there until day 20: (10 + 20) / 2 = 15.
    expect(survivalMedian([10, 20], [5, 5, 5])).toBe(15);
    // Contracted on day 10, two open on days 30 and 40: the curve stops at 1/3, never half.
    expect(survivalMedian([10], [30, 40])).toBeNull();
  });
  it("as properties: without censoring each share is a plain proportion; the median is never before Kaplan–Meier's", () => {
    const seen = { laterThanKaplanMeier: 0, onlyKaplanMeier: 0, same: 0, neither: 0 };
    const item = fc.record({ days: fc.integer({ min: 0, max: 60 }), ending: fc.constantFrom<Ending>("outcome", "competing", "censored") });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 25 }), (xs) => {
        const curve = cumulativeIncidence(xs);
        const ended = xs.map((x) => (x.ending === "censored" ? { ...x, ending: "competing" as const } : x));
        for (const step of cumulativeIncidence(ended)) {
          const share = (e: Ending) => xs.filter((x, i) => ended[i]?.ending === e && x.days <= step.days).length / xs.length;
          expect(step.outcome).toBeCloseTo(share("outcome"), 12);
          expect(step.competing).toBeCloseTo(share("competing"), 12);
        }
        for (const step of curve) expect(step.outcome + step.competing).toBeLessThanOrEqual(1 + 1e-9);
        const aj = incidenceMedian(curve);
        const km = survivalMedian(
          xs.filter((x) => x.ending === "outcome").map((x) => x.days),
          xs.filter((x) => x.ending !== "outcome").map((x) => x.days),
        );
        if (aj === null && km === null) seen.neither++;
        else if (aj === null) seen.onlyKaplanMeier++;
        else {
          expect(km).not.toBeNull();
          expect(aj).toBeGreaterThanOrEqual(km ?? Infinity);
          seen[aj > (km ?? aj) ? "laterThanKaplanMeier" : "same"]++;
        }
      }),
      { numRuns: 400 },
    );
    console.log("cumulative incidence against Kaplan–Meier, cases reached:", seen);
    for (const n of Object.values(seen)) expect(n).toBeGreaterThan(10);
  });
});

describe("survivalMedian, as properties", () => {
  const durations = fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 30 });
  it("with nothing running, it is the ordinary median", () => {
    const lengths = { empty: 0, odd: 0, even: 0 };
    fc.assert(
      fc.property(durations, (xs) => {
        lengths[xs.length === 0 ? "empty" : xs.length % 2 === 1 ? "odd" : "even"]++;
        expect(survivalMedian(xs, [])).toBe(median(xs));
      }),
      { numRuns: 300 },
    );
    for (const n of Object.values(lengths)) expect(n).toBeGreaterThan(0);
  });
  it("items still running after every finish never make the median shorter", () => {
    const seen = { reached: 0, notReached: 0 };
    fc.assert(
      fc.property(durations, fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 30 }), (done, extra) => {
        const longest = Math.max(0, ...done);
        const km = survivalMedian(
          done,
          extra.map((x) => longest + x),
        );
        const plain = median(done);
        if (km === null) seen.notReached++;
        else {
          seen.reached++;
          expect(plain).not.toBeNull();
          expect(km).toBeGreaterThanOrEqual(plain ?? Infinity);
        }
      }),
      { numRuns: 300 },
    );
    expect(seen.reached).toBeGreaterThan(20);
    expect(seen.notReached).toBeGreaterThan(20);
  });
});

describe("pilots side by side", () => {
  // One project runs pilots north (planned to day 150, ends day 160) and south (planned to day 200, ends day 190).
  const X2 = on("px2");
  const parallel = () =>
    logBuilder()
      .on(0, register("pub-owner", "public"))
      .on(0, register("pub-n", "public", "finance", { territory: "PT170" }))
      .on(0, X2.submit())
      .on(1, X2.accept())
      .on(2, X2.join("pub-n"))
      .on(8, X2.gate("G1"))
      .on(9, X2.advance())
      .on(11, X2.schedule("s1", day(12)))
      .on(12, X2.attend("s1", [["0123456789abcdef0123456789abcdef", "citizen"]]))
      .on(13, X2.close("s1"))
      .on(14, X2.kpi("k1", "decrease", 30, 5))
      .on(90, X2.gate("G2"))
      .on(91, X2.advance())
      .on(100, X2.startPilot({ pilotId: "north", plannedEnd: day(150), territory: "PT11A:1312" }))
      .on(101, X2.startPilot({ pilotId: "south", plannedEnd: day(200), territory: "PT150:0808" }))
      .on(160, X2.endPilot({ pilotId: "north" }))
      .on(190, X2.endPilot());
  it("each pilot counts, with its own planned end and territory", () => {
    const f = must(computeFigures(parallel().events));
    expect(f.impact.pilots).toMatchObject({ started: 2, ended: 2, byRegion: { PT11: 1, PT15: 1 } });
    expect(f.impact.pilots.list.map((p) => [p.pilotId, p.endedAt])).toEqual([
      ["north", day(160)],
      ["south", day(190)],
    ]);
    // north ended 10 days late; south, ended without a name as the only one running, 10 days early.
    expect(f.impact.pilots.overruns).toEqual({ ...noOverruns, planned: 2, endedOnTime: 1, endedLate: 1, medianDaysLate: 10 });
  });
});
