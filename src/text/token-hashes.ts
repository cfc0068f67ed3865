import type { TokenTable } from "../core/article.js";

/** FNV-1a over the UTF-16 code units of a string: the 32-bit hash of a word key. */
export function keyHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

const cache = new WeakMap<TokenTable, Int32Array>();
// The tables of one article are asked for over and over by the stages that read it: the last one
// answers without a WeakMap lookup (and keeps one article alive until the next is read).
let lastTokens: TokenTable | null = null;
let lastHashes: Int32Array = new Int32Array(0);

/**
 * keyHash of every token key, computed once per article and shared: lexicon scans test a token
 * against a lexicon's first words with it, and the role model uses it as the word feature.
 */
export function tokenHashes(tokens: TokenTable): Int32Array {
  if (tokens === lastTokens) return lastHashes;
  let hashes = cache.get(tokens);
  if (!hashes) {
    hashes = new Int32Array(tokens.count);
    for (let i = 0; i < tokens.count; i++) hashes[i] = keyHash(tokens.key[i] as string);
    cache.set(tokens, hashes);
  }
  lastTokens = tokens;
  lastHashes = hashes;
  return hashes;
}
