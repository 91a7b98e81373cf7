import * as z from "zod";
import { definition } from "./definition.js";
import { Hex256 } from "./record-shape.js";
import { ScannedRegExp, scanIdChars } from "./scanned-regexp.js";
import { isStorableJson, jsonProblem, storable } from "./storable.js";
import { Instant } from "./time.js";

/** An identifier or reference: short, printable, no surrounding spaces. */
export const Id = /* @__PURE__ */ definition(() =>
  z
    .string()
    .min(1, "must not be empty")
    .max(200, "must be at most 200 characters")
    .regex(new ScannedRegExp(String.raw`^[\w.:@/+=-]+$`, scanIdChars, true), "may hold only letters, digits and . : @ / + = - _"),
);

/**
 * Who caused an event: an accountable person or system, the role they acted in, and for which entity.
 *
 * @example
 * const actor: Actor = { id: "u-17", role: "lab_team", onBehalfOf: "entity:ama" };
 */
export const ActorSchema = /* @__PURE__ */ definition(() =>
  z.strictObject({
    id: Id,
    role: storable(z.string().min(1).max(64)),
    onBehalfOf: Id.optional(),
  }),
);
/** Who caused an event. */
export type Actor = z.infer<typeof ActorSchema>;

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

// Data every store keeps as it is: a plain object of JSON values (see `jsonProblem`).
const isStorableData = (v: unknown): v is Record<string, unknown> => isPlainObject(v) && isStorableJson(v);
const dataProblem = (v: unknown): string => {
  if (!isPlainObject(v)) return "must be a JSON object";
  const problem = jsonProblem(v);
  if (problem === undefined) return "must be a JSON object";
  // A path 65 levels deep would fill the message: its start and end say where.
  const path = ["data", ...problem.path];
  const where = path.length <= 8 ? path.join(".") : `${path.slice(0, 4).join(".")}.….${path.slice(-2).join(".")}`;
  return `${where} ${problem.message}`;
};

/**
 * The stored event envelope, wire format version 1 (DESIGN §2). `data` is checked here as JSON that
 * every store keeps unchanged (`jsonProblem`: no NaN, no U+0000, at most `MAX_JSON_DEPTH` levels…);
 * its shape is checked against the event type's own schema by the codec.
 */
export const EnvelopeSchema = /* @__PURE__ */ definition(() =>
  z.strictObject({
    id: Id,
    streamId: storable(z.string().min(1).max(300)),
    version: z.int().min(1),
    type: storable(z.string().min(1).max(100)),
    schemaVersion: z.int().min(1),
    occurredAt: Instant,
    recordedAt: Instant,
    actor: ActorSchema,
    commandId: Id.optional(),
    correlationId: Id.optional(),
    causationId: Id.optional(),
    data: z.custom<Record<string, unknown>>(isStorableData, { error: (issue) => dataProblem(issue.input) }),
    prevHash: Hex256.optional(),
    hash: Hex256.optional(),
  }),
);

/** The envelope fields around an event's `type` and `data`. */
export type EnvelopeMeta = Omit<z.infer<typeof EnvelopeSchema>, "type" | "data">;

/** An event as a decider emits it: a type, its data, and optionally when it happened in the world. */
export interface AnyEvent {
  readonly type: string;
  readonly data: unknown;
}

/**
 * A stored event: envelope metadata around a typed event. Distributes over a union of events, so a
 * `switch (envelope.type)` narrows `envelope.data`.
 */
export type Envelope<E extends AnyEvent = AnyEvent> = Readonly<EnvelopeMeta> & Readonly<E>;

/** An event as `decide` returns it: `occurredAt` defaults to the context's `now`. */
export type Emitted<E extends AnyEvent> = E & { readonly occurredAt?: string };
