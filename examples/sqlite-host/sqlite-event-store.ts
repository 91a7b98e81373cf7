/**
 * An `EventStore` over SQLite (better-sqlite3), in one file with WAL mode: a real host adapter,
 * and the template for PostgreSQL or others. Each append is one `BEGIN IMMEDIATE` transaction, so
 * it is all or nothing and writers on several connections queue for the write lock (up to the busy
 * timeout) instead of failing half-way; the unique (stream_id, version) key is the concurrency check
 * of last resort. Busy and conflicting writers get `concurrency_conflict` values, a database that
 * fails (a full disk, an I/O error, a closed connection) `store_unavailable`: `append` never throws.
 */
import Database from "better-sqlite3";
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
  storeUnavailable,
} from "../../src/index.js";
import { validationError } from "../../src/kernel/index.js";

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position  INTEGER PRIMARY KEY AUTOINCREMENT,
    id        TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    version   INTEGER NOT NULL,
    json      TEXT NOT NULL,
    UNIQUE (stream_id, version)
  );
  CREATE TABLE IF NOT EXISTS commands (
    command_id  TEXT PRIMARY KEY,
    stream_id   TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    first_position INTEGER NOT NULL,
    count       INTEGER NOT NULL
  );
`;

/** Thrown inside a transaction to roll it back with a domain error. */
class Refused extends Error {
  constructor(readonly error: AppendError) {
    super(error.message);
  }
}

/** Options of the SQLite store. */
export interface SqliteStoreOptions {
  /** How long a writer waits for another connection's write lock before `concurrency_conflict` (default 5,000 ms). */
  readonly busyTimeoutMs?: number;
  /** Called inside the append's transaction, after the events are written and before the commit (tests make the disk fail there). */
  readonly beforeCommit?: (db: Database.Database) => void;
}

/** An event store in a SQLite file. Call `close()` when done. */
export class SqliteEventStore<E extends AnyEvent = AnyEvent> implements EventStore<E> {
  readonly #db: Database.Database;
  readonly #busyTimeoutMs: number;
  readonly #head: Database.Statement<[string], { version: number | null }>;
  readonly #insert: Database.Statement<[string, string, number, string]>;
  readonly #stream: Database.Statement<[string, number, number], { json: string }>;
  readonly #all: Database.Statement<[number, number], { position: number; json: string }>;
  readonly #command: Database.Statement<[string], { stream_id: string; fingerprint: string; first_position: number; count: number }>;
  readonly #byPosition: Database.Statement<[number, number], { json: string }>;
  readonly #remember: Database.Statement<[string, string, string, number, number]>;
  readonly #eventById: Database.Statement<[string], { position: number }>;
  readonly #append: Database.Transaction<(streamId: string, events: readonly Envelope<E>[], options: AppendOptions) => AppendResult<E>>;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.#db = new Database(file);
    // Wait for another connection's write to finish rather than fail at once.
    this.#busyTimeoutMs = Math.max(0, Math.floor(options.busyTimeoutMs ?? 5_000));
    this.#db.pragma(`busy_timeout = ${this.#busyTimeoutMs}`);
    this.#db.pragma("journal_mode = WAL");
    this.#db.pragma("synchronous = NORMAL");
    this.#db.exec(SCHEMA);
    const { beforeCommit } = options;
    this.#head = this.#db.prepare("SELECT MAX(version) AS version FROM events WHERE stream_id = ?");
    this.#insert = this.#db.prepare("INSERT INTO events (id, stream_id, version, json) VALUES (?, ?, ?, ?)");
    this.#stream = this.#db.prepare("SELECT json FROM events WHERE stream_id = ? AND version BETWEEN ? AND ? ORDER BY version");
    this.#all = this.#db.prepare("SELECT position, json FROM events WHERE position > ? ORDER BY position LIMIT ?");
    this.#command = this.#db.prepare("SELECT stream_id, fingerprint, first_position, count FROM commands WHERE command_id = ?");
    this.#byPosition = this.#db.prepare("SELECT json FROM events WHERE position >= ? ORDER BY position LIMIT ?");
    this.#eventById = this.#db.prepare("SELECT position FROM events WHERE id = ?");
    this.#remember = this.#db.prepare("INSERT INTO commands (command_id, stream_id, fingerprint, first_position, count) VALUES (?, ?, ?, ?, ?)");
    this.#append = this.#db.transaction((streamId: string, events: readonly Envelope<E>[], options: AppendOptions): AppendResult<E> => {
      const current = this.#head.get(streamId)?.version ?? 0;
      const row = options.commandId === undefined ? undefined : this.#command.get(options.commandId);
      const plan = planAppend(streamId, events, options, current, row && { streamId: row.stream_id, fingerprint: row.fingerprint });
      if (!plan.ok) throw new Refused(plan.error);
      if (plan.value.replay && row !== undefined) {
        const stored = this.#byPosition.all(row.first_position, row.count).map((r) => JSON.parse(r.json) as Envelope<E>);
        return { events: stored, version: current, replayed: true };
      }
      let first = 0;
      events.forEach((e, i) => {
        const info = this.#insert.run(e.id, streamId, e.version, JSON.stringify(e));
        if (i === 0) first = Number(info.lastInsertRowid);
      });
      const { fingerprint } = plan.value.replay ? { fingerprint: undefined } : plan.value;
      if (options.commandId !== undefined && fingerprint !== undefined && events.length > 0) {
        this.#remember.run(options.commandId, streamId, fingerprint, first, events.length);
      }
      if (events.length > 0) beforeCommit?.(this.#db);
      return { events: [...events], version: current + events.length, replayed: false };
    });
  }

  /** See `EventStore.append`: one immediate transaction; the unique (stream, version) key backs the version check. */
  append(streamId: string, events: readonly Envelope<E>[], options: AppendOptions): Promise<Result<AppendResult<E>, AppendError>> {
    try {
      // IMMEDIATE takes the write lock before reading the stream's head, so no other connection
      // can move the head between the check and the insert (and no read has to upgrade to a write).
      return Promise.resolve(ok(this.#append.immediate(streamId, events, options)));
    } catch (e) {
      if (e instanceof Refused) return Promise.resolve(err(e.error));
      return Promise.resolve(err(this.#explain(e, streamId, events, options)));
    }
  }

  // What a database error means for the writer, as a value.
  #explain(e: unknown, streamId: string, events: readonly Envelope<E>[], options: AppendOptions): AppendError {
    // better-sqlite3 says a closed database with a TypeError: the store cannot be reached.
    if (e instanceof TypeError && /database connection is not open/u.test(e.message)) return storeUnavailable(streamId, "the database is closed");
    if (!(e instanceof Database.SqliteError)) throw e;
    // Another connection held the write lock past the busy timeout: try again later, as after a conflict.
    if (e.code === "SQLITE_BUSY" || e.code === "SQLITE_BUSY_SNAPSHOT" || e.code === "SQLITE_LOCKED") {
      const held = `another connection held the database's write lock past the busy timeout (${this.#busyTimeoutMs} ms)`;
      return concurrencyConflict(streamId, options.expectedVersion, this.#headOr(streamId, options.expectedVersion), held);
    }
    if (e.code === "SQLITE_CONSTRAINT_UNIQUE" && e.message.includes("events.id")) {
      const stored = new Set(events.map((x) => x.id).filter((id) => this.#eventById.get(id) !== undefined));
      return validationError(`append to ${streamId}`, [
        {
          path: ["id"],
          message: `event id${stored.size > 1 ? "s" : ""} ${[...stored].join(", ") || "(one of the batch)"} already stored: every event needs a new id`,
        },
      ]);
    }
    if (e.code === "SQLITE_CONSTRAINT_UNIQUE" || e.code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
      // Another connection got there first: the constraint, not our check, said so.
      return concurrencyConflict(streamId, options.expectedVersion, this.#headOr(streamId, options.expectedVersion + 1));
    }
    // Anything else is the database failing (SQLITE_FULL, SQLITE_IOERR, SQLITE_READONLY…): the
    // transaction was rolled back, so nothing was written, and the append may be replayed.
    return storeUnavailable(streamId, `${e.message} (${e.code})`);
  }

  // The stream's head, or `otherwise` while the database is still locked and the head cannot be read.
  #headOr(streamId: string, otherwise: number): number {
    try {
      return this.#head.get(streamId)?.version ?? 0;
    } catch {
      return otherwise;
    }
  }

  /** See `EventStore.readStream`. */
  readStream(streamId: string, options: { readonly fromVersion?: number; readonly toVersion?: number } = {}): Promise<readonly Envelope<E>[]> {
    const rows = this.#stream.all(streamId, options.fromVersion ?? 1, options.toVersion ?? Number.MAX_SAFE_INTEGER);
    return Promise.resolve(rows.map((r) => JSON.parse(r.json) as Envelope<E>));
  }

  /** See `EventStore.readAll`. */
  readAll(options: { readonly after?: number; readonly limit?: number } = {}): Promise<readonly Recorded<E>[]> {
    const rows = this.#all.all(options.after ?? 0, options.limit ?? -1);
    return Promise.resolve(rows.map((r) => ({ position: r.position, event: JSON.parse(r.json) as Envelope<E> })));
  }

  /** See `EventStore.findCommand`. */
  findCommand(commandId: string): Promise<CommandRecord<E> | undefined> {
    const row = this.#command.get(commandId);
    if (row === undefined) return Promise.resolve(undefined);
    const events = this.#byPosition.all(row.first_position, row.count).map((r) => JSON.parse(r.json) as Envelope<E>);
    return Promise.resolve({ streamId: row.stream_id, fingerprint: row.fingerprint, events });
  }

  /** Close the database file. */
  close(): void {
    this.#db.close();
  }
}
