/**
 * An `EventStore` over PostgreSQL (node-postgres): events as `jsonb` beside the columns the store
 * queries (global position, transaction id, stream id, version, type, recorded time), one
 * transaction per append, a unique (stream_id, version) key behind the concurrency check, and a
 * commands table for idempotent retries.
 *
 * Global order without one mutex. A position taken from a sequence becomes visible when its
 * transaction commits, and transactions commit in any order: a reader that has read position 11
 * may later see 10 appear. Here every append takes its positions through `reserve_positions`
 * (migrations.ts), which assigns the transaction its id and the next positions under an advisory
 * lock held for microseconds, not through the commit; so transaction ids and positions rise
 * together. A reader reads only rows of transactions older than the oldest transaction still
 * running (`tx < pg_snapshot_xmin(pg_current_snapshot())`): every row that can still appear belongs
 * to a transaction at least that young, so its positions are above every position read. Readers
 * wait behind a slow writer; writers never wait for each other unless they write the same stream.
 *
 * Every failure of an append is a value (`pg-errors.ts`); every wait is bounded (the options).
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
  ok,
  planAppend,
  type Recorded,
  type Result,
  storeUnavailable,
} from "../../src/index.js";
import { isStorableText, validationError } from "../../src/kernel/index.js";
import { migrate } from "./migrations.js";
import { isLost, pgFailure } from "./pg-errors.js";

/** Options of the store. */
export interface PostgresStoreOptions {
  /** The schema holding the store's tables (default `labx`): one store per schema. */
  readonly schema?: string;
  /**
   * How long an append waits for a lock another transaction holds (a writer of the same stream, the
   * position lock, the migration lock) before `concurrency_conflict` (default 2,000 ms).
   */
  readonly lockTimeoutMs?: number;
  /** How long one statement of an append may run before `concurrency_conflict` (default 30,000 ms). */
  readonly statementTimeoutMs?: number;
  /**
   * How long the server keeps an append's transaction open while its client sends nothing (a frozen
   * or paused host) before it ends the session, rolling back (default 10,000 ms): the longest a
   * frozen writer can hold back readers.
   */
  readonly idleInTransactionTimeoutMs?: number;
  /** Events or bytes of JSON per insert statement inside an append's one transaction (default 1,000 events, 16 MB). */
  readonly chunk?: { readonly events?: number; readonly bytes?: number };
  /**
   * `false` drops the ordering guarantee (no position lock, readers not held at the horizon): the
   * upper bound `npm run bench:postgres` compares with, and the control of the gap test. Never mix
   * the two on one schema.
   */
  readonly gapSafe?: boolean;
  /** Called inside the append's transaction, after the events are written and before the commit (tests pause or kill the connection there). */
  readonly beforeCommit?: (client: pg.PoolClient) => Promise<void>;
}

/** Thrown inside a transaction to roll it back with a domain error. */
class Refused extends Error {
  constructor(readonly error: AppendError) {
    super(error.message);
  }
}

