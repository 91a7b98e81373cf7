import { adoptionRuleCodes } from "../adoption/index.js";
import { evidenceRuleCodes } from "../evidence/index.js";
import { lifecycleRuleCodes } from "../lifecycle/index.js";
import { moneyRuleCodes } from "../money/index.js";
import { organisationsRuleCodes } from "../organisations/index.js";
import { pilotsRuleCodes } from "../pilots/index.js";
import { privacyRuleCodes } from "../privacy/index.js";
import { procurementRuleCodes } from "../procurement/index.js";
import { sessionsRuleCodes } from "../sessions/index.js";

/** The rules every project command shares (who may act, and when), by their stable codes, with what each protects. */
const commonRuleCodes = {
  not_permitted: "the actor's role may not issue the command (see the permission table)",
  occurred_in_future: "an event is dated after now",
  occurred_before_stage: "an event is dated before the project entered its current stage",
  occurred_before_cause: "an event is dated before an event it depends on, or before a state it requires held (see the causality table)",
  project_exists: "a challenge is submitted twice for the same project",
  project_not_found: "a command names a project whose challenge was never submitted",
  project_closed: "a command on a mainstreamed or discontinued project",
  project_paused: "a command that waits while the project is paused",
  wrong_stage: "a command for another stage",
} as const;

/**
 * Every rule the lab enforces, by its stable code, with what it protects: each slice's codes. A
 * refusal carries one of these codes; the README's table is generated from this catalogue, and
 * `thenError` in the testing kit only accepts these (and the kernel's) codes, so a typo fails to
 * compile.
 */
export const labRuleCodes = {
  ...commonRuleCodes,
  ...lifecycleRuleCodes,
  ...organisationsRuleCodes,
  ...sessionsRuleCodes,
  ...privacyRuleCodes,
  ...procurementRuleCodes,
  ...moneyRuleCodes,
  ...evidenceRuleCodes,
  ...pilotsRuleCodes,
  ...adoptionRuleCodes,
} as const;

/** A lab rule's code. */
export type LabRuleCode = keyof typeof labRuleCodes;
