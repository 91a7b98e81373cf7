import type { AnyEvent, Envelope } from "./envelope.js";
import { type IntegrityCode, type IntegrityFailure, integrityFailure } from "./errors.js";
import { err, ok, type Result } from "./result.js";
import { isBefore } from "./time.js";

/** The fields of a stored event that its place in the log depends on. */
export interface Placed {
  readonly id: string;
  readonly streamId: string;
  readonly version: number;
}

/** Where an event falls: the next of its stream, a repeat of one already read, or out of place. */
export type Placement = { readonly kind: "next" } | { readonly kind: "repeat" } | { readonly kind: "failure"; readonly error: IntegrityFailure };

const NEXT: Placement = { kind: "next" };
const REPEAT: Placement = { kind: "repeat" };

/**
 * Why an event cannot follow the last version read of its stream (named `stream`): a `version_gap`
 * when it skips ahead, `reordered` when another event already holds its version. The one wording of
 * both, for the stream tracker and for `verify`.
 * @internal
 */
export const outOfPlace = (stream: string, e: Placed, last: number): IntegrityFailure => {
  const at = (why: string, code: IntegrityCode, extra: Record<string, unknown> = {}): IntegrityFailure =>
    integrityFailure(code, `${stream} version ${e.version}: ${why}`, { streamId: stream, version: e.version, expected: last + 1, ...extra });
  if (e.version > last + 1) {
    const missing = e.version - last - 1 > 1 ? `versions ${last + 1}–${e.version - 1}` : `version ${last + 1}`;
    return at(`follows version ${last}: ${missing} missing, or the log is out of order.`, "version_gap");
  }
  return at(`another event (${e.id}) claims a version already read: events are duplicated under new ids or out of order.`, "reordered", { eventId: e.id });
};

/**
 * Follows each stream's position while a log is read in order — the one order check behind
 * `verify`, `checkSequence` and every projection. Versions must run 1, 2, 3… in each stream. An
 * event at a version already read is a `repeat` when it is the very event read there (same id):
 * a redelivery, which a projection skips. Anything else is a failure naming the stream and
 * version: `version_gap` (a version is missing, or comes later: events out of order) or
 * `reordered` (a different event claims a version already read).
 *
 * Positions resumed from an earlier run (`from`) carry versions but not ids, so an event at or
 * below a resumed position is taken to be a redelivery: by contiguity it was read then. With
 * `eachOnce` (a log known to hold each event once: a file or table keyed by event id, or one
 * verified in the same pass) no id is kept, so memory follows the streams and not the log; an event
 * at a version already read is then out of place (`reordered`), never a redelivery.
 *
 * @example
 * const track = streamTracker();
 * track.place({ id: "e1", streamId: "s", version: 1 }); // { kind: "next" }
 * track.place({ id: "e1", streamId: "s", version: 1 }); // { kind: "repeat" }
 * track.place({ id: "e3", streamId: "s", version: 3 }); // { kind: "failure", error: { code: "version_gap", … } }
 */
export const streamTracker = (
  options: { readonly from?: ReadonlyMap<string, number>; readonly name?: (streamId: string) => string; readonly eachOnce?: boolean } = {},
) => {
  const name = options.name ?? ((s: string) => s);
  const keepIds = options.eachOnce !== true;
  // Per stream: the last version read, and the ids read after the resumed position `base`.
  const streams = new Map<string, { version: number; base: number; ids: string[] }>();
  for (const [stream, version] of options.from ?? []) streams.set(stream, { version, base: version, ids: [] });
  return {
    /** Place the next event read; records it when it is `next`. */
    place(e: Placed): Placement {
      const stream = name(e.streamId);
      const s = streams.get(stream);
      const last = s?.version ?? 0;
      if (e.version === last + 1) {
        if (s === undefined) streams.set(stream, { version: 1, base: 0, ids: keepIds ? [e.id] : [] });
        else {
          s.version = e.version;
          if (keepIds) s.ids.push(e.id);
        }
        return NEXT;
      }
      // At or below the last version read: the same event again, or another one claiming its place.
      const base = s?.base ?? 0;
      if (e.version <= last && (e.version <= base || (keepIds && s?.ids[e.version - base - 1] === e.id))) return REPEAT;
      return { kind: "failure", error: outOfPlace(stream, e, last) };
    },
    /** The last version read of every stream, by the name streams are kept under. */
    positions(): Map<string, number> {
      return new Map([...streams].map(([stream, s]) => [stream, s.version]));
    },
  };
};

