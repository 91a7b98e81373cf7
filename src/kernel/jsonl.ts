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

// Where decoded lines go: one per outcome, kept apart so the hot path allocates nothing per line.
interface LineSink<R extends EventRegistry> {
  readonly events: Envelope<EventOf<R>>[];
  readonly stored: StoredRecord[];
  readonly errors: LineError[];
}

// Decode one line (its 1-based number given) into the sink.
const decodeLine = <R extends EventRegistry>(codec: Codec<R>, raw: string, line: number, into: LineSink<R>): void => {
  if (raw.trim() === "") return;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    // Only the position: the parser's own message quotes the line, which may hold a reference.
    const at = /position (\d+)/u.exec(e instanceof Error ? e.message : "")?.[1];
    into.errors.push({ line, reason: `not valid JSON${at === undefined ? "" : ` (at character ${Number(at) + 1})`}` });
    return;
  }
  const decoded = codec.decode(json);
  if (decoded.ok) {
    into.events.push(decoded.value);
    into.stored.push(json as StoredRecord);
  } else into.errors.push({ line, reason: decoded.error.message, error: decoded.error });
};

/**
 * Decode a JSON-lines text (one envelope per line; blank lines ignored) without I/O. Every bad line
 * is reported with its number and reason; good lines still decode. For a log too large to hold,
 * `decodeJsonlChunks` reads it piece by piece.
 *
 * @example
 * const { events, errors } = decodeJsonl(codec, await readFile("log.jsonl", "utf8"));
 * for (const e of errors) console.error(`line ${e.line}: ${e.reason}`);
 */
export const decodeJsonl = <R extends EventRegistry>(codec: Codec<R>, text: string): JsonlDecoded<R> => {
  const out: LineSink<R> = { events: [], stored: [], errors: [] };
  let line = 0;
  // A byte-order mark is how some editors start a UTF-8 file; it is not part of the first line.
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start <= text.length) {
    const end = text.indexOf("\n", start);
    line++;
    decodeLine(codec, text.slice(start, end === -1 ? text.length : end), line, out);
    start = end === -1 ? text.length + 1 : end + 1;
  }
  return out;
};

/**
 * Decode a JSON-lines log that arrives in pieces of text — a file stream read with an encoding, a
 * network response decoded as it comes — holding no more than one piece and one line at a time.
 * Yields, for each piece, what `decodeJsonl` gives for the lines it completes (line numbers count
 * from the start of the log), so that a caller can verify and project the log as it is read: memory
 * follows what the caller keeps, not the log.
 *
 * @example
 * const pieces = [line.slice(0, 10), `${line.slice(10)}\n`]; // in Node: createReadStream(file, { encoding: "utf8" })
 * const verification = startVerification({ hashView: labHashView });
 * for await (const part of decodeJsonlChunks(codec, pieces)) {
 *   for (const e of part.errors) console.error(`line ${e.line}: ${e.reason}`);
 *   for (const record of part.stored) verification.push(record);
 * }
 */
export async function* decodeJsonlChunks<R extends EventRegistry>(
  codec: Codec<R>,
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<JsonlDecoded<R>, void, undefined> {
  let line = 0;
  let rest = "";
  let first = true;
  for await (const chunk of chunks) {
    let text = rest + chunk;
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const out: LineSink<R> = { events: [], stored: [], errors: [] };
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      decodeLine(codec, text.slice(start, end), ++line, out);
      start = end + 1;
    }
    rest = text.slice(start);
    yield out;
  }
  // The last line, when the log does not end with a newline.
  const out: LineSink<R> = { events: [], stored: [], errors: [] };
  decodeLine(codec, rest, line + 1, out);
  yield out;
}

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
