// One boundary for everything stored: whatever the context and the command, `execute` and `handle`
// return an error value or events that `decode` accepts unchanged — never a throw, never an event
// the host's own log would later refuse.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createCodec,
  decodeJsonl,
  encodeJsonl,
  execute,
  handle,
  InMemoryEventStore,
  type LabCommand,
  type LabContext,
  type LabEvent,
  labDecider,
  labEvents,
  nextSteps,
  permissions,
  fold,
} from "../../src/index.js";
import { projectDecider } from "../../src/lab/index.js";
import { testRegister } from "../../src/testing/index.js";
import { c, run, steps } from "./fixtures.js";

const codec = createCodec(labEvents);
const roundTrips = (events: readonly unknown[]): boolean => {
  const text = encodeJsonl(codec, events as never);
  const back = decodeJsonl(codec, text);
  return back.errors.length === 0 && JSON.stringify(back.events) === JSON.stringify(events);
};

// Ids, good and bad: what hosts really pass (names, spaces, e-mails, empty, huge, numbers).
const goodId = fc.constantFrom("u-17", "dm-2", "sys-import", "cmd-000042", "4f1c2a90-8d1e-4b53-9a0b-2d6a1c3e5f70");
const idLike = fc.oneof(
  { arbitrary: goodId, weight: 6 },
  { arbitrary: fc.constantFrom("Ana Silva", "", "req 42", "ana@example.pt", "x".repeat(300), "tab\there", "new\nline"), weight: 1 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
);
const anyValue = fc.oneof(idLike, fc.integer(), fc.constant(null), fc.constant(undefined), fc.boolean(), fc.object({ maxDepth: 1 }));
const role = fc.oneof(
  { arbitrary: fc.constantFrom("lab_team", "decision_maker", "facilitator", "evaluator", "system", "sponsor", "auditor"), weight: 8 },
  { arbitrary: fc.string({ maxLength: 70 }), weight: 1 },
);
const actorFor = (type: unknown) =>
  fc.oneof(
    {
      arbitrary: fc.record({
        id: goodId,
        role: fc.constantFrom(
          ...(typeof type === "string" && Object.hasOwn(permissions, type) ? permissions[type as LabCommand["type"]] : ["lab_team" as const]),
        ),
      }),
      weight: 6,
    },
    { arbitrary: fc.record({ id: goodId, role }), weight: 2 },
    { arbitrary: fc.record({ id: idLike, role, onBehalfOf: idLike }), weight: 2 },
    { arbitrary: fc.record({ id: idLike, role, email: fc.constant("ana@example.pt") }), weight: 1 },
    { arbitrary: anyValue, weight: 1 },
  );
const clock = fc.oneof(
  { arbitrary: fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => () => new Date(ms)), weight: 6 },
  fc.constantFrom(
    () => new Date(Number.NaN),
    () => new Date(Date.UTC(10_000, 0, 1)),
    () => new Date(-1e14),
    () => "2020-01-01T00:00:00Z" as unknown as Date,
    (): Date => {
      throw new Error("clock broken");
    },
  ),
);
let drawn = 0;
const ids = fc
  .oneof({ arbitrary: fc.constant("ok" as const), weight: 6 }, fc.constantFrom("empty", "number", "space", "repeat", "throw", "long"))
  .map((kind) => {
    let n = 0;
    const run = ++drawn;
    return (): string => {
      n++;
      switch (kind) {
        case "ok":
          return `evt-${run}-${n}`;
        case "empty":
          return "";
        case "number":
          return n as unknown as string;
        case "space":
          return `evt ${n}`;
        case "repeat":
          return "evt-same";
        case "long":
          return "e".repeat(201);
        case "throw":
          throw new Error("no ids left");
      }
    };
  });
const contextFor = (type: unknown) =>
  fc.record(
    {
      now: clock,
      newId: ids,
      actor: actorFor(type),
      commandId: idLike,
      correlationId: idLike,
      causationId: idLike,
      register: fc.oneof({ arbitrary: fc.constant(testRegister()), weight: 9 }, anyValue),
    },
    { requiredKeys: ["now", "newId", "actor", "register"] },
  );

