// A tiny decider and projection used by the kernel tests: tallies that can be added to and closed.
import * as z from "zod";
import { type Decider, defineEvent, type EventOf, ruleViolation } from "../../src/kernel/index.js";
import { err, ok, type Projection } from "../../src/index.js";

const TallyOpenedV1 = z.strictObject({ tallyId: z.string(), label: z.string() });
const TallyOpenedV2 = z.strictObject({ tallyId: z.string(), label: z.string(), unit: z.string() });
const TallyOpenedV3 = z.strictObject({ tallyId: z.string(), label: z.string(), unit: z.string(), limit: z.int().min(1) });

export const tallyEvents = {
  // Three versions, to exercise a two-step upcast chain.
  TallyOpened: defineEvent(TallyOpenedV3, [
    { schema: TallyOpenedV1, up: (d: z.infer<typeof TallyOpenedV1>) => ({ ...d, unit: "items" }) },
    { schema: TallyOpenedV2, up: (d: z.infer<typeof TallyOpenedV2>) => ({ ...d, limit: 100 }) },
  ]),
  Added: defineEvent(z.strictObject({ tallyId: z.string(), by: z.int().min(1).max(1000) })),
  TallyClosed: defineEvent(z.strictObject({ tallyId: z.string() })),
};
export type TallyEvent = EventOf<typeof tallyEvents>;

export const TallyCommand = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("Open"), tallyId: z.string().min(1), label: z.string(), limit: z.int().min(1).default(100) }),
  z.strictObject({ type: z.literal("Add"), tallyId: z.string().min(1), by: z.int() }),
  z.strictObject({ type: z.literal("Close"), tallyId: z.string().min(1) }),
]);
export type TallyCommand = z.infer<typeof TallyCommand>;

export interface TallyState {
  status: "none" | "open" | "closed";
  total: number;
  limit: number;
  /** The last five additions, most recent last: a small bounded collection, as decision states hold. */
  recent: number[];
}

export const tally: Decider<TallyCommand, TallyState, TallyEvent> = {
  commandSchema: TallyCommand,
  events: tallyEvents,
  streamOf: (c) => `tally:${c.tallyId}`,
  initialState: { status: "none", total: 0, limit: 0, recent: [] },
  decide: (c, s) => {
    switch (c.type) {
      case "Open":
        return s.status === "none"
          ? ok([{ type: "TallyOpened", data: { tallyId: c.tallyId, label: c.label, unit: "items", limit: c.limit } }])
          : err(ruleViolation("tally_exists", "This tally is already open."));
      case "Add":
        if (s.status !== "open") return err(ruleViolation("tally_not_open", "Open the tally first."));
        if (s.total + c.by > s.limit) return err(ruleViolation("over_limit", `At most ${s.limit}.`, { limit: s.limit }));
        // A negative `by` is let through on purpose so a test can see the emitted-event check refuse it.
        return ok([{ type: "Added", data: { tallyId: c.tallyId, by: c.by } }]);
      case "Close":
        return s.status === "open"
          ? ok([{ type: "TallyClosed", data: { tallyId: c.tallyId } }])
          : err(ruleViolation("tally_not_open", "Open the tally first."));
      default: {
        const never: never = c;
        return never;
      }
    }
  },
  evolve: (draft, e) => {
    switch (e.type) {
      case "TallyOpened":
        draft.status = "open";
        draft.limit = e.data.limit;
        break;
      case "Added":
        draft.total += e.data.by;
        draft.recent.push(e.data.by);
        if (draft.recent.length > 5) draft.recent.shift();
        break;
      case "TallyClosed":
        draft.status = "closed";
        break;
      default: {
        const never: never = e;
        return never;
      }
    }
  },
};

/** Totals per tally and overall: a projection with a merge. */
export interface Totals {
  byTally: Record<string, number>;
  events: number;
}

export const totals: Projection<Totals, TallyEvent> = {
  initialState: { byTally: {}, events: 0 },
  evolve: (draft, e) => {
    draft.events++;
    if (e.type === "Added") draft.byTally[e.data.tallyId] = (draft.byTally[e.data.tallyId] ?? 0) + e.data.by;
  },
  merge: (a, b) => {
    const byTally = { ...a.byTally };
    for (const [k, v] of Object.entries(b.byTally)) byTally[k] = (byTally[k] ?? 0) + v;
    return { byTally, events: a.events + b.events };
  },
};
