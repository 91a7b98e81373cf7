import * as z from "zod";
import { type Envelope, EnvelopeSchema } from "./envelope.js";
import { type DomainError, unknownEventType, upcastFailure, validationError } from "./errors.js";
import type { EventOf, EventRegistry } from "./registry.js";
import { err, ok, type Result } from "./result.js";
import { storableUnchanged, unchanged } from "./unchanged.js";

/** An envelope as plain JSON, ready for `JSON.stringify` or a database column. */
export type EncodedEnvelope = Readonly<Record<string, unknown>>;

/** Decoding and encoding of stored events for one registry of event types. */
export interface Codec<R extends EventRegistry> {
  /**
   * Turn stored JSON into a typed envelope at the current schema version: validates the envelope,
   * validates `data` against its version's schema, upcasts step by step (validating each step).
   * Never throws and never mutates its input. An input that the schemas accept unchanged (the
   * usual case: an event the library wrote, at the current version) is returned itself, not copied.
   */
  readonly decode: (input: unknown) => Result<Envelope<EventOf<R>>, DomainError>;
  /** Plain JSON for an envelope, with fields in wire-format order and no `undefined` members. */
  readonly encode: (envelope: Envelope<EventOf<R>>) => EncodedEnvelope;
}

const FIELD_ORDER = [
  "id",
  "streamId",
  "version",
  "type",
  "schemaVersion",
  "occurredAt",
  "recordedAt",
  "actor",
  "commandId",
  "correlationId",
  "causationId",
  "data",
  "prevHash",
  "hash",
] as const;

// Whether a stored value is an event the schemas accept unchanged, at its type's current version:
// then it is taken as it is (see `unchanged`), with no copy. The envelope is checked around its
// `data`, which its type's schema then checks once, storable text included (`storableUnchanged`),
// where `EnvelopeSchema` alone would walk it a second time for that rule.
const quickPath = (registry: EventRegistry): ((input: unknown) => boolean) => {
  const envelope = unchanged(EnvelopeSchema.extend({ data: z.looseObject({}) }));
  const data = new Map(Object.entries(registry).map(([type, def]) => [type, storableUnchanged(def.schema)]));
  return (input) => {
    if (envelope === undefined || !envelope(input)) return false;
    const e = input as { type: string; schemaVersion: number; data: unknown };
    const def = Object.hasOwn(registry, e.type) ? registry[e.type] : undefined;
    return def !== undefined && e.schemaVersion === def.schemaVersion && data.get(e.type)?.(e.data) === true;
  };
};

/**
 * Build the codec for a registry of event types.
 *
 * @example
 * const codec = createCodec(labEvents);
 * const r = codec.decode(JSON.parse(line));
 * if (r.ok) console.log(r.value.type); else console.error(r.error.message);
 */
export const createCodec = <R extends EventRegistry>(registry: R): Codec<R> => {
  const decode = (input: unknown): Result<Envelope<EventOf<R>>, DomainError> => {
    try {
      return decodePlain(input);
    } catch {
      // Only input that is not plain data gets here: a getter that throws, a revoked proxy.
      return err(validationError("event envelope", [{ path: [], message: "could not be read (a property threw); pass plain parsed JSON" }]));
    }
  };

  const quick = quickPath(registry);

  const decodePlain = (input: unknown): Result<Envelope<EventOf<R>>, DomainError> => {
    if (quick(input)) return ok(input as Envelope<EventOf<R>>);
    const envelope = EnvelopeSchema.safeParse(input);
    if (!envelope.success) return err(validationError("event envelope", envelope.error.issues));
    const { type, schemaVersion } = envelope.data;
    const def = Object.hasOwn(registry, type) ? registry[type] : undefined;
    if (def === undefined) return err(unknownEventType(type));
    if (schemaVersion > def.schemaVersion) {
      return err(upcastFailure(type, schemaVersion, def.schemaVersion, "the event is newer than this library; upgrade labx-core to read it."));
    }
    let data: unknown = envelope.data.data;
    for (let v = schemaVersion; v < def.schemaVersion; v++) {
      const step = def.upcasters[v - 1];
      if (step === undefined) return err(upcastFailure(type, v, v + 1, "no upcaster is registered for this step."));
      const before = step.schema.safeParse(data);
      if (!before.success)
        return err(
          validationError(
            `${type} data (schema version ${v})`,
            before.error.issues.map((i) => ({ ...i, path: ["data", ...i.path] })),
          ),
        );
      try {
        data = step.up(before.data as never);
      } catch (e) {
        return err(upcastFailure(type, v, v + 1, e instanceof Error ? e.message : String(e)));
      }
    }
    const current = def.schema.safeParse(data);
    if (!current.success) {
      const issues = current.error.issues.map((i) => ({ ...i, path: ["data", ...i.path] }));
      return schemaVersion < def.schemaVersion
        ? err(upcastFailure(type, schemaVersion, def.schemaVersion, validationError("upcast data", issues).message))
        : err(validationError(`${type} data`, issues));
    }
    return ok({ ...envelope.data, schemaVersion: def.schemaVersion, data: current.data } as Envelope<EventOf<R>>);
  };

  const encode = (envelope: Envelope<EventOf<R>>): EncodedEnvelope => {
    const source = envelope as unknown as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of FIELD_ORDER) if (source[key] !== undefined) out[key] = source[key];
    return out;
  };

  return { decode, encode };
};
