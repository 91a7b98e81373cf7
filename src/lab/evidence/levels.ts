import type { EvidenceMethod } from "./vocabulary.js";

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
