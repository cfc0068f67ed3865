import { keyHash } from "./token-hashes.js";

/**
 * A cheap necessary test before a map lookup by word key: one bit per value of 15 bits of the
 * key's hash (token-hashes.ts), set for the keys a lexicon holds. Lexicons are scanned over every
 * token of an article many times; with the hashes of the tokens computed once per article, a word
 * that starts no phrase costs a bit test instead of a hash-map lookup. The test is exact in one
 * direction only: a set bit says "maybe", and the map decides.
 */
const SHIFT = 17;

export class KeyFilter {
  private readonly bits = new Uint32Array(1 << (32 - SHIFT - 5));

  constructor(keys: Iterable<string> = []) {
    for (const k of keys) this.add(k);
  }

  add(key: string): void {
    const s = keyHash(key) >>> SHIFT;
    this.bits[s >>> 5] = (this.bits[s >>> 5] as number) | (1 << (s & 31));
  }

  /** False when a key of this hash is surely not among those added. */
  mayHoldHash(hash: number): boolean {
    const s = hash >>> SHIFT;
    return (((this.bits[s >>> 5] as number) >>> (s & 31)) & 1) === 1;
  }

  mayHold(key: string): boolean {
    return this.mayHoldHash(keyHash(key));
  }
}
