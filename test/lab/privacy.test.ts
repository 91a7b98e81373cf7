import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkpoint, computeFigures, createCodec, decodeJsonl, labEvents, labHashView, redact, seal, verify } from "../../src/index.js";
import { DEMO_LOG } from "../../examples/demo/paths.js";

const { events } = decodeJsonl(createCodec(labEvents), readFileSync(DEMO_LOG, "utf8"));

describe("privacy", () => {
  const forgotten = events.flatMap((e) => (e.type === "ParticipantForgotten" ? [e.data.participantRef] : []));
  it("the demonstration log holds erasures", () => {
    expect(forgotten.length).toBeGreaterThan(0);
  });

  it("a redacted export no longer holds the forgotten references, yet every hash verifies against the published checkpoint", () => {
    const published = checkpoint(events, { hashView: labHashView });
    for (const ref of forgotten) expect(JSON.stringify(published)).not.toContain(ref);
    const exported = redact(events, forgotten);
    const text = JSON.stringify(exported);
    for (const ref of forgotten) {
      expect(JSON.stringify(events)).toContain(ref);
      expect(text).not.toContain(ref);
    }
    expect(verify(exported, { hashView: labHashView, checkpoint: published })).toMatchObject({ ok: true });
  });

  it("the redacted export still decodes and gives the same figures", () => {
    const codec = createCodec(labEvents);
    const exported = redact(events, forgotten).map((e) => codec.decode(JSON.parse(JSON.stringify(codec.encode(e)))));
    expect(exported.every((r) => r.ok)).toBe(true);
    const decoded = exported.flatMap((r) => (r.ok ? [r.value] : []));
    expect(computeFigures(decoded).headline).toEqual(computeFigures(events).headline);
  });

  it("without the hash view decided up front, redaction would break the chain", () => {
    const plain = seal(events.map(({ hash: _h, prevHash: _p, ...e }) => e));
    const r = verify(redact(plain, forgotten));
    expect(!r.ok && r.error.code).toBe("hash_mismatch");
  });

  it("redacting nothing changes nothing", () => {
    expect(redact(events, [])).toEqual(events);
  });
});
