// What the PostgreSQL test sections share: the server (LABX_PG_URL; scripts/postgres.sh starts one,
// CI does and sets LABX_PG_REQUIRED=1 so that these tests cannot be skipped there), fresh schemas
// dropped at the end, and numbered events. The sections run in one file, one after another: the
// read horizon is the whole cluster's, so a test that freezes a writer must not overlap another.
import { afterAll } from "vitest";
import { toEnvelopes } from "../../../src/kernel/index.js";
import { type AnyEvent } from "../../../src/index.js";
import { fixedContext, type Noted } from "../../../src/testing/index.js";
import { poolFromEnv } from "../../../examples/postgres-host/connect.js";
import { PostgresEventStore, type PostgresStoreOptions } from "../../../examples/postgres-host/postgres-event-store.js";

export const pool = poolFromEnv(20);
if (pool === undefined) {
  if (process.env.LABX_PG_REQUIRED === "1") throw new Error("LABX_PG_REQUIRED=1 but LABX_PG_URL is not set: the PostgreSQL tests would be skipped");
  console.log("PostgreSQL tests skipped: LABX_PG_URL is not set (scripts/postgres.sh start DIR prints one).");
}
/** The pool, for tests that only run when there is one. */
export const db = (): NonNullable<typeof pool> => {
  if (pool === undefined) throw new Error("no PostgreSQL pool");
  return pool;
};

const run = `t${Date.now().toString(36)}`;
let n = 0;
const schemas: string[] = [];
const pools: { end: () => Promise<void> }[] = [];
/** A new schema name, dropped after the tests. */
export const schemaName = (): string => {
  const schema = `${run}_${++n}`;
  schemas.push(schema);
  return schema;
};
/** A store in a new schema. */
export const fresh = <E extends AnyEvent>(options: PostgresStoreOptions = {}) => PostgresEventStore.open<E>(db(), { ...options, schema: schemaName() });
/** Another pool on the same server (its own connections), closed after the tests. */
export const otherPool = (max: number): NonNullable<typeof pool> => {
  const p = poolFromEnv(max);
  if (p === undefined) throw new Error("no PostgreSQL pool");
  pools.push(p);
  return p;
};
afterAll(async () => {
  if (pool === undefined) return;
  for (const p of pools) await p.end();
  for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await pool.end();
});

/** `count` neutral events of one stream after `after`, with ids unique to this run. */
export const notes = (streamId: string, after: number, count: number, tag = "note") => {
  let k = 0;
  return toEnvelopes<Noted>(
    streamId,
    after,
    Array.from({ length: count }, (_, i) => ({ type: "Noted" as const, data: { n: after + i + 1, text: `${tag} ${after + i + 1}` } })),
    fixedContext({ newId: () => `${tag}-${streamId}-${after}-${++k}` }),
  );
};

/** Terminate a client's backend from another connection, as a restart or a failover would. */
export const terminate = async (client: { query: (text: string) => Promise<{ rows: { pid: number }[] }> }, killer = db()): Promise<void> => {
  const pid = (await client.query("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
  await killer.query("SELECT pg_terminate_backend($1)", [pid]);
};
