/**
 * Write schema.json (package root): a JSON Schema (draft 2020-12) of the stored event envelope and of every
 * event type's data at every schema version, generated from the zod schemas, so an auditor can
 * validate a log in any language. Part of `npm run build`.
 */
import { writeFileSync } from "node:fs";
import * as z from "zod";
import { EnvelopeSchema, MAX_JSON_DEPTH } from "../src/kernel/index.js";
import { labEvents } from "../src/index.js";

type Json = Record<string, unknown>;
const toJson = (schema: z.ZodType): Json => {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }) as Json;
  return rest;
};

/** The JSON Schema of a log line. */
export const eventLogSchema = (): Json => {
  const defs: Record<string, Json> = {};
  const envelope = toJson(EnvelopeSchema);
  (envelope.properties as Record<string, Json>).data = {
    type: "object",
    description: `JSON every store keeps unchanged: finite numbers, strings without U+0000 or lone surrogates, at most ${MAX_JSON_DEPTH} levels of objects and arrays; each type's own schema below says the rest.`,
  };
  defs.envelope = envelope;
  const variants: Json[] = [];
  for (const [type, def] of Object.entries(labEvents)) {
    const versions: z.ZodType[] = [...def.upcasters.map((u) => u.schema), def.schema];
    versions.forEach((schema, i) => {
      const name = `${type}.v${i + 1}`;
      defs[name] = toJson(schema);
      variants.push({ properties: { type: { const: type }, schemaVersion: { const: i + 1 }, data: { $ref: `#/$defs/${name}` } } });
    });
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://labx-core.example/schema.json",
    title: "labx-core stored event (envelope v1)",
    description:
      "One line of a labx-core JSON-lines event log: the envelope, and the data of its type at its schema version. Participant references carry the library's own rule as a pattern (opaque tokens of at least 128 bits; no e-mail, phone, name or handle), so a validator here refuses what the library refuses. One person is one reference: a hex reference (a UUID included) is the same reference in either case and is compared, counted and erased in lower case (the library stores it so); base64 and base64url keep their case. Timestamps are instants to the millisecond at most, years 0001–9999.",
    allOf: [{ $ref: "#/$defs/envelope" }, { oneOf: variants }],
    $defs: defs,
  };
};

if (process.argv[1]?.endsWith("build-schema.ts")) {
  // At the package root, so that `labx-core/schema.json` resolves even without `exports` (node10).
  writeFileSync("schema.json", `${JSON.stringify(eventLogSchema(), null, 1)}\n`);
  console.log("schema.json written");
}
