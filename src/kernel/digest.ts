import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";

/**
 * SHA-256 of a UTF-8 string, as lowercase hex. Pure JavaScript (no `node:crypto`), so it runs in
 * browsers and edge runtimes too.
 *
 * @example
 * sha256Hex("abc") // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 */
export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));
