import { err, ok, type Result, type RuleViolation } from "../../kernel/index.js";
import type { LabRuleCode } from "../catalogue/index.js";
import { labRule } from "../shared/index.js";

/**
 * The key of a pilot among a stay's pilots: its `pilotId`, or `""` for an unnamed one (no id is
 * empty, so the two never meet).
 *
 * @example
 * pilotKey("north") // "north"; pilotKey(undefined) // ""
 */
export const pilotKey = (pilotId: string | undefined): string => pilotId ?? "";

/**
 * Which running pilot a `PilotEnded` ends: the one it names, or — when it names none — the only one
 * running. The project's state and the impact projection both ask this one function, so they
 * cannot end different pilots.
 *
 * @example
 * pilotEnding(new Map([["a", { endedAt: null }], ["b", { endedAt: null }]]), undefined) // error pilot_ambiguous
 */
export const pilotEnding = (
  running: ReadonlyMap<string, { readonly endedAt: string | null }>,
  pilotId: string | undefined,
): Result<string, RuleViolation<LabRuleCode>> => {
  if (pilotId !== undefined) {
    const p = running.get(pilotKey(pilotId));
    if (!p) return err(labRule("pilot_not_started", `No pilot ${pilotId} has started in this stay in pilot.`, { pilotId }));
    return p.endedAt === null ? ok(pilotKey(pilotId)) : err(labRule("pilot_already_ended", `Pilot ${pilotId} ended on ${p.endedAt}.`, { pilotId }));
  }
  const open = [...running].filter(([, p]) => p.endedAt === null).map(([k]) => k);
  const only = open[0];
  if (open.length === 1 && only !== undefined) return ok(only);
  if (open.length === 0) return err(labRule("pilot_already_ended", "No pilot is running."));
  return err(labRule("pilot_ambiguous", `Several pilots are running (${open.join(", ")}); name the one that ends (pilotId).`, { running: open }));
};
