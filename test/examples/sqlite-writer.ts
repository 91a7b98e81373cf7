// One writer process of the SQLite concurrency test: opens the shared file on its own connection
// and handles commands on a few shared streams, counting what came back. Prints one JSON line.
import * as z from "zod";
import { type Decider, defineEvent, type EventOf } from "../../src/kernel/index.js";
import { handle, ok } from "../../src/index.js";
import { fixedContext } from "../../src/testing/index.js";
import { SqliteEventStore } from "../../examples/sqlite-host/sqlite-event-store.js";

const [file, writer, count, streams] = process.argv.slice(2);
const events = { Noted: defineEvent(z.strictObject({ writer: z.string(), n: z.int() })) };
type Noted = EventOf<typeof events>;
const Note = z.strictObject({ type: z.literal("Note"), stream: z.string(), writer: z.string(), n: z.int() });
const notes: Decider<z.infer<typeof Note>, { count: number }, Noted> = {
  commandSchema: Note,
  events,
  streamOf: (c) => c.stream,
  initialState: { count: 0 },
  decide: (c) => ok([{ type: "Noted", data: { writer: c.writer, n: c.n } }]),
  evolve: (s) => {
    s.count++;
  },
};

const store = new SqliteEventStore<Noted>(file ?? "", { busyTimeoutMs: 2_000 });
const tally = { ok: 0, conflicts: 0, other: [] as string[], threw: [] as string[] };
for (let n = 0; n < Number(count); n++) {
  const stream = `s-${n % Number(streams)}`;
  try {
    const r = await handle(
      store,
      notes,
      { type: "Note", stream, writer: String(writer), n },
      fixedContext({ newId: () => `w${writer}-${n}`, commandId: `cmd-w${writer}-${n}` }),
      { retries: 20 },
    );
    if (r.ok) tally.ok++;
    else if (r.error.code === "concurrency_conflict") tally.conflicts++;
    else tally.other.push(r.error.message);
  } catch (e) {
    tally.threw.push(String(e));
  }
}
store.close();
console.log(JSON.stringify(tally));
