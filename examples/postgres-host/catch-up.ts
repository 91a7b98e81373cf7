/**
 * A catch-up projection with exactly-once effect: read the log from the stored position, apply a
 * batch, and store the new state and position in one transaction. A crash before the commit
 * leaves the old state and position (the batch is applied again on restart); a crash after it
 * leaves the new ones: no event is lost or counted twice. The row is locked (`FOR UPDATE`) for
 * the batch, so two runners of one projection take turns instead of both applying it.
 *
 * State is stored with `node:v8`'s serializer, which keeps Maps and Sets; a host that wants to
 * read it from SQL would store the figures as `jsonb` beside it.
 */
import { deserialize, serialize } from "node:v8";
import type pg from "pg";
import { type AnyEvent, applyTo, type EventStore, type Projected, type Projection } from "../../src/index.js";

/** How a catch-up run went. */
export interface CaughtUp {
  /** The log position the stored state has seen. */
  readonly position: number;
  /** Events applied by this run. */
  readonly applied: number;
  /** Batches committed by this run. */
  readonly batches: number;
}

/** Options of `catchUp`. */
export interface CatchUpOptions {
  /** The schema holding the checkpoints table (default `labx`). */
  readonly schema?: string;
  /** Events per transaction (default 500). */
  readonly batch?: number;
  /** Called after each committed batch (tests slow the loop down with it). */
  readonly afterBatch?: (position: number) => Promise<void>;
}

/** The stored state of a projection and the position it has seen, or the start if none. */
export const storedProjection = async <S, E extends AnyEvent>(
  pool: pg.Pool | pg.PoolClient,
  projection: Projection<S, E>,
  name: string,
  schema = "labx",
  lock = false,
): Promise<{ position: number; projected: Projected<S> }> => {
  const r = await pool.query<{ position: string; snapshot: Buffer | null }>(
    `SELECT position, snapshot FROM ${schema}.checkpoints WHERE name = $1${lock ? " FOR UPDATE" : ""}`,
    [name],
  );
  const row = r.rows[0];
  if (row === undefined || row.snapshot === null)
    return { position: Number(row?.position ?? 0), projected: { state: projection.initialState, positions: new Map() } };
  return { position: Number(row.position), projected: deserialize(row.snapshot) as Projected<S> };
};

/**
 * Bring a stored projection up to the end of the log, a batch per transaction.
 *
 * @example
 * const r = await catchUp(pool, store, labProjections, "figures");
 * console.log(`${r.applied} events applied; the figures have seen position ${r.position}`);
 */
export const catchUp = async <S, E extends AnyEvent>(
  pool: pg.Pool,
  store: EventStore<E>,
  projection: Projection<S, E>,
  name: string,
  options: CatchUpOptions = {},
): Promise<CaughtUp> => {
  const schema = options.schema ?? "labx";
  await pool.query(`CREATE TABLE IF NOT EXISTS ${schema}.checkpoints (name text PRIMARY KEY, position bigint NOT NULL, snapshot bytea)`);
  await pool.query(`INSERT INTO ${schema}.checkpoints (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING`, [name]);
  let applied = 0;
  let batches = 0;
  for (;;) {
    const client = await pool.connect();
    let position: number;
    let done = false;
    try {
      await client.query("BEGIN");
      const stored = await storedProjection(client, projection, name, schema, true);
      const batch = await store.readAll({ after: stored.position, limit: options.batch ?? 500 });
      position = stored.position;
      if (batch.length === 0) done = true;
      else {
        const next = applyTo(
          projection,
          stored.projected,
          batch.map((r) => r.event),
        );
        if (!next.ok) throw new Error(`catch-up of ${name}: ${next.error.message}`);
        position = batch.at(-1)?.position ?? position;
        await client.query(`UPDATE ${schema}.checkpoints SET position = $2, snapshot = $3 WHERE name = $1`, [name, position, serialize(next.value)]);
        applied += batch.length;
        batches++;
      }
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
    if (done) return { position, applied, batches };
    await options.afterBatch?.(position);
  }
};
