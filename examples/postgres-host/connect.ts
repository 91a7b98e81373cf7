// How the PostgreSQL examples and tests find their server: LABX_PG_URL, as scripts/postgres.sh prints it.
import pg from "pg";

/** How to get a server, for messages. */
export const HOW_TO_START =
  'start one with: d=$(mktemp -d) && export LABX_PG_URL=$(scripts/postgres.sh start "$d")  (stop it with scripts/postgres.sh stop "$d")';

/** A pool on LABX_PG_URL, or undefined when it is not set. Pool errors (a killed connection) are logged, not thrown. */
export const poolFromEnv = (max = 10): pg.Pool | undefined => {
  const url = process.env.LABX_PG_URL;
  if (url === undefined || url === "") return undefined;
  const pool = new pg.Pool({ connectionString: url, max });
  // A connection the server closed (pg_terminate_backend, a restart) emits 'error' on an idle client.
  pool.on("error", () => undefined);
  return pool;
};
