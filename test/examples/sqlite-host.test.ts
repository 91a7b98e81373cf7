import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eventStoreConformance, fixedContext, type Noted } from "../../src/testing/index.js";
import { toEnvelopes } from "../../src/kernel/index.js";
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
  const sameStore = () => {
    const file = join(dir, `shared-${++n}.db`);
    return () => {
      const store = new SqliteEventStore<Noted>(file);
      opened.push(store);
      return store;
    };
  };
  // SQLite has no connection to lose: its disk fills up mid-append instead (a real SQLITE_FULL, from
  // a page limit on the dying connection alone), which a host must see as store_unavailable too.
  const lostConnection = () => {
    const file = join(dir, `failing-${++n}.db`);
    const dying = new SqliteEventStore<Noted>(file, {
      beforeCommit: (db) => {
        db.pragma(`max_page_count = ${Number(db.pragma("page_count", { simple: true }))}`);
        db.exec("CREATE TABLE IF NOT EXISTS filler (x BLOB); INSERT INTO filler VALUES (zeroblob(1000000))");
      },
    });
    const healthy = new SqliteEventStore<Noted>(file);
    opened.push(dying, healthy);
    return Promise.resolve({ dying, healthy });
  };
  const cases = eventStoreConformance(fresh, { largeStream: 2_000, sameStore, lostConnection });
  for (const c of cases) it(c.name, c.run, 30_000);
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

describe("SqliteEventStore under real concurrency", () => {
  it("four processes starting at once on a new file and writing the same streams: nothing lost, nothing duplicated, versions contiguous, conflicts as values, no throw", async () => {
    const { spawn } = await import("node:child_process");
    const Database = (await import("better-sqlite3")).default;
    const file = join(dir, "contended.db");
    const writers = 4;
    const perWriter = 150;
    const run = (w: number) =>
      new Promise<{ ok: number; conflicts: number; other: string[]; threw: string[] }>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "test/examples/sqlite-writer.ts", file, String(w), String(perWriter), "3"], {
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        let errOut = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => (errOut += d.toString()));
        child.on("close", (code) =>
          code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "{}")) : reject(new Error(`writer ${w} exited ${code}: ${errOut}`)),
        );
      });
    const results = await Promise.all(Array.from({ length: writers }, (_, w) => run(w)));
    const db = new Database(file, { readonly: true });
    const rows = db.prepare("SELECT stream_id, version, json FROM events ORDER BY stream_id, version").all() as {
      stream_id: string;
      version: number;
      json: string;
    }[];
    const commands = (db.prepare("SELECT COUNT(*) AS n FROM commands").get() as { n: number }).n;
    db.close();
    const written = results.reduce((n, r) => n + r.ok, 0);
    const conflicts = results.reduce((n, r) => n + r.conflicts, 0);
    console.log(
      `SQLite, ${writers} processes × ${perWriter} commands on 3 streams: ${written} written, ${conflicts} gave up with concurrency_conflict, ${rows.length} events stored`,
    );
    expect(results.flatMap((r) => r.threw)).toEqual([]);
    expect(results.flatMap((r) => r.other)).toEqual([]);
    expect(written + conflicts).toBe(writers * perWriter);
    // Nothing lost, nothing duplicated: every successful command is stored exactly once.
    expect(rows).toHaveLength(written);
    expect(commands).toBe(written);
    const keys = rows.map((r) => {
      const e = JSON.parse(r.json) as { data: { writer: string; n: number } };
      return `${e.data.writer}/${e.data.n}`;
    });
    expect(new Set(keys).size).toBe(rows.length);
    // Versions contiguous in every stream.
    const byStream = new Map<string, number[]>();
    for (const r of rows) byStream.set(r.stream_id, [...(byStream.get(r.stream_id) ?? []), r.version]);
    for (const [stream, versions] of byStream) expect(versions, stream).toEqual(versions.map((_, i) => i + 1));
  }, 120_000);

  it("an event id stored twice is refused with an honest message, not a version conflict", async () => {
    const store = fresh();
    const a = toEnvelopes<Noted>("s-1", 0, [{ type: "Noted", data: { n: 1, text: "a" } }], fixedContext({ newId: () => "same-id" }));
    const b = toEnvelopes<Noted>("s-2", 0, [{ type: "Noted", data: { n: 2, text: "b" } }], fixedContext({ newId: () => "same-id" }));
    expect((await store.append("s-1", a, { expectedVersion: 0 })).ok).toBe(true);
    const r = await store.append("s-2", b, { expectedVersion: 0 });
    expect(!r.ok && r.error).toMatchObject({ code: "validation_failed" });
    expect(!r.ok && r.error.message).toContain("event id same-id already stored");
  });
});
