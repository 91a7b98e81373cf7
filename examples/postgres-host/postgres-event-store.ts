/**
 * An `EventStore` over PostgreSQL (node-postgres): events as `jsonb` beside the columns the store
 * queries (stream id, version, global position, type, recorded time), one transaction per append,
 * a unique (stream_id, version) key behind the concurrency check, and a commands table for
 * idempotent retries.
 *
 * Global order without gaps a reader could skip: a position taken from a sequence becomes visible
 * when its transaction commits, and transactions commit in any order — so a reader that has seen
 * position 11 may later see 10 appear, and a catch-up reader resuming "after 11" would miss it for
 * ever. This store makes positions commit in order: every append takes one transaction-scoped
 * advisory lock before it inserts, so positions are handed out one transaction at a time and the
 * next writer cannot insert until the previous one has committed or rolled back (a rolled-back
 * position is a gap that never fills, which a reader may skip safely). The price is that appends
 * are serialised across streams; the alternative Marten and Emmett use — record each row's
 * transaction id and let readers stop below the oldest transaction still in progress
 * (`pg_snapshot_xmin(pg_current_snapshot())`) — lets writers run in parallel at the cost of a
 * more subtle reader. A public lab writes a few events a second; simple and provably gap-safe wins.
 */
import pg from "pg";
import {
  type AnyEvent,
  type AppendError,
  type AppendOptions,
  type AppendResult,
  type CommandRecord,
  concurrencyConflict,
  type Envelope,
  err,
  type EventStore,
  planAppend,
  ok,
  type Recorded,
  type Result,
  validationError,
} from "../../src/index.js";

const schemaSql = (schema: string): string => `
  CREATE SCHEMA IF NOT EXISTS ${schema};
  CREATE TABLE IF NOT EXISTS ${schema}.events (
    position    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          text NOT NULL UNIQUE,
    stream_id   text NOT NULL,
    version     integer NOT NULL,
    type        text NOT NULL,
    recorded_at timestamptz NOT NULL,
    body        jsonb NOT NULL,
    UNIQUE (stream_id, version)
  );
  CREATE INDEX IF NOT EXISTS events_type ON ${schema}.events (type);
  CREATE INDEX IF NOT EXISTS events_recorded_at ON ${schema}.events (recorded_at);
  CREATE TABLE IF NOT EXISTS ${schema}.commands (
    command_id    text PRIMARY KEY,
    stream_id     text NOT NULL,
    fingerprint   text NOT NULL,
    first_version integer NOT NULL,
    count         integer NOT NULL
  );
`;

// The advisory lock every append takes: one number for the whole store (per schema).
const lockKey = (schema: string): number => {
  let h = 0;
  for (const c of schema) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
};

/** Thrown inside a transaction to roll it back with a domain error. */
class Refused extends Error {
  constructor(readonly error: AppendError) {
    super(error.message);
  }
}

// What a refused append means for the writer, as a value; undefined for anything else.
const refusalOf = (e: unknown, streamId: string, options: AppendOptions): AppendError | undefined => {
  if (e instanceof Refused) return e.error;
  const code = (e as { code?: unknown }).code;
  const constraint = String((e as { constraint?: unknown }).constraint ?? "");
  if (code === "23505" && constraint.endsWith("_id_key")) {
    return validationError(`append to ${streamId}`, [{ path: ["id"], message: "an event id of the batch is already stored: every event needs a new id" }]);
  }
  // The unique (stream, version) key said another writer got there first.
  if (code === "23505") return concurrencyConflict(streamId, options.expectedVersion, options.expectedVersion + 1);
  return undefined;
};

/** Options of the store. */
export interface PostgresStoreOptions {
  /** The schema holding the store's tables (default `labx`): one store per schema. */
  readonly schema?: string;
  /** Called inside the append's transaction, after the events are written and before the commit (tests use it to kill the connection there). */
  readonly beforeCommit?: (client: pg.PoolClient) => Promise<void>;
}

/** An event store in a PostgreSQL schema. Create it with `PostgresEventStore.open`. */
export class PostgresEventStore<E extends AnyEvent = AnyEvent> implements EventStore<E> {
  readonly #pool: pg.Pool;
  readonly #schema: string;
  readonly #lock: number;
  readonly #beforeCommit: PostgresStoreOptions["beforeCommit"];

  private constructor(pool: pg.Pool, options: PostgresStoreOptions) {
    this.#pool = pool;
    this.#schema = options.schema ?? "labx";
    this.#lock = lockKey(this.#schema);
    this.#beforeCommit = options.beforeCommit;
  }

  /** Open the store on a pool, creating its tables if they are missing. */
  static async open<E extends AnyEvent = AnyEvent>(pool: pg.Pool, options: PostgresStoreOptions = {}): Promise<PostgresEventStore<E>> {
    const schema = options.schema ?? "labx";
    if (!/^[a-z_][a-z0-9_]{0,62}$/u.test(schema)) throw new TypeError(`schema "${schema}" must be a lowercase SQL identifier`);
    await pool.query(schemaSql(schema));
    return new PostgresEventStore<E>(pool, options);
  }

