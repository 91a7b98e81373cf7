// Whatever the context supplies and throws — the clock, the id source, a register lookup — refuses
// the command with a value naming it; nothing throws at the host, and nothing is written.
import { describe, expect, it } from "vitest";
import { handle, InMemoryEventStore, labDecider, type LabEvent, type LabRegister } from "../../src/index.js";
import { fixedContext, labCommands, testRegister } from "../../src/testing/index.js";

const c = labCommands("p1");
const broken = (lookup: keyof LabRegister): LabRegister => ({
  ...testRegister(),
  [lookup]: () => {
    throw new Error("register database unreachable");
  },
});

describe("a context that throws is refused, consistently", () => {
  for (const [what, ctx, path] of [
    ["the clock", fixedContext({}), ["now"]],
    ["a register lookup (entity)", fixedContext({ register: broken("entity") }), ["register", "entity"]],
    ["a register lookup (challenge)", fixedContext({ register: broken("challenge") }), ["register", "challenge"]],
  ] as const) {
    it(`${what}: validation_failed at ${path.join(".")}, nothing stored`, async () => {
      const store = new InMemoryEventStore<LabEvent>();
      const context =
        path[0] === "now"
          ? {
              ...ctx,
              now: () => {
                throw new Error("clock broken");
              },
            }
          : ctx;
      const r = await handle(store, labDecider, path[1] === "entity" ? c.submit() : c.submit({ replicationOf: "p0" }), context);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("validation_failed");
        expect(r.error.details).toMatchObject({ subject: "context", issues: [{ path: [...path], message: "threw when called" }] });
      }
      expect(await store.readAll()).toEqual([]);
    });
  }

  it("isForgotten throwing is refused the same way when attendance is recorded", async () => {
    const store = new InMemoryEventStore<LabEvent>();
    const ok = fixedContext({});
    for (const command of [c.submit(), c.accept(), c.join(), c.gate("G1"), c.advance(), c.schedule("s1", { scheduledFor: "2019-01-01T00:00:00Z" })]) {
      const role = command.type === "RecordGateDecision" ? { actor: { id: "dm-1", role: "decision_maker" as const } } : {};
      const r = await handle(store, labDecider, command, { ...ok, ...role, actor: role.actor ?? { id: "sys", role: "system" as const } });
      expect(r.ok, command.type).toBe(true);
    }
    const before = (await store.readAll()).length;
    const r = await handle(store, labDecider, c.attend("s1"), fixedContext({ register: broken("isForgotten"), actor: { id: "sys", role: "system" } }));
    expect(r.ok ? "" : r.error.details).toMatchObject({ issues: [{ path: ["register", "isForgotten"] }] });
    expect((await store.readAll()).length).toBe(before);
  });
});
