import type { Article } from "../core/article.js";
import { tokenHashes } from "../text/token-hashes.js";
import { hashString, mix } from "./hash.js";
import { lexiconTags, type LexiconTags } from "./lexicon-tags.js";
import { wordBands } from "./word-bands.js";

/** Per-token values the features combine, computed once per article. */
export interface FeatureContext {
  readonly n: number;
  readonly word: Int32Array;
  readonly pos: Int32Array;
  readonly shape: Uint8Array;
  readonly freq: Uint8Array;
  readonly lex: Int32Array;
  readonly tags: LexiconTags;
  readonly cueLeft: Int32Array;
  readonly cueRight: Int32Array;
  /** Per sentence: bit 1 a harming verb, 2 a damaging verb, 4 a weapon, 8 an actor or perpetrator noun. */
  readonly sentenceCues: Int32Array;
  /** Band of the document's relevance score (doc-relevance.ts), set once it is known. */
  docBucket: number;
  /** Per sentence: band of its relevance score (sentence-relevance.ts), filled in once known. */
  readonly sentenceBand: Uint8Array;
  readonly article: Article;
}

function shapeOf(value: string, type: string): number {
  if (type === "number") return 1;
  if (type === "punctuation") return 2;
  let digits = false;
  let letters = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits = true;
    else if (c > 64) letters = true;
  }
  if (digits && letters) return 3;
  if (value.includes("-") || value.includes(".")) return 4;
  return 0;
}

const distBucket = (d: number): number => (d <= 3 ? d : d <= 6 ? 4 : 5);

// A tagger has a score of tags: each is hashed once, not once per token.
const tagHashes = new Map<string, number>();
function tagHash(tag: string): number {
  let h = tagHashes.get(tag);
  if (h === undefined) {
    h = hashString(tag);
    tagHashes.set(tag, h);
  }
  return h;
}

/**
 * Builds the feature context of an article. `vocabulary` maps a word key to its frequency band in
 * the training data (1 rare ... 4 common; absent 0): proper names are the rare words.
 */
export function featureContext(
  article: Article,
  vocabulary: ReadonlyMap<string, number>,
  docBucket = 0,
): FeatureContext {
  const tk = article.tokens;
  const n = tk.count;
  // The same FNV-1a hash the lexicon scans already computed for the article's keys.
  const word = tokenHashes(tk);
  const pos = new Int32Array(n);
  const shape = new Uint8Array(n);
  const freq = new Uint8Array(n);
  const lex = new Int32Array(n);
  const tags = lexiconTags(article);
  const bands = wordBands(vocabulary);
  for (let i = 0; i < n; i++) {
    const key = tk.key[i] as string;
    pos[i] = tagHash(tk.pos[i] as string);
    shape[i] = shapeOf(key, tk.type[i] as string);
    freq[i] = bands.band(key, word[i] as number);
    lex[i] =
      (tags.actor[i] as number) +
      5 *
        ((tags.weapon[i] as number) +
          3 *
            ((tags.target[i] as number) +
              3 *
                ((tags.victim[i] as number) +
                  3 *
                    ((tags.title[i] as number) +
                      3 * ((tags.perpetrator[i] as number) + 3 * (tags.verb[i] as number))))));
  }
  const cueLeft = new Int32Array(n);
  const cueRight = new Int32Array(n);
  const sentenceCues = new Int32Array(article.sentences.length);
  article.sentences.forEach((s, si) => {
    let cue = 0;
    let last = -1;
    for (let i = s.firstToken; i < s.endToken; i++) {
      cueLeft[i] = last < 0 ? 0 : mix(word[last] as number, distBucket(i - last));
      if (tags.verb[i]) last = i;
      if (tags.verb[i] === 1 || tags.verb[i] === 3) cue |= 1;
      if ((tags.verb[i] as number) >= 2) cue |= 2;
      if (tags.weapon[i]) cue |= 4;
      if (tags.actor[i] || tags.perpetrator[i]) cue |= 8;
    }
    last = -1;
    for (let i = s.endToken - 1; i >= s.firstToken; i--) {
      cueRight[i] = last < 0 ? 0 : mix(word[last] as number, distBucket(last - i));
      if (tags.verb[i]) last = i;
    }
    sentenceCues[si] = cue;
  });
  const sentenceBand = new Uint8Array(article.sentences.length);
  return { n, word, pos, shape, freq, lex, tags, cueLeft, cueRight, sentenceCues, docBucket, sentenceBand, article };
}
