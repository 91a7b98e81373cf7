import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCodec, encodeJsonl, labEvents, PERTURBATION } from "../../src/index.js";
import { generateDemoLog } from "../../examples/demo/generate.js";
import { DEMO_LOG } from "../../examples/demo/paths.js";

const text = readFileSync(DEMO_LOG, "utf8");
type Raw = { id: string; type: string; data: Record<string, unknown> & { projectId?: string; sessionId?: string } };
const raw = text
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as Raw);

// The headline, computed here from the raw JSON with nothing from the library.
const independent = () => {
  const of = (type: string) => raw.filter((e) => e.type === type);
  const key = (e: Raw) => `${e.data.projectId}/${e.data.sessionId}`;
  const closed = new Set(of("SessionClosed").map(key));
  const attendees = of("AttendanceRecorded")
    .filter((e) => closed.has(key(e)))
    .flatMap((e) => e.data.attendees as { participantRef: string; role: string; affiliationEntityId?: string }[]);
  const publicIds = new Set(
    of("EntityRegistered")
      .filter((e) => e.data.kind === "public")
      .map((e) => e.data.entityId as string),
  );
  const engaged = new Set<string>([
    ...of("ChallengeSubmitted").map((e) => e.data.ownerEntityId as string),
    ...of("EntityJoined").map((e) => e.data.entityId as string),
    ...of("AdoptionRecorded").map((e) => e.data.entityId as string),
    ...attendees.filter((a) => a.role === "civil_servant" && a.affiliationEntityId).map((a) => a.affiliationEntityId as string),
  ]);
  return {
    "Projects implemented": new Set(
      of("StageEntered")
        .filter((e) => e.data.stage === "pilot")
        .map((e) => e.data.projectId),
    ).size,
    "Challenges submitted": of("ChallengeSubmitted").length,
    "Citizens involved": new Set(attendees.filter((a) => a.role === "citizen").map((a) => a.participantRef)).size,
    "Civil servants involved": new Set(attendees.filter((a) => a.role === "civil_servant").map((a) => a.participantRef)).size,
    "People involved": new Set(attendees.map((a) => a.participantRef)).size,
    "Public entities engaged": [...engaged].filter((id) => publicIds.has(id)).length,
    Partners: new Set(
      of("EntityJoined")
        .filter((e) => e.data.role === "partner")
        .map((e) => e.data.entityId),
    ).size,
    "Sessions held": closed.size,
  };
};

describe("the demonstration", () => {
  it("npm run demo prints one screen: the verification first, the headline equal to an independent count, then where the reports go", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "examples/demo/run.ts"], { encoding: "utf8" });
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^examples\/data\/labx-2017-2020\.jsonl: [\d,]+ events in [\d,]+ streams decoded; hash chains verified against the published checkpoint\.$/u,
    );
    const printed = Object.fromEntries([...out.matchAll(/^\| ([^|]+?) \| ([\d,]+) \|$/gmu)].map((m) => [m[1], Number((m[2] ?? "").replaceAll(",", ""))]));
    const expected = independent();
    // People counts are published with the cell-key method's noise: within PERTURBATION.maxNoise of the true count.
    const people = new Set(["Citizens involved", "Civil servants involved", "People involved"]);
    for (const [figure, value] of Object.entries(expected))
      if (people.has(figure)) expect(Math.abs((printed[figure] ?? Number.NaN) - value), figure).toBeLessThanOrEqual(PERTURBATION.maxNoise);
      else expect(printed[figure], figure).toBe(value);
    expect(out).not.toContain("```mermaid");
    expect(lines.length).toBeLessThanOrEqual(30);
    expect(lines.at(-1)).toMatch(/^Full reports: add --markdown/u);
  }, 60_000);

  it("--locale pt-PT speaks Portuguese, and --markdown, --html and --open-data write the full reports, in that language", () => {
    const dir = mkdtempSync(join(tmpdir(), "labx-demo-"));
    const args = ["--locale", "pt-PT", "--markdown", join(dir, "relatorio.md"), "--html", join(dir, "relatorio.html"), "--open-data", join(dir, "dados")];
    const out = execFileSync(process.execPath, ["--import", "tsx", "examples/demo/run.ts", ...args], { encoding: "utf8" });
    expect(out.split("\n")[0]).toMatch(/eventos em [\d\s]+ fluxos descodificados; cadeias de hashes verificadas/u);
    expect(out).toMatch(/\| Cidadãos envolvidos \| 11\u00a03\d\d \|/u);
    expect(out).toContain(`Relatório Markdown: ${join(dir, "relatorio.md")}`);
    expect(readFileSync(join(dir, "relatorio.md"), "utf8")).toContain("## Números principais");
    expect(readFileSync(join(dir, "relatorio.html"), "utf8")).toContain('<html lang="pt-PT">');
    expect(readFileSync(join(dir, "dados", "datapackage.json"), "utf8")).toContain('"title": "Números principais"');
  }, 60_000);

  it("reproduces LabX's reported scale for 2017–2020", () => {
    const f = independent();
    expect(f["Projects implemented"]).toBe(25);
    expect(f["Challenges submitted"]).toBeGreaterThanOrEqual(30);
    expect(f["Challenges submitted"]).toBeLessThanOrEqual(40);
    expect(f["Citizens involved"]).toBeGreaterThan(10_000);
    expect(f["Civil servants involved"]).toBeGreaterThan(2_000);
    expect(f["Public entities engaged"]).toBeGreaterThan(165);
    expect(f.Partners).toBeGreaterThan(165);
    expect(new Set(raw.filter((e) => e.type === "ChallengeSubmitted").map((e) => e.data.sector)).size).toBeGreaterThanOrEqual(10);
    expect(raw.some((e) => e.type === "ProjectPaused" && e.data.reason === "procurement")).toBe(true);
    expect(raw.some((e) => e.type === "ProjectDiscontinued")).toBe(true);
    expect(text.length).toBeLessThan(5_000_000);
  });

  it("the committed log is exactly what the seeded generator produces", async () => {
    expect(encodeJsonl(createCodec(labEvents), await generateDemoLog())).toBe(text);
  }, 60_000);

  it("refuses a damaged log, naming the line", () => {
    const lines = text.split("\n");
    lines[41] = (lines[41] ?? "").replace(/"version":\d+/u, '"version":"x"');
    lines[99] = "{ truncated";
    const file = join(mkdtempSync(join(tmpdir(), "labx-")), "damaged.jsonl");
    writeFileSync(file, lines.join("\n"));
    let stderr = "";
    try {
      execFileSync(process.execPath, ["--import", "tsx", "examples/demo/run.ts", file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      stderr = String((e as { stderr?: string }).stderr);
    }
    expect(stderr).toContain(`${file}:42: Invalid event envelope at version: Invalid input: expected number, received string.`);
    expect(stderr).toContain(`${file}:100: not valid JSON`);
    expect(stderr).toContain("2 damaged line(s)");
    expect(stderr).toContain("no report from a damaged log.");
  }, 60_000);

  it("a missing file is a one-line error with the usage, not a stack trace; --help works", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "examples/demo/run.ts", "missing.jsonl"], { encoding: "utf8" });
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split("\n")).toEqual(["missing.jsonl: no such log file.", expect.stringMatching(/^usage: /u)]);
    const help = spawnSync(process.execPath, ["--import", "tsx", "examples/demo/run.ts", "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: /u);
  }, 60_000);
});
