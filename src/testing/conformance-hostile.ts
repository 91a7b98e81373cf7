import { MAX_JSON_DEPTH } from "../kernel/index.js";
import { type Case, check, type Outcome, same } from "./conformance-kit.js";

const nest = (depth: number): Record<string, unknown> => (depth <= 1 ? { leaf: "bottom" } : { down: nest(depth - 1) });

// Every kind of value JSON can hold that a store might mangle: each must come back as it went in.
const keptValues = (): Record<string, unknown>[] => [
  { text: "𝄞 😀 🇵🇹 ⽕ \u00e9\u0301", separators: "line\u2028paragraph\u2029", controls: String.fromCharCode(...Array.from({ length: 31 }, (_, i) => i + 1)) },
  { quotes: "\"'\\/`", bom: "\ufeffstart", nonCharacters: "\ufffe\uffff\ufdd0", empty: "", space: " \t\n" },
  { negativeZero: -0, huge: 1e308, tiny: 5e-324, negativeHuge: -1e308, safe: Number.MAX_SAFE_INTEGER, unsafeNegative: -Number.MAX_SAFE_INTEGER },
  { fractions: [0.1, 1e-7, 123456789.12345679, 2 ** -1074, 1.7976931348623157e308], flags: [true, false, null], nothing: {}, none: [] },
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}, "": "empty key", "ключ 😀\u2028": "unusual keys"}') as Record<string, unknown>,
  { deepest: nest(MAX_JSON_DEPTH - 1) },
];

const keepsEveryJsonValue: Case = (k) => ({
  name: "keeps every value JSON can hold exactly: astral characters, U+2028, controls, -0, 1e308, 5e-324, __proto__ keys, the deepest nesting allowed",
  run: async () => {
    const store = await k.makeStore();
    const streamId = "s-😀\u2028ñ";
    const batch = k.raw(streamId, 0, keptValues(), "Noted ✓");
    await k.must(store.append(streamId, batch, { expectedVersion: 0, commandId: "cmd-values" }), "the append of unusual values");
    same(await store.readStream(streamId), batch, "the stream as read back");
    same(
      (await store.readAll()).map((r) => r.event),
      batch,
      "the store as read back",
    );
    const found = await store.findCommand("cmd-values");
    same(found?.events, batch, "the events recorded for the command");
  },
});

const keepsBigString: Case = (k) => ({
  name: `keeps a string of ${k.bigString.toLocaleString("en-US")} characters`,
  run: async () => {
    const store = await k.makeStore();
    const text = "0123456789abcdé😀".repeat(Math.ceil(k.bigString / 16)).slice(0, k.bigString);
    const batch = k.raw("s-big", 0, [{ text }]);
    await k.must(store.append("s-big", batch, { expectedVersion: 0 }), "the append");
    const [back] = await store.readStream("s-big");
    const kept = (back?.data as { text?: unknown } | undefined)?.text;
    check(kept === text, `the big string came back ${typeof kept === "string" ? `with ${kept.length} characters, not equal` : "missing"}`);
  },
});

