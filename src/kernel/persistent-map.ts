import { deepFreeze } from "./recipe.js";

// A persistent map in two tries that share their entries:
// - a hash array mapped trie (32-way, bitmap-indexed) from key to entry, for `get`/`has`;
// - a 32-way trie of slots in insertion order (a persistent vector), for iteration in the order a
//   built-in Map gives.
// `set` and `delete` copy the path to one entry in each trie (at most 7 and 4 nodes of ≤ 32
// children at the sizes a state reaches) and share everything else with the map they came from.
// The nodes are never frozen: they sit in private fields, no method hands one out, and no code
// changes one once made, so freezing them (half the cost of a `set`) would guard nothing. The map
// itself and the values it holds are frozen.

const BITS = 5;
const MASK = 31;
const ENTRY = 0;
const BRANCH = 1;
const BUCKET = 2;

interface Entry<K, V> {
  readonly kind: typeof ENTRY;
  readonly hash: number;
  readonly key: K;
  readonly value: V;
  /** Where the entry sits in insertion order. */
  readonly slot: number;
}
interface Branch<K, V> {
  readonly kind: typeof BRANCH;
  readonly bitmap: number;
  readonly kids: readonly HashNode<K, V>[];
}
// Entries whose 32-bit hashes are equal: compared key by key.
interface Bucket<K, V> {
  readonly kind: typeof BUCKET;
  readonly hash: number;
  readonly entries: readonly Entry<K, V>[];
}
type HashNode<K, V> = Entry<K, V> | Branch<K, V> | Bucket<K, V>;
// A node of the slot trie: child nodes above the last level, entries (or holes) at it.
type Slots = readonly unknown[];

