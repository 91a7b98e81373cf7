import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";

/**
 * A SHA-256 function: the UTF-8 bytes of a string in, the digest as 64 lowercase hex digits out.
 * The integrity functions take one as an option, so a host can hash at its machine's speed
 * (`node:crypto` in Node, a WebAssembly build in a browser) while the core stays pure.
 */
export type Sha256 = (text: string) => string;

/**
 * SHA-256 of a UTF-8 string, as lowercase hex. Pure JavaScript (no `node:crypto`), so it runs in
 * browsers and edge runtimes too; the default wherever a `Sha256` is optional.
 *
 * @example
 * sha256Hex("abc") // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 */
export const sha256Hex: Sha256 = (text) => bytesToHex(sha256(utf8ToBytes(text)));

// Known answers, including characters outside ASCII and outside the BMP: a function that hashes
// UTF-16 code units, or Latin-1, or is simply not SHA-256, gets one of them wrong.
const KNOWN: readonly (readonly [string, string])[] = [
  ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
  ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
  ["Inovação pública ✓ 𝄞", "810534cfb90ddcef253ab6205bb8022c24e22d7d04f756dd2dbcb0b0b194c4c5"],
];

/**
 * Whether a function given as `Sha256` really is SHA-256 over UTF-8 with lowercase hex output,
 * checked on known answers. The integrity functions check an injected one before using it.
 *
 * @example
 * isSha256(sha256Hex) // true; in Node, isSha256((s) => hash("sha256", s, "hex")) too
 * isSha256((s) => s)  // false
 */
export const isSha256 = (f: Sha256): boolean => {
  try {
    return KNOWN.every(([text, hex]) => f(text) === hex);
  } catch {
    return false;
  }
};

// What a hash view derives from the texts a memo hashes (a reference's redacted form, say), kept
// beside the memo so that it lives exactly as long: one seal or verify.
const derivedBy = new WeakMap<Sha256, Map<string, string>>();

/**
 * A `Sha256` that remembers what it hashed, for one seal or verify: personal references recur
 * across a log and each is hashed once. Let it go with the call; it holds what it was given.
 */
export const memoSha256 = (f: Sha256): Sha256 => {
  const seen = new Map<string, string>();
  const memo: Sha256 = (text) => {
    let hex = seen.get(text);
    if (hex === undefined) seen.set(text, (hex = f(text)));
    return hex;
  };
  derivedBy.set(memo, new Map());
  return memo;
};

/**
 * Where a hash view may remember what it derives from the texts a memo hashes (the lab, each
 * reference's redacted form): the memo's own companion map, living as long as the memo — one call —
 * or undefined for a SHA-256 that is not a memo, so that nothing outlives the call that made it.
 * @internal
 */
export const derivedFrom = (sha256: Sha256): Map<string, string> | undefined => derivedBy.get(sha256);