// What no store can keep, and where the refusal must point: the same value from every store.
interface Refusal {
  readonly what: string;
  readonly streamId?: string;
  readonly data?: Record<string, unknown>;
  readonly type?: string;
  readonly options?: Record<string, unknown>;
  readonly path: readonly (string | number)[];
  readonly says: string;
}
const refusals = (): Refusal[] => [
  { what: "U+0000 in data", data: { text: "nul\u0000" }, path: [0, "data"], says: "data.text must not hold U+0000" },
  { what: "U+0000 in a key", data: { "k\u0000": 1 }, path: [0, "data"], says: "the key must not hold U+0000" },
  { what: "a lone high surrogate", data: { text: "half \ud83d" }, path: [0, "data"], says: "lone surrogate" },
  { what: "a lone low surrogate in a nested array", data: { list: ["ok", ["\ude00"]] }, path: [0, "data"], says: "data.list.1.0 must not hold" },
  { what: "U+0000 in the stream id", streamId: "s-\u0000", path: ["streamId"], says: "must not hold U+0000" },
  { what: "a lone surrogate in the stream id", streamId: "s-\ud800", path: ["streamId"], says: "lone surrogate" },
  { what: "U+0000 in the type", type: "Noted\u0000", path: [0, "type"], says: "must not hold U+0000" },
  { what: "NaN", data: { n: Number.NaN }, path: [0, "data"], says: "data.n must be a finite number, not NaN" },
  { what: "Infinity", data: { n: Number.POSITIVE_INFINITY }, path: [0, "data"], says: "not Infinity" },
  { what: "-Infinity", data: { n: [Number.NEGATIVE_INFINITY] }, path: [0, "data"], says: "data.n.0 must be a finite number, not -Infinity" },
  { what: "a BigInt", data: { n: 10n }, path: [0, "data"], says: "not a BigInt" },
  { what: "a Date", data: { at: new Date(0) }, path: [0, "data"], says: "data.at must be a plain object, not Date" },
  { what: "undefined in an array", data: { list: [1, undefined] }, path: [0, "data"], says: "data.list.1 must not be a hole or undefined" },
  { what: `nesting of ${MAX_JSON_DEPTH + 1} levels`, data: { deep: nest(MAX_JSON_DEPTH) }, path: [0, "data"], says: `deeper than ${MAX_JSON_DEPTH} levels` },
  { what: "a negative expected version", options: { expectedVersion: -1 }, path: ["expectedVersion"], says: "must not be negative" },
  { what: "a fractional expected version", options: { expectedVersion: 0.5 }, path: ["expectedVersion"], says: "whole number" },
  { what: "U+0000 in a command id", options: { expectedVersion: 0, commandId: "c\u0000" }, path: ["commandId"], says: "may hold only" },
  {
    what: "a lone surrogate in a fingerprint",
    options: { expectedVersion: 0, commandId: "c-1", fingerprint: "\udfff" },
    path: ["fingerprint"],
    says: "lone surrogate",
  },
];

const refusesWhatNoStoreKeeps: Case = (k) => ({
  name: "refuses what no store can keep (U+0000, lone surrogates, NaN, ±Infinity, BigInt, Dates, deep nesting, bad options) as validation_failed",
  run: async () => {
    const store = await k.makeStore();
    for (const r of refusals()) {
      const streamId = r.streamId ?? "s-1";
      const batch = [...k.events(streamId, 0, 1), ...k.raw(streamId, 1, [r.data ?? { n: 2 }], r.type)];
      // The refused value is the second event, so a store that writes event by event would leave the first.
      const shifted = r.path[0] === 0 ? [1, ...r.path.slice(1)] : r.path;
      const outcome = (await store.append(streamId, batch, (r.options ?? { expectedVersion: 0 }) as never)) as Outcome;
      if (outcome.ok) throw new Error(`${r.what}: expected validation_failed, got success`);
      const { code, message, details } = outcome.error;
      check(code === "validation_failed", `${r.what}: expected validation_failed, got ${code} — ${message}`);
      same((details as { issues?: { path?: unknown }[] } | undefined)?.issues?.[0]?.path, shifted, `${r.what}: the path of the refusal`);
      check(message.includes(r.says), `${r.what}: the message should say "${r.says}", but says: ${message}`);
    }
    same(await store.readAll(), [], "the store after every refusal");
    await k.must(store.append("s-1", k.events("s-1", 0, 2), { expectedVersion: 0 }), "a good append afterwards");
  },
});

const refusesYearZero: Case = (k) => ({
  name: "refuses a recordedAt in the year 0000, which no SQL timestamp holds, as validation_failed",
  run: async () => {
    const store = await k.makeStore();
    const batch = k.events("s-1", 0, 1).map((e) => ({ ...e, recordedAt: "0000-06-01T00:00:00.000Z" }));
    const outcome = (await store.append("s-1", batch, { expectedVersion: 0 })) as Outcome;
    if (outcome.ok) throw new Error("a recordedAt in the year 0000: expected validation_failed, got success");
    check(outcome.error.code === "validation_failed", `a recordedAt in the year 0000: expected validation_failed, got ${outcome.error.code}`);
    same((outcome.error.details as { issues?: { path?: unknown }[] } | undefined)?.issues?.[0]?.path, [0, "recordedAt"], "the path of the refusal");
    same(await store.readAll(), [], "the store after the refusal");
  },
});

/** The hostile-value section of the store conformance suite. */
export const hostileValueCases: readonly Case[] = [keepsEveryJsonValue, keepsBigString, refusesWhatNoStoreKeeps, refusesYearZero];
