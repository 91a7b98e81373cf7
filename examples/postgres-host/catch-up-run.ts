/**
 * Run the catch-up projection of the lab's figures once, to the end of the log: what a host runs
 * on a timer or after each append. Used by the tests to kill it half-way and start it again.
 *
 * Run: LABX_PG_URL=… npx tsx examples/postgres-host/catch-up-run.ts <schema> [batch] [pause-ms]
 */
import { labProjections, type LabEvent } from "../../src/index.js";
import { catchUp } from "./catch-up.js";
import { HOW_TO_START, poolFromEnv } from "./connect.js";
import { PostgresEventStore } from "./postgres-event-store.js";

const [schema = "labx", batch = "500", pause = "0"] = process.argv.slice(2);
const pool = poolFromEnv(2);
if (pool === undefined) {
  console.error(`LABX_PG_URL is not set; ${HOW_TO_START}`);
  process.exit(3);
}
const store = await PostgresEventStore.open<LabEvent>(pool, { schema });
const r = await catchUp(pool, store, labProjections, "figures", {
  batch: Number(batch),
  afterBatch: async (position) => {
    console.log(`committed up to position ${position}`);
    if (Number(pause) > 0) await new Promise((resolve) => setTimeout(resolve, Number(pause)));
  },
});
await pool.end();
if (!r.ok) {
  console.error(`✗ ${r.error.message}`);
  process.exit(1);
}
console.log(`caught up: ${r.value.applied} events in ${r.value.batches} batches; position ${r.value.position}`);
