// Evidence levels 4 and 5 rest on the log: the replications of a project (projects naming it as their
// replicationOf) and their evaluations, dated no later than the evaluation that claims the level —
// never on a number of replications the evaluator types.
import { describe, expect, it } from "vitest";
import { computeFigures, execute, labDecider, labRegister } from "../../src/index.js";
import { fixedContext, must } from "../../src/testing/index.js";
import { day } from "./fixtures.js";
import { on, readyForPilot, registeredLog } from "../projections/builder.js";

const [A, B, C, D] = ["pa", "pb", "pc", "pd"].map(on) as [ReturnType<typeof on>, ReturnType<typeof on>, ReturnType<typeof on>, ReturnType<typeof on>];
const level = (evidenceLevel: number, method: string, o: Record<string, unknown> = {}) => ({ ...A.evaluate("success", evidenceLevel, method), ...o });

// pa pilots from day 11. pb and pc replicate pa (pa was accepted on day 1) and pilot from day 31 and 51;
// pb's A/B test finds success on day 40, pc's randomised trial on day 60; pd replicates pa too, but its
// evaluation on day 60 is only partial, and pc's first evaluation (day 55) was before/after.
const log = () => {
  const b = readyForPilot(registeredLog(), A, 0).on(11, A.startPilot());
  readyForPilot(b, B, 20, { replicationOf: "pa" })
    .on(31, B.startPilot())
    .on(40, B.evaluate("success", 3, "ab_test"));
  readyForPilot(b, C, 40, { replicationOf: "pa" })
    .on(51, C.startPilot())
    .on(55, C.evaluate("success", 2, "before_after"))
    .on(60, C.evaluate("success", 3, "randomised_trial"));
  return readyForPilot(b, D, 41, { replicationOf: "pa" })
    .on(52, D.startPilot())
    .on(60, D.evaluate("partial", 3, "difference_in_differences"));
};

// pa's evaluation as a command on day `d`, against the log's register, as the evaluator.
const publish = (d: number, command: Record<string, unknown>) => {
  const events = log().events;
  const history = events.filter((e) => e.streamId.endsWith("pa"));
  return execute(labDecider, history, command, fixedContext({ at: day(d), actor: { id: "ev-1", role: "evaluator" }, register: labRegister(events) }));
};

describe("evidence levels 4 and 5 rest on the log's replications", () => {
  it("given pb's successful A/B test on day 40, when pa claims level 4 on day 45, then it is recorded with the one replication the log holds", () => {
    const r = must(publish(45, level(4, "randomised_trial")));
    expect(r.events.map((e) => [e.type, e.data])).toEqual([["EvaluationPublished", expect.objectContaining({ evidenceLevel: 4, independentReplications: 1 })]]);
  });
  it("given only pb by day 45, when pa claims level 5, then it is refused, naming the replication the log holds", () => {
    const r = publish(45, level(5, "randomised_trial"));
    expect(r.ok ? null : r.error).toMatchObject({
      code: "replications_not_in_log",
      details: { evidenceLevel: 5, replicationsInLog: 1, claimedReplications: null },
    });
    expect(r.ok ? "" : r.error.message).toBe(
      "Evidence level 5 for pa needs at least two independent replications in the log by 2018-02-15, and the log holds 1 (pb, evaluated 2018-02-10). " +
        "A replication counts once a project naming pa as its replicationOf has its latest evaluation, dated no later, find success with a comparison " +
        "or control group; claim what the log backs (leave independentReplications out: the log's count is recorded), or publish once the replication " +
        "is evaluated.",
    );
  });
  it("given pc's randomised trial on day 60, when pa claims level 5 on day 60, then pb and pc back it; pd's partial result and pc's before/after do not count", () => {
    expect(must(publish(60, level(5, "difference_in_differences"))).events[0]?.data).toMatchObject({ evidenceLevel: 5, independentReplications: 2 });
  });
  it("a claim may not rest on a later-dated evaluation: pa's level 4 backdated to day 39, before pb's on day 40, is refused", () => {
    const r = publish(70, level(4, "ab_test", { occurredAt: day(39) }));
    expect(r.ok ? null : r.error).toMatchObject({ code: "replications_not_in_log", details: { replicationsInLog: 0, backingEvaluationIds: [] } });
    // Dated on the day of pb's evaluation, it stands.
    expect(must(publish(70, level(4, "ab_test", { occurredAt: day(40) }))).events[0]?.data).toMatchObject({ independentReplications: 1 });
  });
  it("a typed number of replications is checked, never believed: 2 typed where the log holds 1 is refused; fewer is recorded as the log's count", () => {
    const typed = publish(45, level(3, "ab_test", { independentReplications: 2 }));
    expect(typed.ok ? "" : `${typed.error.code}: ${typed.error.message}`).toMatch(
      /^replications_not_in_log: The evaluation of pa gives 2 independent replication\(s\), but by 2018-02-15 the log holds 1 \(pb, evaluated 2018-02-10\)\./u,
    );
    expect(must(publish(45, level(3, "ab_test", { independentReplications: 0 }))).events[0]?.data).toMatchObject({ independentReplications: 1 });
  });
  it("with no replication at all, level 4 is refused; a method without a comparison group is refused for its method first", () => {
    const alone = readyForPilot(registeredLog(), A, 0).on(11, A.startPilot());
    expect(() => alone.on(20, level(4, "ab_test"))).toThrow(/replications_not_in_log — Evidence level 4 for pa needs an independent replication/u);
    expect(() => alone.on(20, level(4, "before_after"))).toThrow(/evidence_level_unsupported/u);
  });
  it("as of a date, the figures count the level the log backed then: pa's level 4 of day 45 is not there on day 44", () => {
    // Each project's latest evaluation: pa 4, pb 3, pc 3 (its trial after its before/after), pd 3.
    const events = log().on(45, level(4, "randomised_trial")).events;
    expect(must(computeFigures(events)).impact.evaluations.byEvidenceLevel).toMatchObject({ "2": 0, "3": 3, "4": 1 });
    expect(must(computeFigures(events, { at: day(44) })).impact.evaluations.byEvidenceLevel).toMatchObject({ "2": 0, "3": 1, "4": 0 });
  });
  it("a replication backs by its latest result by then: pc's before/after on day 55 backs nothing until its trial on day 60", () => {
    // As of day 57 pc's latest evaluation is before/after: with pb only, level 5 is refused; on day 60 it stands.
    expect(publish(57, level(5, "ab_test"))).toMatchObject({ ok: false, error: { code: "replications_not_in_log", details: { replicationsInLog: 1 } } });
    expect(must(publish(60, level(5, "ab_test"))).events[0]?.data).toMatchObject({ independentReplications: 2 });
  });
});
