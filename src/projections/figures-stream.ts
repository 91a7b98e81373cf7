import { type DomainError, type Envelope, err, ok, type Projecting, type ProjectOptions, type Result, startReadOnce } from "../kernel/index.js";
import type { LabEvent } from "../lab/index.js";
import { type AsOf, selectAsOf } from "./as-of.js";
import { figuresOf, type LabFigures, labProjections, type LabProjectionsState } from "./figures.js";

/**
 * Every figure, built one event at a time — from a file read line by line, a database cursor — so
 * that the log is never held: memory follows the projections' state, not the log. The figures are
 * `computeFigures`'s on the same events.
 *
 * @example
 * const f = startFigures({ at: "2019-12-31T23:59:59Z" });
 * for await (const part of decodeJsonlChunks(codec, [line])) for (const e of part.events) f.push(e);
 * const r = f.finish();
 */
export interface FiguresRun {
  /** Read the next event of the log. */
  push(event: Envelope<LabEvent>): void;
  /** Every figure, or why there are none (invalid as-of options, a log out of order). The run is over. */
  finish(): Result<LabFigures, DomainError>;
}

/**
 * Start building every figure from a log read one event at a time (see `FiguresRun`), optionally
 * as of a date by business or record time. With `eachOnce`, for a log known to hold each event once
 * (see `ProjectOptions`), no event id is remembered: memory follows the figures' state alone. The
 * projections' state is read once, by the figures, and dropped, so it is not frozen.
 *
 * @example
 * const run = startFigures();
 * for (const e of events) run.push(e);
 * const r = run.finish(); // the same as computeFigures(events)
 */
export const startFigures = (asOf?: AsOf, options: Pick<ProjectOptions<LabEvent>, "eachOnce"> = {}): FiguresRun => {
  const where = asOf === undefined ? ok(undefined) : selectAsOf(asOf);
  const run: Projecting<LabProjectionsState, LabEvent> | undefined = where.ok
    ? startReadOnce(labProjections, { ...options, ...(where.value === undefined ? {} : { where: where.value }) })
    : undefined;
  return {
    push: (e) => run?.push(e),
    finish: () => {
      if (!where.ok) return where;
      const projected = (run as Projecting<LabProjectionsState, LabEvent>).finish();
      return projected.ok ? ok(figuresOf(projected.value.state, asOf ?? null)) : err(projected.error);
    },
  };
};

/**
 * `computeFigures` over events read one at a time from an async source (see `startFigures`):
 * a national log, years long, counted without holding it. Accepts sync iterables too.
 *
 * @example
 * const source = (async function* () { yield* events; })(); // a file decoded piece by piece, a cursor
 * const r = await computeFiguresAsync(source, { at: "2019-12-31T23:59:59Z" });
 */
export const computeFiguresAsync = async (
  events: AsyncIterable<Envelope<LabEvent>> | Iterable<Envelope<LabEvent>>,
  asOf?: AsOf,
): Promise<Result<LabFigures, DomainError>> => {
  const run = startFigures(asOf);
  for await (const e of events) run.push(e);
  return run.finish();
};
