import { adoptionWords, evidenceWords, lifecycleWords, moneyWords, organisationWords, procurementWords, sessionWords, sharedWords } from "../lab/index.js";
import type { Vocabulary } from "./columns.js";
import { NUTS_2021_PT, nutsName } from "./nuts.js";

/** Words for the codes of every vocabulary a published column reads through. */
export type CodeWords = { readonly [V in Vocabulary]: Readonly<Record<string, string>> };

/** The words publishing adds to the slices' own: totals, groupings and codes the figures introduce. */
export interface ExtraWords {
  readonly all: string;
  readonly unknown: string;
  readonly notPublic: string;
  readonly unregistered: string;
  readonly unspecified: string;
  readonly level: string;
  readonly sector: string;
  readonly region: string;
  readonly year: string;
  readonly stage: string;
  readonly reason: string;
  readonly outcome: string;
  readonly evidenceLevel: string;
  readonly method: string;
  readonly evidenceLevels: readonly [string, string, string, string, string];
  readonly pauses: string;
  readonly pilots: string;
  readonly baseline: string;
  readonly comparison: string;
  readonly byAgeBand: string;
  readonly byGender: string;
}

const regions = (extra: ExtraWords): Record<string, string> => ({
  ...Object.fromEntries(Object.keys(NUTS_2021_PT).map((c) => [c, nutsName(c)])),
  unknown: extra.unknown,
});

/**
 * Every vocabulary's words in one language: the slices' words for their codes, the NUTS 2021 names
 * for regions, and what publishing adds (totals, groupings).
 *
 * @example
 * en.codes.procedure.pre_commercial; // "pre-commercial procurement", built by codeWords("en", …)
 */
export const codeWords = (locale: "en" | "pt-PT", extra: ExtraWords): CodeWords => {
  const life = lifecycleWords[locale];
  const org = organisationWords[locale];
  const ses = sessionWords[locale];
  const ev = evidenceWords[locale];
  const adopt = adoptionWords[locale];
  const region = regions(extra);
  const level = { ...org.level, not_public: extra.notPublic, unregistered: extra.unregistered, unspecified: extra.unspecified };
  const levels = Object.fromEntries(extra.evidenceLevels.map((w, i) => [String(i + 1), w]));
  const method = { ...ev.method, unspecified: extra.unspecified };
  return {
    stage: { ...life.stage, mainstreamed: life.status.mainstreamed, discontinued: life.status.discontinued },
    status: life.status,
    gate: life.gate,
    outcome: life.outcome,
    pauseReason: life.pauseReason,
    ending: { ...life.stage, ...life.discontinuation },
    endingBy: { stage: extra.stage, reason: extra.reason },
    procedure: { ...procurementWords[locale].procedure, all: extra.all },
    sector: sharedWords[locale].sector,
    ageBand: { ...ses.ageBand, all: extra.all },
    gender: { ...ses.gender, all: extra.all },
    region,
    level,
    overrun: { pauses: extra.pauses, pilots: extra.pilots },
    reluctanceBy: { level: extra.level, sector: extra.sector, region: extra.region, year: extra.year },
    reluctanceGroup: { ...level, ...sharedWords[locale].sector, ...region },
    declineReason: org.declineReason,
    source: moneyWords[locale].source,
    category: moneyWords[locale].category,
    direction: ev.direction,
    method,
    effectAgainst: { baseline: extra.baseline, comparison: extra.comparison },
    evaluationBy: { outcome: extra.outcome, evidence_level: extra.evidenceLevel, method: extra.method },
    evaluation: { ...ev.outcome, ...levels, ...method },
    scaleType: { ...adopt.scaleType, all: extra.all },
    adoptionStatus: { ...adopt.status, unspecified: extra.unspecified },
    breakdown: { age_band: extra.byAgeBand, gender: extra.byGender },
  };
};
