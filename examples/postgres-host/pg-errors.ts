/**
 * What an error from `pg` means for a host, as one of a few kinds, so that the store and the
 * catch-up answer each with a value instead of throwing it:
 *
 * - `busy`: another transaction held what this one needed past a bound (a lock or statement
 *   timeout), or the server chose this transaction as the loser (serialization failure, deadlock).
 *   Nothing was written; trying again is right.
 * - `lost`: the connection or the server failed (terminated backend, restart, failover, network,
 *   idle-in-transaction timeout, no free connection, full disk). The transaction may or may not have
 *   committed if the commit itself was under way; a command id makes a replay safe.
 * - `refused`: the server refused a value (a data exception or a size limit), which the schemas
 *   should have refused first.
 * - `duplicate`: a unique key said no; `constraint` names which.
 * - `failed`: any other error the server reported (a missing table, a permission): the store is
 *   not usable as it is.
 *
 * Anything that is not from the database or the connection (a bug) is not classified: it is thrown.
 */
import pg from "pg";

/** What a `pg` error means, with the words to tell a person. */
export type PgFailure =
  | { readonly kind: "busy"; readonly reason: string }
  | { readonly kind: "lost"; readonly reason: string }
  | { readonly kind: "refused"; readonly reason: string }
  | { readonly kind: "duplicate"; readonly constraint: string; readonly reason: string }
  | { readonly kind: "failed"; readonly reason: string };

// SQLSTATEs of a connection or a server going away, or of the server being unable to serve.
const LOST = /^(08|53|57P0|58)/u;
const LOST_MESSAGES = /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|Connection ended|ECONNRESET|EPIPE/u;

const describe = (e: pg.DatabaseError): string => `${e.message} (${e.code ?? "no code"})`;

/** What a `pg` error means, or undefined when it is not an error of the database or the connection. */
export const pgFailure = (e: unknown): PgFailure | undefined => {
  if (e instanceof pg.DatabaseError) {
    const code = e.code ?? "";
    if (code === "55P03") return { kind: "busy", reason: `another transaction held a lock past the lock timeout (${describe(e)})` };
    if (code === "57014") return { kind: "busy", reason: `the append ran past the statement timeout (${describe(e)})` };
    if (code === "40001" || code === "40P01") return { kind: "busy", reason: `the server chose this transaction to give way (${describe(e)})` };
    if (code === "23505") return { kind: "duplicate", constraint: e.constraint ?? "", reason: describe(e) };
    if (code === "25P03")
      return { kind: "lost", reason: `the transaction sat idle past the idle-in-transaction timeout and the server ended the session (${describe(e)})` };
    if (LOST.test(code)) return { kind: "lost", reason: describe(e) };
    if (code.startsWith("22") || code.startsWith("54")) return { kind: "refused", reason: describe(e) };
    return { kind: "failed", reason: describe(e) };
  }
  if (!(e instanceof Error)) return undefined;
  const system = (e as { code?: unknown }).code;
  if ((typeof system === "string" && /^E[A-Z]+$/u.test(system)) || LOST_MESSAGES.test(e.message)) {
    return { kind: "lost", reason: typeof system === "string" ? `${e.message} (${system})` : e.message };
  }
  return undefined;
};

/** Whether an error is the connection (or the server) going away: what a reader retries once, and a catch-up resumes after. */
export const isLost = (e: unknown): boolean => pgFailure(e)?.kind === "lost";
