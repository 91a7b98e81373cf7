// How the PostgreSQL examples and tests find their server: LABX_PG_URL, as scripts/postgres.sh prints it.
import pg from "pg";

/** How to get a server, for messages. */
export const HOW_TO_START =
  'start one with: d=$(mktemp -d) && export LABX_PG_URL=$(scripts/postgres.sh start "$d")  (stop it with scripts/postgres.sh stop "$d")';

/**
 * A pool on LABX_PG_URL, or undefined when it is not set. An idle connection the server closes
 * (a killed backend, a restart) is dropped, not thrown; a host waits at most 10 s for a free
 * connection, after which the store answers `store_unavailable`.
 */
export const poolFromEnv = (max = 10): pg.Pool | undefined => {
  const url = process.env.LABX_PG_URL;
  if (url === undefined || url === "") return undefined;
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // A connection the server closed (pg_terminate_backend, a restart) emits 'error' on an idle client.
  pool.on("error", () => undefined);
  return pool;
};