// Commands: every builder, sometimes with a field replaced by anything at all.
const builders = Object.values(c) as ((...a: never[]) => Record<string, unknown>)[];
const commandFrom = (pool: typeof builders) =>
  fc
    .tuple(fc.constantFrom(...pool), fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, fc.tuple(fc.string({ maxLength: 12 }), anyValue)))
    .map(([build, change]) => {
      const base = build();
      if (change === undefined) return base;
      const keys = Object.keys(base);
      const key = keys.includes(change[0]) || change[0] === "" ? change[0] : (keys[change[0].length % keys.length] ?? "type");
      return { ...base, [key]: change[1] };
    });

describe("one boundary for everything stored", () => {
  const histories = [run([]), run(steps.inCoDesign), run([...steps.inCoDesign, c.schedule()]), run(steps.inPilot)];
  // Mostly commands the history allows (so many are accepted), sometimes any command at all.
  const command = fc.constantFrom(...histories).chain((history) => {
    const allowed = nextSteps(fold(projectDecider, history)).allowed as string[];
    const fitting = builders.filter((b) => allowed.includes(String(b().type)));
    return fc.tuple(fc.constant(history), fc.oneof({ arbitrary: commandFrom(fitting.length > 0 ? fitting : builders), weight: 3 }, commandFrom(builders)));
  });

  it("any context and any command: an error value, or events that decode accepts unchanged", () => {
    const seen = { accepted: 0, refused: 0, contextRefused: 0 };
    fc.assert(
      fc.property(
        command.chain(([history, cmd]) => fc.tuple(fc.constant(history), fc.constant(cmd), contextFor(cmd.type))),
        ([history, cmd, ctx]) => {
          // A throw fails the property, with fast-check's counterexample.
          const r = execute(labDecider, history, cmd, ctx as unknown as LabContext);
          if (!r.ok) {
            seen.refused++;
            if (r.error.kind === "validation" && r.error.details.subject === "context") seen.contextRefused++;
            expect(r.error.message.length).toBeLessThan(2_000);
            return true;
          }
          seen.accepted++;
          return roundTrips(r.value.events);
        },
      ),
      { numRuns: 3_000 },
    );
    console.log(
      `boundary property: ${seen.accepted} accepted and round-tripped, ${seen.contextRefused} bad contexts refused, ${seen.refused - seen.contextRefused} commands refused`,
    );
    // The generator reaches all three outcomes often, so the property is not vacuous.
    expect(seen.accepted).toBeGreaterThan(120);
    expect(seen.contextRefused).toBeGreaterThan(800);
    expect(seen.refused - seen.contextRefused).toBeGreaterThan(800);
  });

  it("the cases the trust review found are refused, naming the field", async () => {
    const store = new InMemoryEventStore<LabEvent>();
    const good = { now: () => new Date("2020-01-01T00:00:00Z"), newId: () => "evt-1", actor: { id: "u-1", role: "lab_team" }, register: testRegister() };
    const cases: [string, Record<string, unknown>, string][] = [
      ["a person's name as actor id", { ...good, actor: { id: "Ana Silva", role: "lab_team" } }, "actor.id"],
      ["an actor with an e-mail", { ...good, actor: { id: "u-1", role: "lab_team", email: "ana@example.pt" } }, "actor"],
      ["an empty actor id", { ...good, actor: { id: "", role: "lab_team" } }, "actor.id"],
      ["a command id with a space", { ...good, commandId: "req 42" }, "commandId"],
      ["a 300-character correlation id", { ...good, correlationId: "c".repeat(300) }, "correlationId"],
      ["newId() returning an empty string", { ...good, newId: () => "" }, "newId()"],
      ["newId() returning a number", { ...good, newId: () => 7 }, "newId()"],
      ["now() after the year 9999", { ...good, now: () => new Date(Date.UTC(10_000, 0, 1)) }, "now"],
      ["now() returning an invalid date", { ...good, now: () => new Date(Number.NaN) }, "now"],
      ["no register", { ...good, register: undefined }, "register"],
    ];
    for (const [what, ctx, field] of cases) {
      const r = await handle(store, labDecider, c.submit(), ctx as unknown as LabContext);
      expect(r.ok, what).toBe(false);
      if (!r.ok) {
        expect(r.error.kind, what).toBe("validation");
        expect(r.error.message, what).toContain(`at ${field}`);
      }
    }
    expect(store.size).toBe(0);
  });
});
