/**
 * Near-duplicate detection for syndicated copies of one wire story: MinHash signatures over word
 * 5-gram shingles, and locality-sensitive hashing bands to find candidates without comparing an
 * article with every other. Written here rather than taken from the `minhash` package because that
 * package multiplies 32-bit numbers in floating point past 2^53 (its signatures are not exact) and
 * rehashes each shingle for every permutation; these signatures are exact 32-bit integers, stable
 * across processes, so they can be stored and compared later.
 */

export const PERMUTATIONS = 128;
export const BANDS = 32;
const ROWS = PERMUTATIONS / BANDS;
const SHINGLE_WORDS = 5;
/** Estimated Jaccard similarity from which two texts are copies of one story. */
export const SYNDICATION_SIMILARITY = 0.5;

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mixing function (murmur3's finaliser): each seed gives an independent permutation. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Uint32Array.from({ length: PERMUTATIONS }, (_, i) => mix(i + 1, 0x9e3779b9));

/** Lower-cased words (letters and digits); a linear scan, no regex over the whole text. */
function words(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (const ch of text.toLowerCase()) {
    if (/[\p{L}\p{N}]/u.test(ch)) cur += ch;
    else if (cur) {
      out.push(cur);
      cur = "";
    }
  }
  if (cur) out.push(cur);
  return out;
}

export function signature(text: string): Uint32Array {
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  const w = words(text);
  const n = Math.max(1, w.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < n; i++) {
    const h = fnv1a(w.slice(i, i + SHINGLE_WORDS).join(" "));
    for (let k = 0; k < PERMUTATIONS; k++) {
      const v = mix(h, SEEDS[k] as number);
      if (v < (sig[k] as number)) sig[k] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < PERMUTATIONS; k++) if (a[k] === b[k]) same++;
  return same / PERMUTATIONS;
}

/** LSH band keys: two texts with Jaccard similarity s share a band with probability 1 - (1 - s^4)^32. */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ (sig[b * ROWS + r] as number), b + 1);
    keys.push(`${b}:${h.toString(36)}`);
  }
  return keys;
}
