import { isBefore } from "../../kernel/index.js";
import type { EvaluationOutcome, EvidenceMethod } from "./vocabulary.js";

/** Methods that compare with a group that did not get the change. */
export const comparativeMethods: readonly EvidenceMethod[] = ["ab_test", "randomised_trial", "difference_in_differences"];

/** How an evaluation's evidence was obtained, as far as its level depends on it. */
export interface EvidenceDesign {
  readonly method: EvidenceMethod;
  /** Independent evaluations that replicated the result (0 when none). */
  readonly independentReplications?: number | undefined;
}

/**
 * The highest level of Nesta's Standards of Evidence a design supports: 1 for a description
 * (`qualitative`), 2 for data showing change (`before_after`), 3 for a comparison or control group,
 * 4 when an independent evaluation has also replicated the result, 5 when at least two have (this
 * library's reading of "consistent replication"; Nesta also asks for manuals and procedures, which
 * no event records).
 *
 * @example
 * supportedEvidenceLevel({ method: "before_after" })                                  // 2
 * supportedEvidenceLevel({ method: "randomised_trial", independentReplications: 1 })  // 4
 */
export const supportedEvidenceLevel = (d: EvidenceDesign): number => {
  switch (d.method) {
    case "qualitative":
      return 1;
    case "before_after":
      return 2;
    case "ab_test":
    case "randomised_trial":
    case "difference_in_differences": {
      const replications = d.independentReplications ?? 0;
      return replications >= 2 ? 5 : replications === 1 ? 4 : 3;
    }
    default: {
      const never: never = d.method;
      return never;
    }
  }
};

/**
 * Why a claimed evidence level is more than a design supports, in a sentence a person can act on;
 * undefined when the claim holds.
 *
 * @example
 * evidenceLevelProblem(3, { method: "before_after" })
 * // "Evidence level 3 needs a comparison or control group (ab_test, randomised_trial or difference_in_differences); before_after supports level 2 at most."
 */
export const evidenceLevelProblem = (claimed: number, d: EvidenceDesign): string | undefined => {
  const supported = supportedEvidenceLevel(d);
  if (claimed <= supported) return undefined;
  const needs =
    claimed === 3
      ? "a comparison or control group (ab_test, randomised_trial or difference_in_differences)"
      : claimed === 4
        ? "a comparison or control group and one independent replication"
        : "a comparison or control group and at least two independent replications";
  const design = d.independentReplications ? `${d.method} with ${d.independentReplications} independent replication(s)` : d.method;
  return `Evidence level ${claimed} needs ${needs}; ${design} supports level ${supported} at most.`;
};

/** One evaluation of a replication, as the register keeps it. */
export interface ReplicationEvaluation {
  readonly at: string;
  readonly eventId: string;
  readonly outcome: EvaluationOutcome;
  readonly method: EvidenceMethod | null;
}

/** What the log holds of one project that replicates another (its `replicationOf`): its evaluations, in order. */
export interface ReplicationFacts {
  readonly projectId: string;
  readonly evaluations: readonly ReplicationEvaluation[];
}

/** A replication whose evaluation backs its origin's result: the replication, and the evaluation that does. */
export interface BackingReplication {
  readonly projectId: string;
  readonly evaluationEventId: string;
  readonly at: string;
}

/**
 * The independent replications the log holds of a project's result by a date: the projects that
 * replicate it (naming it as `replicationOf`) whose latest evaluation dated by then (`at`, inclusive)
 * found `success` by a method with a comparison or control group — each project once. An evaluation
 * dated later does not count (an evaluation may not rest on a later one), and a replication whose
 * latest result by then is not a success, or has no comparison group, backs nothing.
 *
 * @example
 * const evaluations = [{ at: "2020-03-01T00:00:00Z", eventId: "e9", outcome: "success", method: "ab_test" }] as const;
 * backingReplications([{ projectId: "p2", evaluations }], "2020-06-01T00:00:00Z")
 * // [{ projectId: "p2", evaluationEventId: "e9", at: "2020-03-01T00:00:00Z" }]
 */
export const backingReplications = (replications: readonly ReplicationFacts[], at: string): BackingReplication[] =>
  replications.flatMap((r) => {
    // The latest by business time, then by log order.
    const e = r.evaluations
      .filter((x) => !isBefore(at, x.at))
      .reduce<ReplicationEvaluation | undefined>((m, x) => (m === undefined || !isBefore(x.at, m.at) ? x : m), undefined);
    const backs = e !== undefined && e.outcome === "success" && e.method !== null && comparativeMethods.includes(e.method);
    return backs ? [{ projectId: r.projectId, evaluationEventId: e.eventId, at: e.at }] : [];
  });