// Chunks of one batch: at most `events` events or `bytes` of JSON each (one event alone may exceed it).
const chunksOf = (json: readonly string[], events: number, bytes: number): string[][] => {
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const text of json) {
    if (current.length > 0 && (current.length >= events || size + text.length > bytes)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(text);
    size += text.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
};

// A value written into SQL: a string by `pg`'s own escaping (it takes backslashes and quotes), a
// number as its digits (only whole numbers the store computed get here).
const literal = (v: string | number | null): string => (v === null ? "NULL" : typeof v === "number" ? String(v) : pg.escapeLiteral(v));

// The rows of a simple query's first and last statements (`pg` answers one result, or one per statement).
const results = (r: pg.QueryResult | pg.QueryResult[]): pg.QueryResult[] => (Array.isArray(r) ? r : [r]);
const firstRow = <R>(r: pg.QueryResult | pg.QueryResult[]): R | undefined => results(r)[0]?.rows[0] as R | undefined;
const lastRow = <R>(r: pg.QueryResult | pg.QueryResult[]): R | undefined => results(r).at(-1)?.rows[0] as R | undefined;

// A version or position bound as the bigint column takes it: a safe integer, or nothing to read.
const bound = (v: number | undefined, fallback: number, round: (x: number) => number): number | undefined => {
  if (v === undefined) return fallback;
  if (Number.isNaN(v)) return undefined;
  return Math.min(Number.MAX_SAFE_INTEGER, Math.max(-Number.MAX_SAFE_INTEGER, round(v)));
};

/** An event store in a PostgreSQL schema. Create it with `PostgresEventStore.open`. */
export class PostgresEventStore<E extends AnyEvent = AnyEvent> implements EventStore<E> {
  readonly #pool: pg.Pool;
  readonly #s: string;
  readonly #settings: string;
  readonly #chunk: { readonly events: number; readonly bytes: number };
  readonly #gapSafe: boolean;
  readonly #beforeCommit: PostgresStoreOptions["beforeCommit"];

  private constructor(pool: pg.Pool, schema: string, options: PostgresStoreOptions) {
    this.#pool = pool;
    this.#s = schema;
    const ms = (v: number | undefined, fallback: number) => Math.max(1, Math.floor(v ?? fallback));
    this.#settings = [
      "BEGIN",
      `SET LOCAL lock_timeout = ${ms(options.lockTimeoutMs, 2_000)}`,
      `SET LOCAL statement_timeout = ${ms(options.statementTimeoutMs, 30_000)}`,
      `SET LOCAL idle_in_transaction_session_timeout = ${ms(options.idleInTransactionTimeoutMs, 10_000)}`,
    ].join("; ");
    this.#chunk = { events: ms(options.chunk?.events, 1_000), bytes: ms(options.chunk?.bytes, 16 << 20) };
    this.#gapSafe = options.gapSafe ?? true;
    this.#beforeCommit = options.beforeCommit;
  }

  /**
   * Open the store on a pool, creating or upgrading its tables under a lock (so hosts may start at
   * once). Rejects only when the database cannot be reached or the schema name is not an identifier.
   */
  static async open<E extends AnyEvent = AnyEvent>(pool: pg.Pool, options: PostgresStoreOptions = {}): Promise<PostgresEventStore<E>> {
    const schema = options.schema ?? "labx";
    if (!/^[a-z_][a-z0-9_]{0,62}$/u.test(schema)) throw new TypeError(`schema "${schema}" must be a lowercase SQL identifier`);
    await migrate(pool, schema, Math.max(30_000, options.lockTimeoutMs ?? 0));
    return new PostgresEventStore<E>(pool, schema, options);
  }

  /** The schema this store keeps its tables in. */
  get schema(): string {
    return this.#s;
  }

  /**
   * See `EventStore.append`: one transaction, the batch in chunks, its positions reserved at once;
   * the unique (stream, version) key backs the version check. Never rejects: every failure is a value.
   */
  async append(streamId: string, events: readonly Envelope<E>[], options: AppendOptions): Promise<Result<AppendResult<E>, AppendError>> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (e) {
      const failure = pgFailure(e);
      if (failure === undefined) throw e;
      return err(storeUnavailable(streamId, `no connection: ${failure.reason}`));
    }
    // A connection killed under the transaction also emits 'error' on the client: the rejected
    // query reports it; the event must not crash the host.
    const quiet = (): void => undefined;
    client.on("error", quiet);
    let broken = false;
    try {
      const result = await this.#appendIn(client, streamId, events, options);
      return ok(result);
    } catch (e) {
      broken = await client.query("ROLLBACK").then(
        () => false,
        () => true,
      );
      return err(await this.#explain(e, broken ? undefined : client, streamId, events, options));
    } finally {
      client.off("error", quiet);
      // A connection that failed is given back destroyed, so the pool opens a new one.
      client.release(broken);
    }
  }

  // The append in two round trips: the transaction's settings with the reads, then the writes with
  // the commit (three with the test hook, which runs before a commit of its own). Each is one simple
  // query of several statements, its values written as literals by `pg`'s escaping.
  async #appendIn(client: pg.PoolClient, streamId: string, events: readonly Envelope<E>[], options: AppendOptions): Promise<AppendResult<E>> {
    const s = this.#s;
    // The head and any earlier run of the command. Reads only: the transaction must not have an id
    // before `reserve_positions` gives it one. Text a column refuses is asked as nothing:
    // `planAppend` refuses it anyway, as every store does, before anything is written.
    const stream = isStorableText(streamId) ? streamId : "";
    const commandId = options.commandId !== undefined && isStorableText(options.commandId) ? options.commandId : null;
    const row = lastRow<{ head: string | null; stream_id: string | null; fingerprint: string | null; first_version: string | null; count: number | null }>(
      await client.query(
        `${this.#settings};
         SELECT (SELECT max(version) FROM ${s}.events WHERE stream_id = ${literal(stream)}) AS head, c.stream_id, c.fingerprint, c.first_version, c.count
           FROM (SELECT 1) AS one LEFT JOIN ${s}.commands c ON c.command_id = ${literal(commandId)}`,
      ),
    );
    const current = Number(row?.head ?? 0);
    const earlier = row?.stream_id == null || row.fingerprint == null ? undefined : { streamId: row.stream_id, fingerprint: row.fingerprint };
    const plan = planAppend(streamId, events, options, current, earlier);
    if (!plan.ok) throw new Refused(plan.error);
    if (plan.value.replay) {
      const stored = await this.#eventsOf(client, row?.stream_id ?? streamId, Number(row?.first_version ?? 1), Number(row?.count ?? 0));
      await client.query("COMMIT");
      return { events: stored, version: current, replayed: true };
    }
    if (events.length === 0) {
      await client.query("COMMIT");
      return { events: [], version: current, replayed: false };
    }
    const command =
      options.commandId !== undefined && plan.value.fingerprint !== undefined ? { id: options.commandId, fingerprint: plan.value.fingerprint } : undefined;
    const hook = this.#beforeCommit;
    await this.#insert(client, streamId, events, current, command, hook === undefined);
    if (hook !== undefined) {
      await hook(client);
      await client.query("COMMIT");
    }
    return { events: [...events], version: current + events.length, replayed: false };
  }

  // The batch, chunk by chunk inside the caller's transaction, and the commit with the last chunk
  // when `commit`. The first statement reserves every position of the batch (and records the
  // command); the others use the numbers it returned.
  async #insert(
    client: pg.PoolClient,
    streamId: string,
    events: readonly Envelope<E>[],
    current: number,
    command: { readonly id: string; readonly fingerprint: string } | undefined,
    commit: boolean,
  ): Promise<void> {
    const s = this.#s;
    const chunks = chunksOf(
      events.map((e) => JSON.stringify(e)),
      this.#chunk.events,
      this.#chunk.bytes,
    );
    const columns = `id, stream_id, version, type, recorded_at, body`;
    const values = `t.e->>'id', t.e->>'streamId', (t.e->>'version')::bigint, t.e->>'type', (t.e->>'recordedAt')::timestamptz, t.e`;
    const rows = (json: string) => `jsonb_array_elements(${literal(json)}::jsonb) WITH ORDINALITY AS t(e, o)`;
    // The command's record, in the first statement. With the position lock it is selected from the
    // reservation, so that it cannot be written (and give the transaction its id) before
    // `reserve_positions` runs: the order of sibling CTEs is unspecified.
    const remember = (from: string): string =>
      command === undefined
        ? ""
        : `, c AS (INSERT INTO ${s}.commands (command_id, stream_id, fingerprint, first_version, count)
             SELECT ${[command.id, streamId, command.fingerprint, current + 1, events.length].map(literal).join(", ")}${from})`;
    let offset = 0;
    let first = 0;
    for (const [i, chunk] of chunks.entries()) {
      const json = `[${chunk.join(",")}]`;
      const end = commit && i === chunks.length - 1 ? "; COMMIT" : "";
      if (!this.#gapSafe) {
        await client.query(
          `WITH e AS (INSERT INTO ${s}.events (${columns}) SELECT ${values} FROM ${rows(json)} ORDER BY t.o)${i === 0 ? remember("") : ""} SELECT 1${end}`,
        );
      } else if (i === 0) {
        const reserved = await client.query(
          `WITH r AS MATERIALIZED (SELECT ${s}.reserve_positions(${events.length}) AS first),
                e AS (INSERT INTO ${s}.events (position, ${columns}) SELECT r.first + t.o - 1, ${values} FROM r, ${rows(json)})${remember(" FROM r")}
           SELECT first FROM r${end}`,
        );
        first = Number(firstRow<{ first: string }>(reserved)?.first);
      } else {
        await client.query(`INSERT INTO ${s}.events (position, ${columns}) SELECT ${first + offset} + t.o - 1, ${values} FROM ${rows(json)}${end}`);
      }
      offset += chunk.length;
    }
  }

  // What a failed append means for the writer, as a value; the client is still usable when given.
  async #explain(
    e: unknown,
    client: pg.PoolClient | undefined,
    streamId: string,
    events: readonly Envelope<E>[],
    options: AppendOptions,
  ): Promise<AppendError> {
    if (e instanceof Refused) return e.error;
    const failure = pgFailure(e);
    if (failure === undefined) throw e;
    const head = async (): Promise<number> => {
      const r = await (client ?? this.#pool).query<{ head: string | null }>(`SELECT max(version) AS head FROM ${this.#s}.events WHERE stream_id = $1`, [
        streamId,
      ]);
      return Number(r.rows[0]?.head ?? 0);
    };
    switch (failure.kind) {
      case "duplicate":
        if (failure.constraint.endsWith("_id_key")) {
          return validationError(`append to ${streamId}`, [
            { path: ["id"], message: "an event id of the batch is already stored: every event needs a new id" },
          ]);
        }
        if (failure.constraint.startsWith("commands")) {
          return concurrencyConflict(
            streamId,
            options.expectedVersion,
            options.expectedVersion,
            `another append with command id ${options.commandId ?? ""} was written at the same time`,
          );
        }
        // The unique (stream, version) key said another writer got there first.
        return concurrencyConflict(streamId, options.expectedVersion, await head().catch(() => options.expectedVersion + 1));
      case "busy":
        return concurrencyConflict(streamId, options.expectedVersion, await head().catch(() => options.expectedVersion), failure.reason);
      case "refused":
        return validationError(`append to ${streamId}`, [
          { path: [], message: `the database refused a value of the batch of ${events.length}: ${failure.reason}` },
        ]);
      case "lost":
        return storeUnavailable(streamId, `the connection to PostgreSQL was lost: ${failure.reason}`);
      case "failed":
        return storeUnavailable(streamId, `PostgreSQL refused the append: ${failure.reason}`);
      default: {
        const never: never = failure;
        throw new Error(`unknown failure ${String(never)}`);
      }
    }
  }

  async #eventsOf(client: pg.ClientBase | pg.Pool, streamId: string, from: number, count: number): Promise<Envelope<E>[]> {
    const r = await client.query<{ body: Envelope<E> }>(`SELECT body FROM ${this.#s}.events WHERE stream_id = $1 AND version >= $2 ORDER BY version LIMIT $3`, [
      streamId,
      from,
      count,
    ]);
    return r.rows.map((row) => row.body);
  }

  // A read on the pool, tried once more on a fresh connection when the first one had been lost
  // (an idle connection the server terminated): reads change nothing, so a retry is safe.
  async #read<R extends pg.QueryResultRow>(text: string, values: readonly unknown[]): Promise<R[]> {
    try {
      return (await this.#pool.query<R>(text, values as unknown[])).rows;
    } catch (e) {
      if (!isLost(e)) throw e;
      return (await this.#pool.query<R>(text, values as unknown[])).rows;
    }
  }

  /** See `EventStore.readStream`: by the (stream_id, version) index, never a scan of the log. */
  async readStream(streamId: string, options: { readonly fromVersion?: number; readonly toVersion?: number } = {}): Promise<readonly Envelope<E>[]> {
    const from = bound(options.fromVersion, 1, Math.ceil);
    const to = bound(options.toVersion, Number.MAX_SAFE_INTEGER, Math.floor);
    // No stream can hold what text columns refuse: there is nothing to read.
    if (from === undefined || to === undefined || !isStorableText(streamId)) return [];
    const rows = await this.#read<{ body: Envelope<E> }>(
      `SELECT body FROM ${this.#s}.events WHERE stream_id = $1 AND version BETWEEN $2 AND $3 ORDER BY version`,
      [streamId, from, to],
    );
    return rows.map((row) => row.body);
  }

  /**
   * See `EventStore.readAll`: global order by position, after a position, a page at a time; only
   * rows of transactions older than every transaction still running, so none can appear later
   * below a position read.
   */
  readAll(options: { readonly after?: number; readonly limit?: number } = {}): Promise<readonly Recorded<E>[]> {
    return this.readAllOn(undefined, options);
  }

  /**
   * `readAll` on a connection the caller holds (a catch-up reads in the transaction that stores its
   * checkpoint, so it never needs a second connection from the pool), or on the pool when undefined.
   */
  async readAllOn(client: pg.ClientBase | undefined, options: { readonly after?: number; readonly limit?: number } = {}): Promise<readonly Recorded<E>[]> {
    const after = bound(options.after, 0, Math.floor);
    const limit = options.limit === undefined ? null : bound(options.limit, 0, Math.ceil);
    if (after === undefined || limit === undefined || (limit !== null && limit <= 0)) return [];
    const horizon = this.#gapSafe ? "AND tx < pg_snapshot_xmin(pg_current_snapshot())" : "";
    const text = `SELECT position, body FROM ${this.#s}.events WHERE position > $1 ${horizon} ORDER BY position LIMIT $2`;
    const rows =
      client === undefined
        ? await this.#read<{ position: string; body: Envelope<E> }>(text, [after, limit])
        : (await client.query<{ position: string; body: Envelope<E> }>(text, [after, limit])).rows;
    return rows.map((row) => ({ position: Number(row.position), event: row.body }));
  }

  /** See `EventStore.findCommand`. */
  async findCommand(commandId: string): Promise<CommandRecord<E> | undefined> {
    if (!isStorableText(commandId)) return undefined;
    const [row] = await this.#read<{ stream_id: string; fingerprint: string; first_version: string; count: number }>(
      `SELECT stream_id, fingerprint, first_version, count FROM ${this.#s}.commands WHERE command_id = $1`,
      [commandId],
    );
    if (row === undefined) return undefined;
    const events = await this.#eventsOf(this.#pool, row.stream_id, Number(row.first_version), row.count);
    return { streamId: row.stream_id, fingerprint: row.fingerprint, events };
  }
}
