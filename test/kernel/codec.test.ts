import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCodec, type DomainError } from "../../src/index.js";
import { defineEvent } from "../../src/kernel/index.js";
import * as z from "zod";
import { tallyLog } from "./arbitraries.js";
import { tallyEvents } from "./tally.js";

const codec = createCodec(tallyEvents);

const valid = {
  id: "e1",
  streamId: "tally:t1",
  version: 1,
  type: "TallyOpened",
  schemaVersion: 3,
  occurredAt: "2019-03-04T10:00:00Z",
  recordedAt: "2019-03-04T10:00:01.500Z",
  actor: { id: "u-1", role: "lab_team", onBehalfOf: "entity:ama" },
  commandId: "c-1",
  data: { tallyId: "t1", label: "Visits", unit: "items", limit: 5 },
};

const errorOf = (input: unknown): DomainError => {
  const r = codec.decode(input);
  if (r.ok) throw new Error("expected a decode error");
  return r.error;
};

describe("decode", () => {
  it("decodes a valid envelope at the current schema version", () => {
    const r = codec.decode(valid);
    expect(r).toEqual({ ok: true, value: valid });
  });

  it("upcasts version 1 data through every step to the current version", () => {
    const r = codec.decode({ ...valid, schemaVersion: 1, data: { tallyId: "t1", label: "Visits" } });
    expect(r.ok && r.value).toMatchObject({ schemaVersion: 3, data: { tallyId: "t1", label: "Visits", unit: "items", limit: 100 } });
  });

  it("upcasts version 2 data through the last step only", () => {
    const r = codec.decode({ ...valid, schemaVersion: 2, data: { tallyId: "t1", label: "Visits", unit: "euros" } });
    expect(r.ok && r.value.data).toEqual({ tallyId: "t1", label: "Visits", unit: "euros", limit: 100 });
  });

  it("validates old data against its own version's schema before upcasting", () => {
    const e = errorOf({ ...valid, schemaVersion: 1, data: { tallyId: "t1" } });
    expect(e.code).toBe("validation_failed");
    expect(e.message).toContain("schema version 1");
    expect(e.details).toMatchObject({ issues: [{ path: ["data", "label"] }] });
  });

  it("reports an upcaster that throws, or produces invalid data, as upcast_failed", () => {
    const broken = createCodec({
      Thing: defineEvent(z.strictObject({ n: z.int() }), [
        { schema: z.strictObject({ s: z.string() }), up: (d: { s: string }) => ({ n: Number.parseInt(d.s, 10) }) },
      ]),
      Boom: defineEvent(z.strictObject({}), [
        {
          schema: z.strictObject({}),
          up: () => {
            throw new Error("boom");
          },
        },
      ]),
    });
    const base = { ...valid, schemaVersion: 1 };
    const nan = broken.decode({ ...base, type: "Thing", data: { s: "x" } });
    expect(!nan.ok && nan.error).toMatchObject({ code: "upcast_failed", details: { type: "Thing", fromVersion: 1, toVersion: 2 } });
    const boom = broken.decode({ ...base, type: "Boom", data: {} });
    expect(!boom.ok && boom.error).toMatchObject({ code: "upcast_failed", details: { reason: "boom" } });
  });

  it("refuses text no store keeps in data whose own schema allows any text, and takes the rest as it is", () => {
    const loose = createCodec({ Noted: defineEvent(z.strictObject({ text: z.string(), extra: z.looseObject({}) })) });
    const base = { ...valid, type: "Noted", schemaVersion: 1 };
    const good = { ...base, data: { text: "Lisboa 😀", extra: { k: ["é"] } } };
    const same = loose.decode(good);
    expect(same.ok && same.value).toBe(good);
    for (const data of [
      { text: "a\u0000b", extra: {} },
      { text: "ok", extra: { k: ["\ud800"] } },
      { text: "ok", extra: { "\udc00": 1 } },
    ]) {
      const r = loose.decode({ ...base, data });
      expect(!r.ok && r.error).toMatchObject({ code: "validation_failed", details: { issues: [{ path: ["data"] }] } });
    }
  });

  it("refuses an event newer than the library knows, and an unknown type", () => {
    expect(errorOf({ ...valid, schemaVersion: 4 })).toMatchObject({ code: "upcast_failed", details: { fromVersion: 4, toVersion: 3 } });
    expect(errorOf({ ...valid, type: "Nope" })).toMatchObject({ code: "unknown_event_type", details: { type: "Nope" } });
    // Inherited names are not event types.
    expect(errorOf({ ...valid, type: "constructor" }).code).toBe("unknown_event_type");
    expect(errorOf({ ...valid, type: "toString" }).code).toBe("unknown_event_type");
  });

  it("names the path of what is wrong in the envelope", () => {
    expect(errorOf({ ...valid, occurredAt: "2019-02-30T10:00:00Z" }).details).toMatchObject({ issues: [{ path: ["occurredAt"] }] });
    expect(errorOf({ ...valid, occurredAt: "2019-03-04T10:00:00+01:00" }).details).toMatchObject({ issues: [{ path: ["occurredAt"] }] });
    expect(errorOf({ ...valid, version: 0 }).details).toMatchObject({ issues: [{ path: ["version"] }] });
    expect(errorOf({ ...valid, actor: { id: "u" } }).details).toMatchObject({ issues: [{ path: ["actor", "role"] }] });
    expect(errorOf({ ...valid, extra: 1 }).code).toBe("validation_failed");
    expect(errorOf({ ...valid, data: [] }).details).toMatchObject({ issues: [{ path: ["data"] }] });
    expect(errorOf({ ...valid, data: { ...valid.data, limit: "5" } }).details).toMatchObject({ issues: [{ path: ["data", "limit"] }] });
    expect(errorOf("a string").code).toBe("validation_failed");
    expect(errorOf(null).code).toBe("validation_failed");
  });

  it("rejects prototype keys instead of letting them through", () => {
    const polluted = JSON.parse(
      `{"id":"e1","streamId":"tally:t1","version":1,"type":"Added","schemaVersion":1,"occurredAt":"2019-03-04T10:00:00Z","recordedAt":"2019-03-04T10:00:00Z","actor":{"id":"u","role":"r"},"data":{"tallyId":"t1","by":1,"__proto__":{"polluted":true}}}`,
    );
    expect(errorOf(polluted).code).toBe("validation_failed");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("never throws and never mutates its input, whatever the input", () => {
    const hostile = fc.oneof(
      fc.jsonValue(),
      fc.record({ ...Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, fc.oneof(fc.constant(v), fc.jsonValue())])) }, { requiredKeys: [] }),
      fc.constantFrom("__proto__", "constructor", "prototype").map((k) => JSON.parse(`{"${k}":{"x":1},"type":"${k}","data":{"${k}":1}}`) as unknown),
      fc.string({ minLength: 10_000, maxLength: 20_000 }).map((s) => ({ ...valid, id: s, data: { ...valid.data, label: s } })),
      fc.string().map((s) => ({ ...valid, occurredAt: s })),
    );
    let refused = 0;
    fc.assert(
      fc.property(hostile, (input) => {
        const before = JSON.stringify(input);
        const r = codec.decode(input);
        expect(JSON.stringify(input)).toBe(before);
        if (!r.ok) {
          refused++;
          expect(["validation", "unknown_event_type", "upcast"]).toContain(r.error.kind);
          return;
        }
        // Whatever is accepted is a real event: it encodes and decodes to itself.
        expect(codec.decode(JSON.parse(JSON.stringify(codec.encode(r.value))))).toEqual({ ok: true, value: r.value });
      }),
      { numRuns: 500 },
    );
    expect(refused).toBeGreaterThan(400);
  });

  it("round-trips: decode(encode(e)) equals e, through JSON text too", () => {
    fc.assert(
      fc.property(tallyLog, (log) => {
        for (const e of log) {
          const encoded = codec.encode(e);
          expect(codec.decode(encoded)).toEqual({ ok: true, value: e });
          expect(codec.decode(JSON.parse(JSON.stringify(encoded)))).toEqual({ ok: true, value: e });
        }
      }),
    );
  });

  it("encodes fields in wire-format order without undefined members", () => {
    const r = codec.decode({ ...valid, commandId: undefined });
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(Object.keys(codec.encode(r.value))).toEqual(["id", "streamId", "version", "type", "schemaVersion", "occurredAt", "recordedAt", "actor", "data"]);
  });
});
