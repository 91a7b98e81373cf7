/**
 * A catch-up projection with exactly-once effect: read the log from the stored position, apply a
 * batch, and store the new state and position in one transaction. A crash before the commit
 * leaves the old state and position (the batch is applied again on restart); a crash after it
 * leaves the new ones: no event is lost or counted twice.
 *
 * Each batch runs on one connection: it takes the projection's advisory lock (runners of one
 * projection take turns), reads the checkpoint and the log on that same connection, and commits.
 * A runner never holds a connection while waiting for another one, so any number of runners on a
 * pool of any size make progress; a runner waiting for its turn waits on the server, bounded by
 * the lock timeout, and then simply asks again. A connection lost mid-batch (a terminated backend,
 * a restart, a failover) rolls the batch back; the runner listens for the client's `error` event
 * (which would otherwise end the process), takes a new connection and resumes from the checkpoint.
 *
 * State is stored with `node:v8`'s serializer, which keeps Maps and Sets; a host that wants to
 * read it from SQL would store the figures as `jsonb` beside it.
 */
import { deserialize, serialize } from "node:v8";
import type pg from "pg";
import { type AnyEvent, applyTo, type DomainError, err, ok, type Projected, type Projection, type Result, storeUnavailable } from "../../src/index.js";
import { LOCK_CLASS, lockKey } from "./migrations.js";
import type { PostgresEventStore } from "./postgres-event-store.js";
import { pgFailure } from "./pg-errors.js";

/** How a catch-up run went. */
export interface CaughtUp {
  /** The log position the stored state has seen. */
  readonly position: number;
  /** Events applied by this run. */
  readonly applied: number;
  /** Batches committed by this run. */
  readonly batches: number;
  /** Times this run lost its connection and resumed from the checkpoint. */
  readonly resumed: number;
}

/** Options of `catchUp`. */
export interface CatchUpOptions {
  /** Events per transaction (default 500). */
  readonly batch?: number;
  /** Lost connections in a row to resume after before giving up with `store_unavailable` (default 5). */
  readonly resumes?: number;
  /** How long one wait for this projection's turn may last before asking again (default 5,000 ms). */
  readonly turnTimeoutMs?: number;
  /**
   * How long the server lets a batch's transaction sit idle (this process applying the batch, or
   * frozen) before ending its session (default 60,000 ms): the longest a frozen runner keeps the
   * others waiting for their turn.
   */
  readonly idleTimeoutMs?: number;
  /** Called after each committed batch (tests slow the loop down with it). */
  readonly afterBatch?: (position: number) => Promise<void>;
  /** Called inside a batch's transaction after its read (tests terminate the connection there). */
  readonly afterRead?: (client: pg.PoolClient) => Promise<void>;
}

// The store_unavailable value, in the words of a catch-up rather than of an append.
const unavailable = (name: string, reason: string): DomainError => ({
  ...storeUnavailable(`projection ${name}`, reason),
  message: `The catch-up of projection ${name} could not go on: ${reason}. Run it again: it resumes from its last committed checkpoint.`,
});

/** The stored state of a projection and the position it has seen, or the start if none. */
export const storedProjection = async <S, E extends AnyEvent>(
  db: pg.Pool | pg.ClientBase,
  projection: Projection<S, E>,
  name: string,
  schema = "labx",
): Promise<{ position: number; projected: Projected<S> }> => {
  const r = await db.query<{ position: string; snapshot: Buffer | null }>(`SELECT position, snapshot FROM ${schema}.checkpoints WHERE name = $1`, [name]);
  const row = r.rows[0];
  if (row === undefined || row.snapshot === null)
    return { position: Number(row?.position ?? 0), projected: { state: projection.initialState, positions: new Map() } };
  return { position: Number(row.position), projected: deserialize(row.snapshot) as Projected<S> };
};

// One batch in one transaction on one connection; what it did, or the error that ended it.
type Batch = { readonly done: boolean; readonly position: number; readonly applied: number } | { readonly failed: DomainError };

