// A synthetic log for benchmarks: `streams` tally streams of `perStream` events each (one
// TallyOpened, then additions), interleaved in a seeded pseudo-random global order.
import type { Envelope } from "../src/index.js";
import { prng } from "../examples/shared/prng.js";
import type { TallyEvent } from "../test/kernel/tally.js";

export { prng };

/** One line of a benchmark table. */
export interface Row {
  readonly what: string;
  readonly n: number;
  readonly ms: number;
  readonly ratio?: number;
  readonly target?: string;
}

export interface SyntheticLog {
  readonly all: Envelope<TallyEvent>[];
  readonly byStream: Map<string, Envelope<TallyEvent>[]>;
}

export const syntheticLog = (streams: number, perStream: number, seed = 42): SyntheticLog => {
  const random = prng(seed);
  const byStream = new Map<string, Envelope<TallyEvent>[]>();
  const ids = Array.from({ length: streams }, (_, i) => `t${i}`);
  const next = new Array<number>(streams).fill(0);
  const live = ids.map((_, i) => i);
  const all: Envelope<TallyEvent>[] = [];
  const base = Date.UTC(2017, 0, 1);
  while (live.length > 0) {
    const slot = Math.floor(random() * live.length);
    const k = live[slot] as number;
    const tallyId = ids[k] as string;
    const version = (next[k] as number) + 1;
    next[k] = version;
    if (version === perStream) {
      live[slot] = live[live.length - 1] as number;
      live.pop();
    }
    const at = new Date(base + all.length * 1000).toISOString();
    const e = {
      id: `e${all.length + 1}`,
      streamId: `tally:${tallyId}`,
      version,
      type: version === 1 ? "TallyOpened" : "Added",
      schemaVersion: version === 1 ? 3 : 1,
      occurredAt: at,
      recordedAt: at,
      actor: { id: "bench", role: "system" },
      data: version === 1 ? { tallyId, label: `tally ${tallyId}`, unit: "items", limit: 1_000_000 } : { tallyId, by: 1 + (version % 7) },
    } as Envelope<TallyEvent>;
    all.push(e);
    let list = byStream.get(e.streamId);
    if (list === undefined) byStream.set(e.streamId, (list = []));
    list.push(e);
  }
  return { all, byStream };
};
