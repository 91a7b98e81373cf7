import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_CHECKPOINT, DEMO_LOG } from "../../examples/demo/paths.js";

const audit = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "examples/audit/audit.ts", ...args], { encoding: "utf8" });
const text = readFileSync(DEMO_LOG, "utf8");
const copy = (lines: string[], withCheckpoint = true): string => {
  const dir = mkdtempSync(join(tmpdir(), "labx-audit-"));
  const file = join(dir, "log.jsonl");
  writeFileSync(file, lines.join("\n"));
  if (withCheckpoint) writeFileSync(join(dir, "log.checkpoint.json"), readFileSync(DEMO_CHECKPOINT));
  return file;
};

describe("the auditor's example (npm run audit)", () => {
  it("verifies the demonstration log against its checkpoint and prints a project's history, trail and figures as of a date", () => {
    const r = audit(DEMO_LOG, "--as-of", "2019-12-31", "--project", "lx-002");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("every hash chain verified against checkpoint");
    expect(r.stdout).toContain("History of lx-002 as of 2019-12-31T23:59:59.999Z (occurredAt):");
    expect(r.stdout).toMatch(/ChallengeSubmitted\s+lt-\d\d \(lab_team\)/u);
    expect(r.stdout).toContain("Decision trail of lx-002:");
    expect(r.stdout).toContain("Figures as of 2019-12-31T23:59:59.999Z by business time:");
  }, 30_000);

  it("names the line and the reason for a damaged file", () => {
    const lines = text.trim().split("\n");
    lines[9] = lines[9]?.slice(0, 40) ?? "";
    const r = audit(copy(lines));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/log\.jsonl:10: not valid JSON/u);
    expect(r.stderr).toContain("1 damaged line(s)");
  }, 30_000);

  it("names the stream, the version and why for an altered event", () => {
    const lines = text.trim().split("\n");
    const i = lines.findIndex((l) => l.includes('"type":"GateDecisionRecorded"'));
    const event = JSON.parse(lines[i] ?? "{}") as { streamId: string; version: number; data: { outcome: string } };
    event.data.outcome = event.data.outcome === "go" ? "no_go" : "go";
    lines[i] = JSON.stringify(event);
    const r = audit(copy(lines));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`NOT VERIFIED — ${event.streamId} version ${event.version}: hash mismatch — the event was altered after sealing. [hash_mismatch]`);
  }, 30_000);

  it("with the checkpoint, sees a log whose last event was cut off", () => {
    const lines = text.trim().split("\n");
    const r = audit(copy(lines.slice(0, -1)));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("its tail was cut off. [truncated]");
  }, 30_000);

  it("refuses bad arguments with the usage", () => {
    expect(audit().status).toBe(3);
    expect(audit(DEMO_LOG, "--as-of", "someday").stderr).toContain('--as-of "someday" is not a date');
  }, 30_000);
});
