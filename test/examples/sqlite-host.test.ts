import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eventStoreConformance, fixedContext, type Noted } from "../../src/testing/index.js";
import { toEnvelopes } from "../../src/index.js";
import { SqliteEventStore } from "../../examples/sqlite-host/sqlite-event-store.js";

const dir = mkdtempSync(join(tmpdir(), "labx-sqlite-"));
const opened: SqliteEventStore<Noted>[] = [];
let n = 0;
const fresh = () => {
  const store = new SqliteEventStore<Noted>(join(dir, `store-${++n}.db`));
  opened.push(store);
  return store;
};
afterAll(() => {
  for (const s of opened) s.close();
});

describe("SqliteEventStore (a real database file) passes the store conformance suite", () => {
  for (const c of eventStoreConformance(fresh, { largeStream: 2_000 })) it(c.name, c.run, 30_000);
});

describe("SqliteEventStore across connections", () => {
  it("two connections to one file: the unique (stream, version) key refuses the second writer", async () => {
    const file = join(dir, "shared.db");
    const a = new SqliteEventStore<Noted>(file);
    const b = new SqliteEventStore<Noted>(file);
    opened.push(a, b);
    const event = (w: number) => toEnvelopes<Noted>("s-1", 0, [{ type: "Noted", data: { n: w, text: `w${w}` } }], fixedContext({ newId: () => `evt-${w}` }));
    expect((await a.append("s-1", event(1), { expectedVersion: 0 })).ok).toBe(true);
    const second = await b.append("s-1", event(2), { expectedVersion: 0 });
    expect(!second.ok && second.error).toMatchObject({ code: "concurrency_conflict", details: { actualVersion: 1 } });
    expect(await b.readStream("s-1")).toEqual(event(1));
  });
});

describe("the SQLite host program", () => {
  it("handles commands, closes, reopens and rebuilds the same figures", async () => {
    const { execFileSync } = await import("node:child_process");
    const out = execFileSync(process.execPath, ["--import", "tsx", "examples/sqlite-host/demo.ts"], { encoding: "utf8" });
    expect(out).not.toContain("✗");
    expect(out).toMatch(/The same: everything needed was in .+lab\.db\./u);
    expect(out).toContain("citizens: 1");
  }, 30_000);
});