/** A stream tracker. */
export type StreamTracker = ReturnType<typeof streamTracker>;

/** What a sound log looks like from the outside: how many streams and events it holds. */
export interface SequenceSummary {
  readonly streams: number;
  readonly events: number;
}

/**
 * An order check fed one event at a time (see `checkSequence`, which is this fed from an iterable),
 * so that a log read from a file or a cursor is checked without being held.
 *
 * @example
 * const check = startSequenceCheck();
 * for await (const e of events) check.push(e);
 * const r = check.finish();
 */
export interface SequenceCheck<E extends AnyEvent> {
  /** Read the next event; after the first broken link the rest is not judged. */
  push(event: Envelope<E>): void;
  /** The first broken link, or what the log holds. */
  finish(): Result<SequenceSummary, IntegrityFailure>;
}

/**
 * Start an order check (see `SequenceCheck`).
 *
 * @example
 * const check = startSequenceCheck();
 * for (const e of events) check.push(e);
 * if (!check.finish().ok) console.error("out of order");
 */
export const startSequenceCheck = <E extends AnyEvent>(options: { readonly name?: (streamId: string) => string } = {}): SequenceCheck<E> => {
  const track = streamTracker(options);
  const ids = new Set<string>();
  const recorded = new Map<string, string>();
  let count = 0;
  let failure: IntegrityFailure | undefined;
  const at = (e: Envelope<E>) => ({ stream: options.name === undefined ? e.streamId : options.name(e.streamId), version: e.version });
  const judge = (e: Envelope<E>): IntegrityFailure | undefined => {
    const before = ids.size;
    ids.add(e.id);
    if (ids.size === before) {
      const { stream, version } = at(e);
      return integrityFailure("duplicate_event", `${stream} version ${version}: event ${e.id} appears twice.`, { streamId: stream, version, eventId: e.id });
    }
    const placed = track.place(e);
    if (placed.kind === "failure") return placed.error;
    const previous = recorded.get(e.streamId);
    if (previous !== undefined && isBefore(e.recordedAt, previous)) {
      const { stream, version } = at(e);
      const why = `${stream} version ${version}: recorded at ${e.recordedAt}, before the event it follows.`;
      return integrityFailure("recorded_at_backwards", why, { streamId: stream, version });
    }
    recorded.set(e.streamId, e.recordedAt);
    return undefined;
  };
  return {
    push(e) {
      if (failure !== undefined) return;
      count++;
      failure = judge(e);
    },
    finish: () => (failure === undefined ? ok({ streams: recorded.size, events: count }) : err(failure)),
  };
};

/**
 * Check the order of a log without hashes: within each stream, versions run 1, 2, 3… with no gap,
 * repeat or reordering, `recordedAt` never goes backwards, and no event id appears twice. Returns
 * the first broken link, with the stream, the version and why (`duplicate_event`, `version_gap`,
 * `reordered`, `recorded_at_backwards` — the codes `verify` uses).
 *
 * @example
 * const r = checkSequence(events);
 * if (!r.ok) console.error(r.error.message); // "project:p1 version 5: follows version 3: version 4 missing, …"
 */
export const checkSequence = <E extends AnyEvent>(
  events: Iterable<Envelope<E>>,
  options: { readonly name?: (streamId: string) => string } = {},
): Result<SequenceSummary, IntegrityFailure> => {
  const check = startSequenceCheck<E>(options);
  for (const e of events) check.push(e);
  return check.finish();
};