  /** See `EventStore.append`: one transaction holding the store's advisory lock; the unique (stream, version) key backs the version check. */
  async append(streamId: string, events: readonly Envelope<E>[], options: AppendOptions): Promise<Result<AppendResult<E>, AppendError>> {
    const client = await this.#pool.connect();
    // A connection killed under the transaction also emits 'error' on the client: the rejected
    // query below reports it; the event must not crash the host.
    const quiet = (): void => undefined;
    client.on("error", quiet);
    let released = false;
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [this.#lock]);
      const result = await this.#appendLocked(client, streamId, events, options);
      if (!result.replayed && events.length > 0) await this.#beforeCommit?.(client);
      await client.query("COMMIT");
      return ok(result);
    } catch (e) {
      let rolledBack = true;
      try {
        await client.query("ROLLBACK");
      } catch {
        rolledBack = false;
      }
      if (!rolledBack) {
        // The connection itself failed (killed, say): give it back destroyed, and let the host see the error.
        client.release(true);
        released = true;
        throw e;
      }
      const refused = refusalOf(e, streamId, options);
      if (refused === undefined) throw e;
      return err(refused);
    } finally {
      client.off("error", quiet);
      if (!released) client.release();
    }
  }

  async #appendLocked(client: pg.PoolClient, streamId: string, events: readonly Envelope<E>[], options: AppendOptions): Promise<AppendResult<E>> {
    const s = this.#schema;
    const head = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${s}.events WHERE stream_id = $1`, [streamId]);
    const current = head.rows[0]?.version ?? 0;
    const earlier = options.commandId === undefined ? undefined : await this.#command(client, options.commandId);
    const plan = planAppend(streamId, events, options, current, earlier);
    if (!plan.ok) throw new Refused(plan.error);
    if (plan.value.replay && earlier !== undefined) return { events: earlier.events, version: current, replayed: true };
    const fingerprint = plan.value.replay ? undefined : plan.value.fingerprint;
    if (events.length > 0) {
      // One statement for the batch: positions come from the sequence in the batch's order.
      const rows = events.map((_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`);
      const values = events.flatMap((e) => [e.id, streamId, e.version, e.type, e.recordedAt, JSON.stringify(e)]);
      await client.query(`INSERT INTO ${s}.events (id, stream_id, version, type, recorded_at, body) VALUES ${rows.join(", ")}`, values);
    }
    if (options.commandId !== undefined && fingerprint !== undefined && events.length > 0) {
      await client.query(`INSERT INTO ${s}.commands (command_id, stream_id, fingerprint, first_version, count) VALUES ($1, $2, $3, $4, $5)`, [
        options.commandId,
        streamId,
        fingerprint,
        current + 1,
        events.length,
      ]);
    }
    return { events: [...events], version: current + events.length, replayed: false };
  }

  async #command(client: pg.Pool | pg.PoolClient, commandId: string): Promise<CommandRecord<E> | undefined> {
    const s = this.#schema;
    const row = (
      await client.query<{ stream_id: string; fingerprint: string; first_version: number; count: number }>(
        `SELECT stream_id, fingerprint, first_version, count FROM ${s}.commands WHERE command_id = $1`,
        [commandId],
      )
    ).rows[0];
    if (row === undefined) return undefined;
    const events = await client.query<{ body: Envelope<E> }>(`SELECT body FROM ${s}.events WHERE stream_id = $1 AND version >= $2 ORDER BY version LIMIT $3`, [
      row.stream_id,
      row.first_version,
      row.count,
    ]);
    return { streamId: row.stream_id, fingerprint: row.fingerprint, events: events.rows.map((r) => r.body) };
  }

  /** See `EventStore.readStream`: by the (stream_id, version) index, never a scan of the log. */
  async readStream(streamId: string, options: { readonly fromVersion?: number; readonly toVersion?: number } = {}): Promise<readonly Envelope<E>[]> {
    const r = await this.#pool.query<{ body: Envelope<E> }>(
      `SELECT body FROM ${this.#schema}.events WHERE stream_id = $1 AND version BETWEEN $2 AND $3 ORDER BY version`,
      [streamId, options.fromVersion ?? 1, options.toVersion ?? 2_147_483_647],
    );
    return r.rows.map((row) => row.body);
  }

  /** See `EventStore.readAll`: global order by position, after a position, a page at a time. */
  async readAll(options: { readonly after?: number; readonly limit?: number } = {}): Promise<readonly Recorded<E>[]> {
    const r = await this.#pool.query<{ position: string; body: Envelope<E> }>(
      `SELECT position, body FROM ${this.#schema}.events WHERE position > $1 ORDER BY position LIMIT $2`,
      [options.after ?? 0, options.limit ?? null],
    );
    return r.rows.map((row) => ({ position: Number(row.position), event: row.body }));
  }

  /** See `EventStore.findCommand`. */
  findCommand(commandId: string): Promise<CommandRecord<E> | undefined> {
    return this.#command(this.#pool, commandId);
  }
}
