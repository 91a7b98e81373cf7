import type * as z from "zod";

/**
 * One step of a type's schema history: the schema of data at that version, and the function that
 * turns such data into the next version's shape (the codec validates the result).
 */
export interface Upcaster {
  /** Schema of the data at the version this step upgrades from. */
  readonly schema: z.ZodType;
  /** Turn valid data of this version into data of the next version. */
  readonly up: (data: never) => unknown;
}

/** A registered event type: its current data schema and version, and how older versions upgrade. */
export interface EventType<S extends z.ZodType = z.ZodType> {
  /** Schema of `data` at the current `schemaVersion`. */
  readonly schema: S;
  /** The current schema version; new events are written at it. */
  readonly schemaVersion: number;
  /** `upcasters[k]` upgrades data at version `k + 1` to version `k + 2`; length is `schemaVersion - 1`. */
  readonly upcasters: readonly Upcaster[];
}

/** Every event type a codec and a decider know, by `type` name. */
export type EventRegistry = Readonly<Record<string, EventType>>;

/**
 * The union of typed events a registry describes, `{ type, data }` per entry.
 *
 * @example
 * type LabEvent = EventOf<typeof labEvents>;
 */
export type EventOf<R extends EventRegistry> = {
  [K in keyof R & string]: { readonly type: K; readonly data: z.output<R[K]["schema"]> };
}[keyof R & string];

/**
 * Register an event type's data schema. With `upcasters`, the schema is at version
 * `upcasters.length + 1` and older stored versions are upgraded step by step when decoded.
 *
 * @example
 * const V1 = z.strictObject({ kpiId: z.string() });
 * const V2 = V1.extend({ category: z.string() });
 * const KpiDefined = defineEvent(V2, [{ schema: V1, up: (v1: z.infer<typeof V1>) => ({ ...v1, category: "other" }) }]);
 */
export const defineEvent = <S extends z.ZodType>(schema: S, upcasters: readonly Upcaster[] = []): EventType<S> => ({
  schema,
  schemaVersion: upcasters.length + 1,
  upcasters,
});
