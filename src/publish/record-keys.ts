import { hmac } from "@noble/hashes/hmac";
import { sha256 } from "@noble/hashes/sha2";
import { utf8ToBytes } from "@noble/hashes/utils";
import { KEY_SPACE } from "./perturbation.js";

/**
 * The record keys of the cell-key method: a whole number from 0 to 2³² − 1 for each record, derived
 * with HMAC-SHA-256 under the host's secret from what identifies the record — a person's redacted
 * form (`sha256:…`, never the reference itself, so a person keeps their key when erased), a
 * session for the people it counted anonymously. Without the secret the keys cannot be worked out,
 * so neither can the noise; with the same secret they never change, so the same people get the
 * same noise in every table and every release.
 */
export interface RecordKeys {
  /** A person's key, from their redacted form. */
  readonly person: (redacted: string) => number;
  /** The key of a block of people a session counted without identifying them: `what` is `people:<n>` (its whole count), `age:<band>` or `gender:<gender>`. */
  readonly block: (what: string, session: string) => number;
  /** The key of the `n`th attendance beyond each person's first in a count of attendances (n from 0). */
  readonly attendance: (n: number) => number;
}

const DOMAIN = "labx-core cell key v1";

/**
 * Record keys under a secret (the host's: at least 32 characters, kept and reused for every release):
 * the same secret and record always give the same key.
 */
export const recordKeys = (secret: string): RecordKeys => {
  const keyed = hmac.create(sha256, utf8ToBytes(secret));
  const derive = (text: string): number => {
    const d = keyed
      .clone()
      .update(utf8ToBytes(`${DOMAIN}|${text}`))
      .digest();
    return (((d[0] ?? 0) << 24) | ((d[1] ?? 0) << 16) | ((d[2] ?? 0) << 8) | (d[3] ?? 0)) >>> 0;
  };
  const extra: number[] = [];
  return {
    person: (redacted) => derive(`person|${redacted}`),
    block: (what, session) => derive(`${what}|${session}`),
    attendance: (n) => (extra[n] ??= derive(`attendance|${n}`)),
  };
};

/** Add record keys into a cell key: their sum, modulo 2³². */
export const addKeys = (a: number, b: number): number => (a + b) % KEY_SPACE;
