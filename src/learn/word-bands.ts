import { keyHash } from "../text/token-hashes.js";

/**
 * The role model's vocabulary (word key → frequency band) as an open-addressing table keyed by
 * the FNV-1a hash every token key already has (token-hashes.ts), with an exact check of the key.
 * A Map lookup would hash each new token string again; here a word costs a probe of small arrays.
 */
export class WordBands {
  private readonly hashes: Int32Array;
  private readonly bands: Uint8Array;
  private readonly keys: (string | null)[];
  private readonly mask: number;

  constructor(vocabulary: ReadonlyMap<string, number>) {
    let capacity = 16;
    while (capacity < vocabulary.size * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.hashes = new Int32Array(capacity);
    this.bands = new Uint8Array(capacity);
    this.keys = new Array<string | null>(capacity).fill(null);
    for (const [key, band] of vocabulary) {
      if (!Number.isInteger(band) || band < 0 || band > 255) throw new RangeError(`band of "${key}": ${band}`);
      const hash = keyHash(key);
      let s = hash & this.mask;
      while (this.keys[s] !== null) s = (s + 1) & this.mask;
      this.hashes[s] = hash;
      this.bands[s] = band;
      this.keys[s] = key;
    }
  }

  /** The band of a word key whose keyHash is `hash`; 0 when the vocabulary lacks it. */
  band(key: string, hash: number): number {
    let s = hash & this.mask;
    for (;;) {
      const k = this.keys[s];
      if (k === null) return 0;
      if (this.hashes[s] === hash && k === key) return this.bands[s] as number;
      s = (s + 1) & this.mask;
    }
  }
}

const tables = new WeakMap<ReadonlyMap<string, number>, WordBands>();

/** The table of a vocabulary, built once per vocabulary (the model's, or one being trained). */
export function wordBands(vocabulary: ReadonlyMap<string, number>): WordBands {
  let t = tables.get(vocabulary);
  if (!t) {
    t = new WordBands(vocabulary);
    tables.set(vocabulary, t);
  }
  return t;
}
