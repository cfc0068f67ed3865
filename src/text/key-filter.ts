import { keyHash } from "./token-hashes.js";

/**
 * A cheap necessary test before a map lookup by word key: one bit per value of the top bits of the
 * key's hash (token-hashes.ts), set for the keys a map holds. Lexicons are scanned over every
 * token of an article many times; with the hashes of the tokens computed once per article, a word
 * that starts no phrase costs a bit test instead of a hash-map lookup. The test is exact in one
 * direction only: a set bit says "maybe", and the map decides. 2^15 bits (4 KB) suit a lexicon;
 * a map of many keys needs more bits to turn most words away.
 */
export class KeyFilter {
  private readonly bits: Uint32Array;
  private readonly shift: number;

  constructor(keys: Iterable<string> = [], log2Bits = 15) {
    this.shift = 32 - log2Bits;
    this.bits = new Uint32Array(1 << Math.max(0, log2Bits - 5));
    for (const k of keys) this.add(k);
  }

  add(key: string): void {
    const s = keyHash(key) >>> this.shift;
    this.bits[s >>> 5] = (this.bits[s >>> 5] as number) | (1 << (s & 31));
  }

  /** False when a key of this hash is surely not among those added. */
  mayHoldHash(hash: number): boolean {
    const s = hash >>> this.shift;
    return (((this.bits[s >>> 5] as number) >>> (s & 31)) & 1) === 1;
  }

  mayHold(key: string): boolean {
    return this.mayHoldHash(keyHash(key));
  }
}
