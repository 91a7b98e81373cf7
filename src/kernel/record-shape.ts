import * as z from "zod";
import { definition } from "./definition.js";
import { ScannedRegExp, scanHex256 } from "./scanned-regexp.js";
import { Instant, isInstant } from "./time.js";

// What verify reads of a stored record, in two forms that must agree (a property test holds them to
// it): the zod schema, which words the reason a record is refused, and a plain predicate, which
// gives the verdict for the well-formed millions without building zod's output. Internal: not
// exported from the package.

const HEX = /* @__PURE__ */ definition(() => new ScannedRegExp("^[0-9a-f]{64}$", scanHex256, true));
/** 64 lowercase hex digits: a SHA-256 digest as the integrity functions write it. */
export const Hex256 = /* @__PURE__ */ definition(() => z.string().regex(HEX, "must be 64 lowercase hex digits"));

// The fields an integrity check reads; anything else in a record is only hashed.
export const RecordShape = /* @__PURE__ */ definition(() =>
  z.looseObject({
    id: z.string().min(1).max(200),
    streamId: z.string().min(1).max(400),
    version: z.int().min(1),
    recordedAt: Instant,
    prevHash: Hex256.optional(),
    hash: Hex256.optional(),
  }),
);

const inLength = (v: unknown, max: number): boolean => typeof v === "string" && v.length >= 1 && v.length <= max;
const hex = (v: unknown): boolean => v === undefined || (typeof v === "string" && scanHex256(v));
// What RecordShape accepts but for the hex digests (`prevHash`, `hash`): for a record whose chain
// holds, they need no scan — its hash equals one just computed and its prevHash the one before,
// both 64 lowercase hex digits by construction.
export const looksStoredBarDigests = (e: unknown): e is StoredShape => {
  if (typeof e !== "object" || e === null || Array.isArray(e)) return false;
  const r = e as Record<string, unknown>;
  return inLength(r.id, 200) && inLength(r.streamId, 400) && Number.isSafeInteger(r.version) && (r.version as number) >= 1 && isInstant(r.recordedAt);
};

/** The fields of a record that `looksStoredBarDigests` checked. */
export interface StoredShape {
  readonly id: string;
  readonly streamId: string;
  readonly version: number;
  readonly recordedAt: string;
  readonly prevHash?: unknown;
  readonly hash?: unknown;
}

// What RecordShape accepts, checked without building its output: the verdict for the millions of
// well-formed records; RecordShape itself words the reason for the others (a property test holds
// the two to the same verdict).
export const looksStored = (e: unknown): boolean => looksStoredBarDigests(e) && hex(e.prevHash) && hex(e.hash);
