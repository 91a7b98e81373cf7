import fc from "fast-check";
import type { Envelope } from "../../src/index.js";
import type { TallyEvent } from "./tally.js";

const at = (n: number): string => new Date(Date.UTC(2020, 0, 1) + n * 60_000).toISOString();

/** One tally stream's events: opened, some additions, maybe closed. */
const streamEvents = (tallyId: string) =>
  fc
    .tuple(fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 8 }), fc.boolean())
    .map(([adds, closed]): TallyEvent[] => [
      { type: "TallyOpened", data: { tallyId, label: `tally ${tallyId}`, unit: "items", limit: 1000 } },
      ...adds.map((by): TallyEvent => ({ type: "Added", data: { tallyId, by } })),
      ...(closed ? [{ type: "TallyClosed", data: { tallyId } } as TallyEvent] : []),
    ]);

/**
 * A log over several tally streams, interleaved in a random order that keeps each stream's own
 * order, as envelopes with ids, versions and times.
 */
export const tallyLog = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => streamEvents(`t${i}`))))
  .chain((streams) => {
    const total = streams.reduce((s, e) => s + e.length, 0);
    return fc.array(fc.nat({ max: streams.length - 1 }), { minLength: total * 2, maxLength: total * 2 }).map((picks) => {
      const cursors = streams.map(() => 0);
      const out: Envelope<TallyEvent>[] = [];
      const push = (k: number): void => {
        const stream = streams[k] as TallyEvent[];
        const c = cursors[k] as number;
        const e = stream[c] as TallyEvent;
        cursors[k] = c + 1;
        out.push({
          id: `e${out.length + 1}`,
          streamId: `tally:t${k}`,
          version: c + 1,
          type: e.type,
          schemaVersion: e.type === "TallyOpened" ? 3 : 1,
          occurredAt: at(out.length),
          recordedAt: at(out.length),
          actor: { id: "a", role: "lab_team" },
          data: e.data,
        } as Envelope<TallyEvent>);
      };
      for (const k of picks) if ((cursors[k] as number) < (streams[k] as TallyEvent[]).length) push(k);
      streams.forEach((s, k) => {
        while ((cursors[k] as number) < s.length) push(k);
      });
      return out;
    });
  });