// FNV-1a over the key's text. Primitive keys spread well; other keys all hash alike by their
// text and are told apart in a bucket, correct but slow.
const hashOf = (key: unknown): number => {
  const text = typeof key === "string" ? key : `${typeof key}:${String(key)}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

// SameValueZero, the equality a built-in Map uses for its keys.
const same = (a: unknown, b: unknown): boolean => a === b || (a !== a && b !== b);

const popcount = (x: number): number => {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 63;
};

const branch = <K, V>(bitmap: number, kids: HashNode<K, V>[]): Branch<K, V> => ({ kind: BRANCH, bitmap, kids });
const bucket = <K, V>(hash: number, entries: Entry<K, V>[]): Bucket<K, V> => ({ kind: BUCKET, hash, entries });
const replaced = <T>(items: readonly T[], i: number, item: T): T[] => {
  const out = [...items];
  out[i] = item;
  return out;
};

const lookup = <K, V>(root: Branch<K, V>, hash: number, key: K): Entry<K, V> | undefined => {
  let node: HashNode<K, V> = root;
  for (let shift = 0; ; shift += BITS) {
    if (node.kind === ENTRY) return same(node.key, key) ? node : undefined;
    if (node.kind === BUCKET) return node.hash === hash ? node.entries.find((e) => same(e.key, key)) : undefined;
    const bit = 1 << ((hash >>> shift) & MASK);
    if ((node.bitmap & bit) === 0) return undefined;
    node = node.kids[popcount(node.bitmap & (bit - 1))] as HashNode<K, V>;
  }
};

// Two entries with different keys under one parent at `shift`: a branch deep enough to tell
// their hashes apart, or a bucket when the hashes are equal.
const pair = <K, V>(a: Entry<K, V> | Bucket<K, V>, b: Entry<K, V>, shift: number): HashNode<K, V> => {
  if (a.hash === b.hash) return a.kind === BUCKET ? bucket(a.hash, [...a.entries, b]) : bucket(a.hash, [a, b]);
  const ia = (a.hash >>> shift) & MASK;
  const ib = (b.hash >>> shift) & MASK;
  if (ia === ib) return branch(1 << ia, [pair(a, b, shift + BITS)]);
  return branch((1 << ia) | (1 << ib), ia < ib ? [a, b] : [b, a]);
};

const put = <K, V>(node: HashNode<K, V>, e: Entry<K, V>, shift: number): HashNode<K, V> => {
  if (node.kind === ENTRY) return same(node.key, e.key) ? e : pair(node, e, shift);
  if (node.kind === BUCKET) {
    if (node.hash !== e.hash) return pair(node, e, shift);
    const i = node.entries.findIndex((x) => same(x.key, e.key));
    return bucket(node.hash, i < 0 ? [...node.entries, e] : replaced(node.entries, i, e));
  }
  const bit = 1 << ((e.hash >>> shift) & MASK);
  const i = popcount(node.bitmap & (bit - 1));
  if ((node.bitmap & bit) !== 0) return branch(node.bitmap, replaced(node.kids, i, put(node.kids[i] as HashNode<K, V>, e, shift + BITS)));
  const kids = [...node.kids];
  kids.splice(i, 0, e);
  return branch(node.bitmap | bit, kids);
};

// The node without `key` (undefined when nothing is left of it). A branch left with a single
// entry or bucket is replaced by it, so the trie stays as shallow as its keys need.
const remove = <K, V>(node: HashNode<K, V>, hash: number, key: K, shift: number): HashNode<K, V> | undefined => {
  if (node.kind === ENTRY) return same(node.key, key) ? undefined : node;
  if (node.kind === BUCKET) {
    const rest = node.entries.filter((x) => !same(x.key, key));
    if (rest.length === node.entries.length) return node;
    return rest.length === 1 ? rest[0] : bucket(node.hash, rest);
  }
  const bit = 1 << ((hash >>> shift) & MASK);
  if ((node.bitmap & bit) === 0) return node;
  const i = popcount(node.bitmap & (bit - 1));
  const kid = node.kids[i] as HashNode<K, V>;
  const next = remove(kid, hash, key, shift + BITS);
  if (next === kid) return node;
  const kids = next === undefined ? node.kids.filter((_, j) => j !== i) : replaced(node.kids, i, next);
  if (kids.length === 0) return undefined;
  const only = kids[0] as HashNode<K, V>;
  if (shift > 0 && kids.length === 1 && only.kind !== BRANCH) return only;
  return branch(next === undefined ? node.bitmap ^ bit : node.bitmap, kids);
};

const setSlot = (node: Slots | undefined, shift: number, i: number, item: unknown): Slots => {
  const out = node === undefined ? [] : [...node];
  const j = (i >>> shift) & MASK;
  out[j] = shift === 0 ? item : setSlot(out[j] as Slots | undefined, shift - BITS, i, item);
  return out;
};

function* entriesOf<K, V>(node: Slots, shift: number): Generator<Entry<K, V>, undefined, undefined> {
  for (const x of node) {
    if (x === undefined) continue;
    if (shift > 0) yield* entriesOf<K, V>(x as Slots, shift - BITS);
    else yield x as Entry<K, V>;
  }
  return undefined;
}

const EMPTY_BRANCH: Branch<never, never> = /* @__PURE__ */ branch(0, []);
let empty: PersistentMap<never, never> | undefined;

/**
 * An immutable map whose `set` and `delete` return a new map sharing all but the path to the changed
 * entry with the old one, so a large state's map costs the same to change whatever its size. It
 * reads as a `ReadonlyMap` (iteration in insertion order, as a built-in Map) and is frozen with what
 * it holds, so immer and `deepFreeze` treat it as one immutable value. Keys compare as a Map's do;
 * primitive keys are fast, other keys correct but slow. `JSON.stringify` writes it as `{}`, as a Map.
 *
 * @example
 * const a = PersistentMap.from([["s1", 1]]);
 * const b = a.set("s2", 2); // a is unchanged
 * [...b.keys()] // ["s1", "s2"]
 */
export class PersistentMap<K, V> implements ReadonlyMap<K, V> {
  readonly #root: Branch<K, V>;
  readonly #slots: Slots;
  readonly #shift: number;
  // Slots used, holes of deleted entries included.
  readonly #used: number;
  readonly #size: number;

  private constructor(root: Branch<K, V>, slots: Slots, shift: number, used: number, size: number) {
    this.#root = root;
    this.#slots = slots;
    this.#shift = shift;
    this.#used = used;
    this.#size = size;
    Object.freeze(this);
  }

  /** The empty map. */
  static empty<K, V>(): PersistentMap<K, V> {
    empty ??= new PersistentMap<never, never>(EMPTY_BRANCH, EMPTY_BRANCH.kids, 0, 0, 0);
    return empty as PersistentMap<K, V>;
  }

  /** A map of these entries, later ones replacing earlier ones with the same key. */
  static from<K, V>(entries: Iterable<readonly [K, V]>): PersistentMap<K, V> {
    let map = PersistentMap.empty<K, V>();
    for (const [k, v] of entries) map = map.set(k, v);
    return map;
  }

  /** How many entries it holds. */
  get size(): number {
    return this.#size;
  }

  /** The value under `key`, or undefined. */
  get(key: K): V | undefined {
    return lookup(this.#root, hashOf(key), key)?.value;
  }

  /** Whether it holds `key`. */
  has(key: K): boolean {
    return lookup(this.#root, hashOf(key), key) !== undefined;
  }

  /** A map with `value` under `key` (deep-frozen), in the key's place if it was there, else last. */
  set(key: K, value: V): PersistentMap<K, V> {
    const hash = hashOf(key);
    const old = lookup(this.#root, hash, key);
    if (old !== undefined && Object.is(old.value, value)) return this;
    const slot = old === undefined ? this.#used : old.slot;
    const entry: Entry<K, V> = { kind: ENTRY, hash, key, value: deepFreeze(value), slot };
    const root = put(this.#root, entry, 0) as Branch<K, V>;
    let slots = this.#slots;
    let shift = this.#shift;
    if (slot === 1 << (shift + BITS)) {
      slots = [slots];
      shift += BITS;
    }
    slots = setSlot(slots, shift, slot, entry);
    return new PersistentMap(root, slots, shift, old === undefined ? this.#used + 1 : this.#used, old === undefined ? this.#size + 1 : this.#size);
  }

  /** A map without `key` (this map when it has no such key). */
  delete(key: K): PersistentMap<K, V> {
    const hash = hashOf(key);
    const old = lookup(this.#root, hash, key);
    if (old === undefined) return this;
    if (this.#size === 1) return PersistentMap.empty();
    const root = (remove(this.#root, hash, key, 0) ?? EMPTY_BRANCH) as Branch<K, V>;
    const holes = this.#used - this.#size + 1;
    // Rebuilt once holes outnumber entries, so iteration stays linear in the size.
    if (holes > 32 && holes > this.#size) return PersistentMap.from([...this].filter(([k]) => !same(k, key)));
    return new PersistentMap(root, setSlot(this.#slots, this.#shift, old.slot, undefined), this.#shift, this.#used, this.#size - 1);
  }

  /** Call `fn` with each value and key, in insertion order. */
  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const e of entriesOf<K, V>(this.#slots, this.#shift)) fn.call(thisArg, e.value, e.key, this);
  }

  /** The entries, in insertion order. */
  *entries(): MapIterator<[K, V]> {
    for (const e of entriesOf<K, V>(this.#slots, this.#shift)) yield [e.key, e.value];
    return undefined;
  }

  /** The keys, in insertion order. */
  *keys(): MapIterator<K> {
    for (const e of entriesOf<K, V>(this.#slots, this.#shift)) yield e.key;
    return undefined;
  }

  /** The values, in insertion order. */
  *values(): MapIterator<V> {
    for (const e of entriesOf<K, V>(this.#slots, this.#shift)) yield e.value;
    return undefined;
  }

  /** The entries, in insertion order. */
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  /** "PersistentMap", for `Object.prototype.toString` and inspection. */
  get [Symbol.toStringTag](): string {
    return "PersistentMap";
  }
}
