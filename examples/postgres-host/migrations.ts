/**
 * The tables of a PostgreSQL store and its catch-up projections, created by numbered migrations
 * that run under a transaction-scoped advisory lock: hosts starting at once on an empty database
 * queue for the lock, the first creates everything, the others find it done. Without the lock,
 * concurrent `CREATE … IF NOT EXISTS` statements fail on the system catalogues' unique keys
 * (23505, 42710) even though each says "if not exists".
 */
import type pg from "pg";

/** The advisory-lock classes of this host (the first key of the two-key form): one per purpose. */
export const LOCK_CLASS = { migrations: 0x6c61_6201, positions: 0x6c61_6202, projections: 0x6c61_6203 } as const;

/** A 32-bit key for a name (a schema, a projection): the second key of the two-key advisory lock. */
export const lockKey = (name: string): number => {
  let h = 0;
  for (const c of name) h = (Math.imul(h, 31) + (c.codePointAt(0) ?? 0)) | 0;
  return h;
};

// Step 1: the event store and the catch-up checkpoints.
//
// Positions come from a sequence, but only through `reserve_positions`, which takes the next `n`
// numbers and assigns the transaction its id (`xid8`) while holding a session-level advisory lock
// for those few microseconds, then lets go: so a transaction with a smaller id always holds smaller
// positions. Readers read only rows of transactions older than the oldest one still running
// (`pg_snapshot_xmin`), so no row can appear later below a position they have read. See README.
const storeTables = (s: string): string => `
  CREATE SCHEMA IF NOT EXISTS ${s};
  CREATE SEQUENCE ${s}.positions AS bigint;
  CREATE TABLE ${s}.events (
    position    bigint PRIMARY KEY DEFAULT nextval('${s}.positions'),
    tx          xid8 NOT NULL DEFAULT pg_current_xact_id(),
    id          text NOT NULL UNIQUE,
    stream_id   text NOT NULL,
    version     bigint NOT NULL,
    type        text NOT NULL,
    recorded_at timestamptz NOT NULL,
    body        jsonb NOT NULL,
    UNIQUE (stream_id, version)
  );
  ALTER SEQUENCE ${s}.positions OWNED BY ${s}.events.position;
  CREATE INDEX events_type ON ${s}.events (type);
  CREATE INDEX events_recorded_at ON ${s}.events (recorded_at);
  CREATE TABLE ${s}.commands (
    command_id    text PRIMARY KEY,
    stream_id     text NOT NULL,
    fingerprint   text NOT NULL,
    first_version bigint NOT NULL,
    count         integer NOT NULL
  );
  CREATE TABLE ${s}.checkpoints (name text PRIMARY KEY, position bigint NOT NULL, snapshot bytea);
  CREATE FUNCTION ${s}.reserve_positions(n bigint) RETURNS bigint LANGUAGE plpgsql AS $fn$
  DECLARE
    first bigint;
  BEGIN
    -- The transaction's id must be assigned here, under the lock, or the order would not hold.
    IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
      RAISE EXCEPTION 'reserve_positions must be the first write of its transaction' USING ERRCODE = 'LX001';
    END IF;
    PERFORM pg_advisory_lock(${LOCK_CLASS.positions}, ${lockKey(s)});
    BEGIN
      PERFORM pg_current_xact_id();
      first := nextval('${s}.positions');
      IF n > 1 THEN PERFORM setval('${s}.positions', first + n - 1); END IF;
    EXCEPTION WHEN OTHERS OR query_canceled THEN
      -- A session-level lock outlives the statement: let go before the error goes on.
      PERFORM pg_advisory_unlock(${LOCK_CLASS.positions}, ${lockKey(s)});
      RAISE;
    END;
    PERFORM pg_advisory_unlock(${LOCK_CLASS.positions}, ${lockKey(s)});
    RETURN first;
  END
  $fn$;
`;

const steps: readonly ((schema: string) => string)[] = [storeTables];

/**
 * Bring a schema up to the latest migration, under the schema's migration lock, waiting at most
 * `lockTimeoutMs` for another host doing the same.
 */
export const migrate = async (pool: pg.Pool, schema: string, lockTimeoutMs: number): Promise<void> => {
  const client = await pool.connect();
  const quiet = (): void => undefined;
  client.on("error", quiet);
  let broken = false;
  try {
    await client.query(`BEGIN; SET LOCAL lock_timeout = ${Math.max(1, Math.floor(lockTimeoutMs))}`);
    await client.query("SELECT pg_advisory_xact_lock($1, $2)", [LOCK_CLASS.migrations, lockKey(schema)]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}; CREATE TABLE IF NOT EXISTS ${schema}.migrations (step integer PRIMARY KEY)`);
    const done = (await client.query<{ step: number }>(`SELECT coalesce(max(step), 0) AS step FROM ${schema}.migrations`)).rows[0]?.step ?? 0;
    for (let step = done; step < steps.length; step++) {
      await client.query((steps[step] as (schema: string) => string)(schema));
      await client.query(`INSERT INTO ${schema}.migrations (step) VALUES ($1)`, [step + 1]);
    }
    await client.query("COMMIT");
  } catch (e) {
    broken = await client.query("ROLLBACK").then(
      () => false,
      () => true,
    );
    throw e;
  } finally {
    client.off("error", quiet);
    client.release(broken);
  }
};