const runBatch = async <S, E extends AnyEvent>(
  client: pg.PoolClient,
  store: PostgresEventStore<E>,
  projection: Projection<S, E>,
  name: string,
  options: CatchUpOptions,
): Promise<Batch> => {
  const schema = store.schema;
  const ms = (v: number | undefined, fallback: number) => Math.max(1, Math.floor(v ?? fallback));
  await client.query(
    `BEGIN; SET LOCAL lock_timeout = ${ms(options.turnTimeoutMs, 5_000)}; SET LOCAL idle_in_transaction_session_timeout = ${ms(options.idleTimeoutMs, 60_000)}`,
  );
  // Runners of one projection take turns here; the lock ends with the transaction.
  await client.query("SELECT pg_advisory_xact_lock($1, $2)", [LOCK_CLASS.projections, lockKey(`${schema}.${name}`)]);
  const stored = await storedProjection(client, projection, name, schema);
  const batch = await store.readAllOn(client, { after: stored.position, limit: options.batch ?? 500 });
  await options.afterRead?.(client);
  if (batch.length === 0) {
    await client.query("COMMIT");
    return { done: true, position: stored.position, applied: 0 };
  }
  const next = applyTo(
    projection,
    stored.projected,
    batch.map((r) => r.event),
  );
  if (!next.ok) {
    await client.query("ROLLBACK");
    return { failed: next.error };
  }
  const position = batch.at(-1)?.position ?? stored.position;
  await client.query(
    `INSERT INTO ${schema}.checkpoints (name, position, snapshot) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET position = excluded.position, snapshot = excluded.snapshot`,
    [name, position, serialize(next.value)],
  );
  await client.query("COMMIT");
  return { done: false, position, applied: batch.length };
};

/**
 * Bring a stored projection up to the end of the log, a batch per transaction. Never rejects for
 * the database: a connection lost more than `resumes` times in a row is `store_unavailable`, and a
 * projection that refuses an event returns its error.
 *
 * @example
 * const r = await catchUp(pool, store, labProjections, "figures");
 * if (r.ok) console.log(`${r.value.applied} events applied; the figures have seen position ${r.value.position}`);
 */
export const catchUp = async <S, E extends AnyEvent>(
  pool: pg.Pool,
  store: PostgresEventStore<E>,
  projection: Projection<S, E>,
  name: string,
  options: CatchUpOptions = {},
): Promise<Result<CaughtUp, DomainError>> => {
  const tally = { position: 0, applied: 0, batches: 0, resumed: 0 };
  let lostInARow = 0;
  for (;;) {
    let outcome: Batch | { readonly lost: string } | { readonly busy: true };
    let client: pg.PoolClient | undefined;
    // Without a listener, a backend terminated under a checked-out client ends the process.
    const quiet = (): void => undefined;
    let broken = false;
    try {
      client = await pool.connect();
      client.on("error", quiet);
      outcome = await runBatch(client, store, projection, name, options);
    } catch (e) {
      broken =
        client === undefined ||
        (await client.query("ROLLBACK").then(
          () => false,
          () => true,
        ));
      const failure = pgFailure(e);
      if (failure === undefined) throw e;
      if (failure.kind === "busy") outcome = { busy: true };
      else if (failure.kind === "lost") outcome = { lost: failure.reason };
      else return err(unavailable(name, failure.reason));
    } finally {
      client?.off("error", quiet);
      client?.release(broken);
    }
    if ("busy" in outcome) continue;
    if ("lost" in outcome) {
      if (++lostInARow > (options.resumes ?? 5)) return err(unavailable(name, `the connection was lost ${lostInARow} times in a row: ${outcome.lost}`));
      tally.resumed++;
      continue;
    }
    if ("failed" in outcome) return err(outcome.failed);
    lostInARow = 0;
    tally.position = outcome.position;
    if (outcome.done) return ok({ ...tally });
    tally.applied += outcome.applied;
    tally.batches++;
    await options.afterBatch?.(outcome.position);
  }
};
