import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
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
    expect(r.stderr).toContain(
      `NOT VERIFIED — ${event.streamId} version ${event.version}: hash mismatch — the event was altered after sealing. [hash_mismatch]`,
    );
  }, 30_000);

  it("with the checkpoint, sees a log whose last event was cut off", () => {
    const lines = text.trim().split("\n");
    const r = audit(copy(lines.slice(0, -1)));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("its tail was cut off. [truncated]");
  }, 30_000);

  it("refuses a log or checkpoint that is not a regular file (a device, a pipe, a folder), in one line with the usage, without reading it", () => {
    const dir = mkdtempSync(join(tmpdir(), "labx-audit-"));
    const zero = join(dir, "zero.jsonl");
    symlinkSync("/dev/zero", zero);
    const fifo = join(dir, "pipe.jsonl");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    for (const args of [[zero], [fifo], [dir], [DEMO_LOG, "--checkpoint", zero], [DEMO_LOG, "--checkpoint", fifo]]) {
      const r = audit(...args);
      expect(r.status, args.join(" ")).toBe(3);
      // One line for the refusal, then the usage, as for every file the tool cannot read.
      expect(r.stderr.trim().split("\n"), args.join(" ")).toEqual([expect.stringMatching(/is not a regular file\.$/u), expect.stringMatching(/^usage: /u)]);
    }
  }, 60_000);

  it("refuses bad arguments with the usage", () => {
    expect(audit().status).toBe(3);
    expect(audit(DEMO_LOG, "--as-of", "someday").stderr).toContain('--as-of "someday" is not a date');
  }, 30_000);
});

describe("the auditor's example refuses what it cannot vouch for", () => {
  const lines = () => text.trim().split("\n");
  const unhash = (line: string, change?: (e: Record<string, unknown> & { data: Record<string, unknown> }) => void): string => {
    const e = JSON.parse(line) as Record<string, unknown> & { data: Record<string, unknown> };
    change?.(e);
    delete e.hash;
    delete e.prevHash;
    return JSON.stringify(e);
  };

  it("an event altered and stripped of its hash, with the checkpoint beside the log: not verified, stream and version named", () => {
    const all = lines();
    const i = all.findIndex((l) => l.includes('"type":"GateDecisionRecorded"'));
    const e = JSON.parse(all[i] ?? "{}") as { streamId: string; version: number };
    all[i] = unhash(all[i] ?? "", (x) => {
      x.data.rationale = "Approved without review.";
    });
    const r = audit(copy(all));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`NOT VERIFIED — ${e.streamId} version ${e.version}: the event carries no hash`);
  }, 30_000);

  it("the same without a checkpoint: a partly sealed log is still a broken chain", () => {
    const all = lines();
    const i = all.findIndex((l) => l.includes('"type":"GateDecisionRecorded"'));
    all[i] = unhash(all[i] ?? "");
    const r = audit(copy(all, false));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("[unsealed]");
  }, 30_000);

  it("every hash stripped: refused with the checkpoint; without one, the order is checked and the exit says nothing vouches for it", () => {
    const all = lines().map((l) => unhash(l));
    const withCp = audit(copy(all));
    expect(withCp.status).toBe(2);
    expect(withCp.stderr).toContain("the event carries no hash");
    const without = audit(copy(all, false));
    expect(without.status).toBe(4);
    expect(without.stdout).toContain("NOT SEALED");
  }, 60_000);

  it("a missing or malformed checkpoint or log is a one-line error with the usage; --help works", () => {
    const missing = audit(DEMO_LOG, "--checkpoint", "no-such-checkpoint.json");
    expect(missing.status).toBe(3);
    expect(missing.stderr.trim().split("\n")).toEqual(["no-such-checkpoint.json: no such checkpoint file.", expect.stringMatching(/^usage: /u)]);
    const dir = mkdtempSync(join(tmpdir(), "labx-audit-"));
    for (const [content, why] of [
      ["{}", "not a checkpoint"],
      ["null", "not a checkpoint"],
      ['{"heads":[null],"root":"x"}', "not a checkpoint"],
      ["{ nope", "not valid JSON"],
    ] as const) {
      const cp = join(dir, "cp.json");
      writeFileSync(cp, content);
      const r = audit(DEMO_LOG, "--checkpoint", cp);
      expect(r.status, content).toBe(3);
      expect(r.stderr, content).toContain(why);
      expect(r.stderr, content).not.toMatch(/\n\s+at /u); // no stack trace
    }
    const nolog = audit("no-such-log.jsonl");
    expect(nolog.status).toBe(3);
    expect(nolog.stderr).toContain("no-such-log.jsonl: no such log file.");
    const help = audit("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Exit codes:");
  }, 60_000);
});
