import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCodec, decodeJsonl, encodeJsonl } from "../../src/index.js";
import { tallyLog } from "./arbitraries.js";
import { tallyEvents } from "./tally.js";

const codec = createCodec(tallyEvents);

describe("JSON lines", () => {
  it("round-trips any log through text", () => {
    fc.assert(
      fc.property(tallyLog, (log) => {
        const text = encodeJsonl(codec, log);
        expect(text.split("\n")).toHaveLength(log.length + 1);
        expect(decodeJsonl(codec, text)).toEqual({ events: log, stored: log.map((e) => codec.encode(e)), errors: [] });
      }),
    );
  });

  it("reports each bad line with its number and reason, and still decodes the good ones", () => {
    const [a, b] =
      fc.sample(
        tallyLog.filter((l) => l.length >= 2),
        { numRuns: 1, seed: 7 },
      )[0] ?? [];
    const lines = [
      JSON.stringify(codec.encode(a as never)),
      "",
      "{not json",
      JSON.stringify({ ...codec.encode(b as never), type: "Mystery" }),
      JSON.stringify(codec.encode(b as never)),
      "   ",
    ];
    const { events, errors } = decodeJsonl(codec, lines.join("\n"));
    expect(events).toEqual([a, b]);
    expect(errors.map((e) => e.line)).toEqual([3, 4]);
    expect(errors[0]?.reason).toMatch(/^not valid JSON/);
    expect(errors[1]?.reason).toContain('Unknown event type "Mystery"');
    expect(errors[1]?.error?.code).toBe("unknown_event_type");
  });

  it("accepts CRLF line endings and an empty text", () => {
    const [a] = fc.sample(tallyLog, { numRuns: 1, seed: 3 })[0] ?? [];
    expect(decodeJsonl(codec, `${JSON.stringify(codec.encode(a as never))}\r\n`).events).toEqual([a]);
    expect(decodeJsonl(codec, "")).toEqual({ events: [], stored: [], errors: [] });
  });
});
