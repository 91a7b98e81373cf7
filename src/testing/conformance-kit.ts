import { canonicalJson, type Envelope, type EventStore } from "../kernel/index.js";
import { diff } from "./diff.js";

/** One case of a conformance suite: a name for the runner, and a check that throws on failure. */
export interface ConformanceCase {
  readonly name: string;
  readonly run: () => Promise<void>;
}

/** A neutral event the suite appends: the store must not care what is inside. */
export interface Noted {
  readonly type: "Noted";
  readonly data: { readonly n: number; readonly text: string };
}

/** A store, or a promise of one. */
export type StoreOrPromise = EventStore<Noted> | Promise<EventStore<Noted>>;

/**
 * Two hosts of one store: `dying` loses its connection inside its next append (after writing,
 * before committing); `healthy` is another host on the same database.
 */
export interface LostConnection {
  readonly dying: EventStore<Noted>;
  readonly healthy: EventStore<Noted>;
}

export const check = (ok: boolean, message: string): void => {
  if (!ok) throw new Error(message);
};
// Stores may keep events as JSON (PostgreSQL's jsonb reorders keys): events are compared as JSON
// values — every field, in any key order — never as text.
const asJson = (v: unknown): string => (v === undefined ? "undefined" : canonicalJson(JSON.parse(JSON.stringify(v)) as unknown));
export const same = (actual: unknown, expected: unknown, what: string): void => {
  if (asJson(actual) !== asJson(expected)) throw new Error(`${what} (- expected, + actual):\n${diff(expected, actual)}`);
};
// A long list compared element by element, so a failure shows the first event that differs, not the whole list.
export const sameList = (actual: readonly unknown[], expected: readonly unknown[], what: string): void => {
  same(actual.length, expected.length, `${what}: how many`);
  for (let i = 0; i < expected.length; i++) same(actual[i], expected[i], `${what}: item ${i + 1}`);
};

/** An append's outcome as the checks read it. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } };

// What every case works with: a fresh store, numbered events, and checks that name what failed.
export interface Kit {
  readonly makeStore: () => StoreOrPromise;
  readonly events: (streamId: string, after: number, count: number) => Envelope<Noted>[];
  /** Envelopes for any data (hostile values), numbered after `after` in `streamId`. */
  readonly raw: (streamId: string, after: number, data: readonly unknown[], type?: string) => Envelope<Noted>[];
  readonly must: <T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>, what: string) => Promise<T>;
  readonly fails: (p: Promise<{ ok: boolean; error?: { code: string } }>, code: string, what: string) => Promise<void>;
  readonly largeStream: number;
  readonly hugeBatch: number;
  readonly bigString: number;
  readonly sameStore: () => () => StoreOrPromise;
  readonly lostConnection: (() => Promise<LostConnection>) | undefined;
}
export type Case = (k: Kit) => ConformanceCase;
