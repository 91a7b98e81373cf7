/**
 * The README blocks generated from the code: the lifecycle diagram (from the transition table), the
 * permission table and the catalogue of error codes. Not part of the library: documentation made
 * from its data.
 */
import { ActorRole, dependencies, exitGate, gateRequirements, requirements, requirementText, transitions } from "../src/lab/index.js";
import { integrityCodes } from "../src/kernel/index.js";
import { labRuleCodes, permissions } from "../src/index.js";

/** The lifecycle as a Mermaid state diagram, generated from `transitions`. */
export const lifecycleMermaid = (): string => {
  const lines = ["stateDiagram-v2", "    [*] --> challenge: ChallengeSubmitted"];
  for (const [from, { to, gate }] of Object.entries(transitions.advance)) lines.push(`    ${from} --> ${to}: ${gate} go`);
  for (const [from, { gate }] of Object.entries(transitions.mainstream)) lines.push(`    ${from} --> mainstreamed: ${gate} go`);
  for (const [from, to] of Object.entries(transitions.pivot)) lines.push(`    ${from} --> ${to}: recycle (pivot)`);
  for (const stage of transitions.discontinue) lines.push(`    ${stage} --> discontinued: reason + lessons`);
  for (const stage of transitions.pause) lines.push(`    ${stage} --> ${stage}: pause / resume`);
  lines.push("    mainstreamed --> [*]", "    discontinued --> [*]");
  return lines.join("\n");
};

/** The gate table as Markdown: each gate, where it leads, and its requirements in words, from `gateRequirements`. */
export const gatesMarkdown = (): string => {
  const moves = [
    ...Object.entries(transitions.advance).map(([from, { to }]) => [from, to] as const),
    ...Object.keys(transitions.mainstream).map((from) => [from, "mainstreamed"] as const),
  ];
  const rows = moves.map(([from, to]) => {
    const gate = exitGate(from as keyof typeof transitions.pivot | "challenge");
    const list = gateRequirements[gate].map((r) => `\`${r}\`: ${requirementText[r]}`).join("; ");
    return `| ${gate} | ${from} → ${to} | ${list} |`;
  });
  return ["| gate | from → to | requirements |", "|---|---|---|", ...rows].join("\n");
};

/** The causality table as Markdown, from `dependencies` and `requirements`. */
export const causalityMarkdown = (): string => {
  const after = dependencies.map(
    (d) => `| \`${d.effect}\`${d.dateName === undefined ? "" : ` (its \`${d.dateName}\`)`} | every earlier \`${d.cause}\` | ${d.via} | \`${d.code}\` |`,
  );
  const held = requirements.map((r) => `| \`${r.effect}\` | ${r.what} | — | \`${r.code}\` |`);
  return ["| event | not dated before | linked by | refused with |", "|---|---|---|---|", ...after, ...held].join("\n");
};

/** The permission table as Markdown. */
export const permissionsMarkdown = (): string => {
  const roles = ActorRole.options;
  const rows = Object.entries(permissions).map(
    ([command, allowed]) => `| \`${command}\` | ${roles.map((r) => (allowed.includes(r) ? "✓" : "")).join(" | ")} |`,
  );
  return [`| command | ${roles.join(" | ")} |`, `|---|${roles.map(() => ":-:").join("|")}|`, ...rows].join("\n");
};

/** Every error code, from the two catalogues and the kernel's own, as a Markdown table. */
export const errorCodesMarkdown = (): string => {
  const kernel: [string, string, string][] = [
    ["validation", "validation_failed", "input does not match its schema (a command, a context, an envelope, an event's data); `details.issues` has the paths"],
    [
      "concurrency",
      "concurrency_conflict",
      "another writer appended to the stream first, or held it past the store's lock timeout; reload and decide again (`handle` does)",
    ],
    ["idempotency", "idempotency_conflict", "a command id was reused for a different request"],
    [
      "unavailable",
      "store_unavailable",
      "the store failed during an append (a lost connection, a full disk); it may or may not have been written: replay with the same command id",
    ],
    ["unknown_event_type", "unknown_event_type", "a stored event names a type this library does not know"],
    ["upcast", "upcast_failed", "an older event could not be brought to the current schema version"],
  ];
  const rows = [
    ...kernel,
    ...Object.entries(integrityCodes).map(([code, what]): [string, string, string] => ["integrity", code, what]),
    ...Object.entries(labRuleCodes).map(([code, what]): [string, string, string] => ["rule", code, what]),
  ];
  return ["| kind | code | when |", "|---|---|---|", ...rows.map(([kind, code, what]) => `| ${kind} | \`${code}\` | ${what} |`)].join("\n");
};
