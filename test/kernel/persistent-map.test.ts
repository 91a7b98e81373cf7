import fc from "fast-check";
import { produce } from "immer";
import { describe, expect, it } from "vitest";
import { deepFreeze, PersistentMap, startWorking } from "../../src/kernel/index.js";

type Op =
  | { op: "set"; key: string; value: number }
  | { op: "grow"; from: number; count: number; value: number }
  | { op: "delete"; key: string }
  | { op: "get"; key: string }
  | { op: "iterate" };

// Keys from a pool small enough to be hit again (overwrites, deletes of present keys) and large
// enough that maps pass 32 entries, where both tries grow a second level.
const key = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map((n) => `k${n}`),
  fc.integer({ min: 0, max: 3000 }).map((n) => `s${n}`),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant("set" as const), key, value: fc.integer() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("delete" as const), key }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("get" as const), key }) },
  { weight: 1, arbitrary: fc.constant({ op: "iterate" as const }) },
  // Many keys at once, new or not, so that some maps pass 1,024 entries (a third level of slots).
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("grow" as const),
      from: fc.integer({ min: 0, max: 3000 }),
      count: fc.integer({ min: 1, max: 400 }),
      value: fc.integer(),
    }),
  },
);

describe("PersistentMap", () => {
  it("reads as a built-in Map under any sequence of set, delete, get and iteration, and leaves older maps unchanged", () => {
    const reached = { newKey: 0, overwrite: 0, deletePresent: 0, deleteAbsent: 0, getPresent: 0, getAbsent: 0, iterate: 0, past32: 0, past1024: 0 };
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300, size: "max" }), (ops) => {
        const model = new Map<string, number>();
        let map = PersistentMap.empty<string, number>();
        const older: [PersistentMap<string, number>, [string, number][]][] = [];
        for (const o of ops) {
          if (o.op === "set") {
            reached[model.has(o.key) ? "overwrite" : "newKey"]++;
            model.set(o.key, o.value);
            map = map.set(o.key, o.value);
          } else if (o.op === "grow") {
            for (let i = o.from; i < o.from + o.count; i++) {
              reached[model.has(`s${i}`) ? "overwrite" : "newKey"]++;
              model.set(`s${i}`, o.value + i);
              map = map.set(`s${i}`, o.value + i);
            }
          } else if (o.op === "delete") {
            reached[model.has(o.key) ? "deletePresent" : "deleteAbsent"]++;
            model.delete(o.key);
            map = map.delete(o.key);
          } else if (o.op === "get") {
            reached[model.has(o.key) ? "getPresent" : "getAbsent"]++;
            if (map.get(o.key) !== model.get(o.key) || map.has(o.key) !== model.has(o.key)) expect([o.key, map.get(o.key)]).toEqual([o.key, model.get(o.key)]);
          } else {
            reached.iterate++;
            const entries = [...model];
            if (JSON.stringify([...map]) !== JSON.stringify(entries)) expect([...map]).toEqual(entries);
            older.push([map, entries]);
          }
          if (map.size !== model.size) expect(map.size).toBe(model.size);
          if (model.size > 32) reached.past32++;
          if (model.size > 1024) reached.past1024++;
        }
        expect([...map.keys()]).toEqual([...model.keys()]);
        expect([...map.values()]).toEqual([...model.values()]);
        expect([...map.entries()]).toEqual([...model.entries()]);
        const seen: [string, number][] = [];
        map.forEach((v, k, m) => {
          expect(m).toBe(map);
          seen.push([k, v]);
        });
        expect(seen).toEqual([...model]);
        for (const [m, entries] of older) expect(JSON.stringify([...m])).toBe(JSON.stringify(entries));
      }),
      { numRuns: 100, seed: 25 },
    );
    // Every kind of operation is reached, on maps past both the first level and the second.
    for (const [what, n] of Object.entries(reached)) expect(n, what).toBeGreaterThan(100);
    console.log("PersistentMap property reached:", reached);
  });

  it("tells apart keys whose hashes collide, and keys of different types with the same text", () => {
    // Objects all hash by their text, "[object Object]": they share one bucket.
    const a = { id: "a" };
    const b = { id: "b" };
    const c = { id: "c" };
    let map = PersistentMap.from<unknown, string>([
      [a, "a"],
      [b, "b"],
      [1, "number"],
      ["1", "string"],
      [Number.NaN, "nan"],
    ]);
    map = map.set(c, "c").set(b, "b2").delete(a);
    expect([...map]).toEqual([
      [b, "b2"],
      [1, "number"],
      ["1", "string"],
      [Number.NaN, "nan"],
      [c, "c"],
    ]);
    expect(map.get(Number.NaN)).toBe("nan");
    expect(map.get({ id: "b" })).toBeUndefined();
    expect(map.delete(b).delete(c).get(1)).toBe("number");
    expect(map.delete({ id: "x" })).toBe(map);
  });

  it("is frozen with what it holds, serialises as a Map does and returns itself for a no-op", () => {
    const value = { nested: { n: 1 } };
    const map = PersistentMap.empty<string, typeof value>().set("x", value);
    expect(Object.isFrozen(map)).toBe(true);
    expect(Object.isFrozen(value.nested)).toBe(true);
    expect(map.set("x", value)).toBe(map);
    expect(JSON.stringify({ map })).toBe(JSON.stringify({ map: new Map([["x", value]]) }));
    expect(Object.prototype.toString.call(map)).toBe("[object PersistentMap]");
    expect(map.delete("x")).toBe(PersistentMap.empty());
  });

  it("is passed through immer, deepFreeze and cloneState as one value, not copied", () => {
    const sessions = PersistentMap.from([["s1", { n: 1 }]]);
    const state = deepFreeze({ sessions, count: 1 });
    expect(startWorking(state).sessions).toBe(sessions);
    const next = produce(state, (draft) => {
      expect(draft.sessions).toBe(sessions);
      draft.sessions = draft.sessions.set("s2", { n: 2 });
      draft.count++;
    });
    expect(state.sessions).toBe(sessions);
    expect([...next.sessions.keys()]).toEqual(["s1", "s2"]);
    expect(next.sessions.get("s1")).toBe(sessions.get("s1"));
  });

  it("compares with toEqual by its entries, in order", () => {
    const a = PersistentMap.from([
      ["x", 1],
      ["y", 2],
    ]);
    expect(a.set("z", 3).delete("z")).toEqual(a);
    expect(PersistentMap.from([["x", 1]]).set("y", 2)).toEqual(a);
    expect(a.set("y", 3)).not.toEqual(a);
  });

  it("stays linear to iterate after many deletes", () => {
    let map = PersistentMap.empty<number, number>();
    for (let i = 0; i < 2000; i++) map = map.set(i, i);
    for (let i = 0; i < 1990; i++) map = map.delete(i);
    expect([...map.keys()]).toEqual([1990, 1991, 1992, 1993, 1994, 1995, 1996, 1997, 1998, 1999]);
    expect(map.set(5, 5).size).toBe(11);
  });
});
