import type { Codec, EncodedEnvelope } from "./codec.js";
import type { Envelope } from "./envelope.js";
import type { DomainError } from "./errors.js";
import type { StoredRecord } from "./integrity.js";
import type { EventOf, EventRegistry } from "./registry.js";

/** A line of a JSON-lines text that could not be decoded: its 1-based number and why. */
export interface LineError {
  readonly line: number;
  readonly reason: string;
  /** The underlying error, when the line was JSON but not a valid event. */
  readonly error?: DomainError;
}

/** What `decodeJsonl` found: the events that decoded, in order, and every line that did not. */
export interface JsonlDecoded<R extends EventRegistry> {
  readonly events: readonly Envelope<EventOf<R>>[];
  /**
   * The same lines exactly as stored (parsed JSON, before any upcast), aligned with `events`: what
   * `verify` must hash, since an upcast event no longer looks like what was sealed.
   */
  readonly stored: readonly StoredRecord[];
  readonly errors: readonly LineError[];
}

/**
 * Decode a JSON-lines text (one envelope per line; blank lines ignored) without I/O. Every bad line
 * is reported with its number and reason; good lines still decode.
 *
 * @example
 * const { events, errors } = decodeJsonl(codec, await readFile("log.jsonl", "utf8"));
 * for (const e of errors) console.error(`line ${e.line}: ${e.reason}`);
 */
export const decodeJsonl = <R extends EventRegistry>(codec: Codec<R>, text: string): JsonlDecoded<R> => {
  const events: Envelope<EventOf<R>>[] = [];
  const stored: StoredRecord[] = [];
  const errors: LineError[] = [];
  let line = 0;
  // A byte-order mark is how some editors start a UTF-8 file; it is not part of the first line.
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start <= text.length) {
    const end = text.indexOf("\n", start);
    const raw = text.slice(start, end === -1 ? text.length : end);
    line++;
    start = end === -1 ? text.length + 1 : end + 1;
    if (raw.trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      // Only the position: the parser's own message quotes the line, which may hold a reference.
      const at = /position (\d+)/u.exec(e instanceof Error ? e.message : "")?.[1];
      errors.push({ line, reason: `not valid JSON${at === undefined ? "" : ` (at character ${Number(at) + 1})`}` });
      continue;
    }
    const decoded = codec.decode(json);
    if (decoded.ok) {
      events.push(decoded.value);
      stored.push(json as StoredRecord);
    } else errors.push({ line, reason: decoded.error.message, error: decoded.error });
  }
  return { events, stored, errors };
};

/**
 * Serialise envelopes as JSON lines (one per line, newline-terminated).
 *
 * @example
 * const text = encodeJsonl(codec, events); // write it wherever the host stores logs
 */
export const encodeJsonl = <R extends EventRegistry>(codec: Codec<R>, events: Iterable<Envelope<EventOf<R>>>): string => {
  let out = "";
  for (const e of events) out += `${JSON.stringify(codec.encode(e) satisfies EncodedEnvelope)}\n`;
  return out;
};
