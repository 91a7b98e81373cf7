/**
 * The kernel at work, before any innovation-lab rule exists: a tiny "suggestion box" decider
 * defined right here, three commands handled through the in-memory store, and what came out.
 *
 * Run: npm run demo
 */
import * as z from "zod";
import { type Context, createCodec, encodeJsonl, err, fold, handle, InMemoryEventStore, ok } from "../src/index.js";
import { type Decider, defineEvent, type EventOf, ruleViolation } from "../src/kernel/index.js";

const boxEvents = {
  BoxOpened: defineEvent(z.strictObject({ boxId: z.string(), topic: z.string().min(3) })),
  SuggestionMade: defineEvent(z.strictObject({ boxId: z.string(), text: z.string().min(1).max(280) })),
  BoxClosed: defineEvent(z.strictObject({ boxId: z.string() })),
};
type BoxEvent = EventOf<typeof boxEvents>;

const BoxCommand = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("OpenBox"), boxId: z.string(), topic: z.string().min(3) }),
  z.strictObject({ type: z.literal("Suggest"), boxId: z.string(), text: z.string().min(1).max(280) }),
  z.strictObject({ type: z.literal("CloseBox"), boxId: z.string() }),
]);
type BoxCommand = z.infer<typeof BoxCommand>;

interface BoxState {
  status: "none" | "open" | "closed";
  topic: string;
  suggestions: string[];
}

const box: Decider<BoxCommand, BoxState, BoxEvent> = {
  commandSchema: BoxCommand,
  events: boxEvents,
  streamOf: (c) => `box:${c.boxId}`,
  initialState: { status: "none", topic: "", suggestions: [] },
  decide: (c, s) => {
    switch (c.type) {
      case "OpenBox":
        return s.status === "none"
          ? ok([{ type: "BoxOpened", data: { boxId: c.boxId, topic: c.topic } }])
          : err(ruleViolation("box_exists", `Box ${c.boxId} already exists.`));
      case "Suggest":
        return s.status === "open"
          ? ok([{ type: "SuggestionMade", data: { boxId: c.boxId, text: c.text } }])
          : err(ruleViolation("box_not_open", `Box ${c.boxId} is not open for suggestions.`));
      case "CloseBox":
        return s.status === "open" ? ok([{ type: "BoxClosed", data: { boxId: c.boxId } }]) : err(ruleViolation("box_not_open", `Box ${c.boxId} is not open.`));
      default: {
        const never: never = c;
        return never;
      }
    }
  },
  evolve: (draft, e) => {
    switch (e.type) {
      case "BoxOpened":
        draft.status = "open";
        draft.topic = e.data.topic;
        break;
      case "SuggestionMade":
        draft.suggestions.push(e.data.text);
        break;
      case "BoxClosed":
        draft.status = "closed";
        break;
      default: {
        const never: never = e;
        return never;
      }
    }
  },
};

let tick = 0;
let seq = 0;
const ctx = (commandId: string): Context => ({
  now: () => new Date(Date.UTC(2017, 2, 1, 9, tick++)),
  newId: () => `evt-${++seq}`,
  actor: { id: "facilitator-1", role: "facilitator" },
  commandId,
});

const store = new InMemoryEventStore<BoxEvent>();
const commands: [string, unknown][] = [
  ["c1", { type: "OpenBox", boxId: "b1", topic: "Renewing a citizen card" }],
  ["c2", { type: "Suggest", boxId: "b1", text: "Let me book the appointment online." }],
  ["c3", { type: "CloseBox", boxId: "b1" }],
  ["c4", { type: "Suggest", boxId: "b1", text: "Too late?" }],
  ["c5", { type: "Suggest", boxId: "b1", text: "" }],
  ["c2", { type: "Suggest", boxId: "b1", text: "Let me book the appointment online." }],
];
for (const [id, command] of commands) {
  const r = await handle(store, box, command, ctx(id));
  console.log(
    r.ok
      ? `${id}: ok${r.value.replayed ? " (retry: answered from the first try, nothing written)" : ""}, ${r.value.events.map((e) => e.type).join(", ")}`
      : `${id}: refused [${r.error.code}] ${r.error.message}`,
  );
}

const codec = createCodec(boxEvents);
const all = (await store.readAll()).map((r) => r.event);
console.log("\nThe stored log (JSON lines):");
process.stdout.write(encodeJsonl(codec, all));
console.log("\nState rebuilt from the log:");
console.log(fold(box, await store.readStream("box:b1")));
