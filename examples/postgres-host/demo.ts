/**
 * A real host on PostgreSQL: import the demonstration log into a PostgreSQL event store stream by
 * stream, read it back and verify every hash chain against the published checkpoint, handle a
 * command through the store, bring the catch-up projection of the figures up to date, and show
 * that the figures it keeps equal those rebuilt from the file.
 *
 * Run: LABX_PG_URL=postgres://… npm run example:postgres   (scripts/postgres.sh starts a server)
 */
import { hash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { computeFigures, figuresOf, handle, labDecider, type LabEvent, labHashView, labProjections, liveRegister, verify } from "../../src/index.js";
import { failed, loadLog } from "../shared/load-log.js";
import { DEMO_LOG } from "../demo/paths.js";
import { catchUp, storedProjection } from "./catch-up.js";
import { HOW_TO_START, poolFromEnv } from "./connect.js";
import { PostgresEventStore } from "./postgres-event-store.js";

const pool = poolFromEnv(4);
if (pool === undefined) {
  console.error(`LABX_PG_URL is not set; ${HOW_TO_START}`);
  process.exit(3);
}
const schema = "labx_demo";
await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
const store = await PostgresEventStore.open<LabEvent>(pool, { schema });
const sha256 = (text: string) => hash("sha256", text, "hex");

// 1. Import: each event appended to its stream at the version it holds, as a host migrating a log would.
const log = loadLog(DEMO_LOG);
if (failed(log)) {
  for (const line of log.lines) console.error(line);
  process.exit(log.exit);
}
const t0 = performance.now();
for (const e of log.stored) {
  const r = await store.append(e.streamId, [e as never], { expectedVersion: e.version - 1 });
  if (!r.ok) {
    console.error(`✗ ${e.id}: ${r.error.message}`);
    process.exit(1);
  }
}
console.log(`Imported ${log.stored.length.toLocaleString("en-US")} events into ${schema}.events in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);

// 2. Read back and verify: jsonb reorders keys, which canonical JSON does not see.
const back = (await store.readAll()).map((r) => r.event);
const verified = verify(back, { hashView: labHashView, sha256, ...(log.checkpoint === null ? {} : { checkpoint: log.checkpoint.value }) });
console.log(
  verified.ok
    ? `Read back and verified: ${verified.value.events.toLocaleString("en-US")} events, ${verified.value.streams} streams, every hash chain intact.`
    : `✗ ${verified.error.message}`,
);

// 3. A command handled through the store, with the register built from it.
const register = liveRegister(back).register;
const handled = await handle(
  store,
  labDecider,
  { type: "RegisterEntity", entityId: "cm-braga", name: "Municipality of Braga", kind: "public", level: "local", sector: "local_government" },
  { now: () => new Date("2021-01-04T09:00:00Z"), newId: () => "evt-pg-demo-1", actor: { id: "import", role: "system" }, register },
);
console.log(handled.ok ? `Handled RegisterEntity: ${handled.value.streamId} at version ${handled.value.version}.` : `✗ ${handled.error.message}`);

// 4. The catch-up projection, then the figures it keeps against a rebuild from the whole log.
const caught = await catchUp(pool, store, labProjections, "figures", { batch: 500 });
if (!caught.ok) {
  console.error(`✗ ${caught.error.message}`);
  process.exit(1);
}
console.log(
  `Catch-up projection: ${caught.value.applied.toLocaleString("en-US")} events in ${caught.value.batches} transactions, position ${caught.value.position}.`,
);
const kept = figuresOf((await storedProjection(pool, labProjections, "figures", schema)).projected.state);
const rebuilt = computeFigures((await store.readAll()).map((r) => r.event));
const same = rebuilt.ok && isDeepStrictEqual(kept, rebuilt.value);
console.log(same ? "The figures the projection keeps equal a full rebuild." : "✗ The kept figures differ from a full rebuild.");
console.log(`Headline: ${JSON.stringify(kept.headline)}`);
await pool.end();
if (!verified.ok || !handled.ok || !same) process.exit(1);
