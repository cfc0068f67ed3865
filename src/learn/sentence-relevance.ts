import { bandOf } from "./doc-relevance.js";
import { mix } from "./hash.js";
import type { FeatureContext } from "./feature-context.js";

/**
 * Whether a sentence tells of the attack a document codes: a logistic model over the sentence's
 * words, its lexicon cues, its place in the document and the document's relevance band, trained
 * on the sentences that hold a gold filler. A candidate's own context is a few words wide; this
 * score reads the whole sentence, so that a phrase in a sentence about the attack stands apart
 * from the same phrase in a sentence about the peace talks.
 */
const S = { WORD: 301, CUE: 302, BIAS: 303, DOC: 304, POSITION: 305 } as const;

/** Probability cut points between the bands a candidate's features see. */
const CUTS: readonly number[] = [0.1, 0.25, 0.5, 0.75];

/** The size a buffer needs to hold the features of the sentence [first, end). */
export const sentenceFeatureBound = (first: number, end: number): number => end - first + 8;

/** Writes the hashed features of sentence `si` into `out` (a feature may repeat) and returns how many. */
export function writeSentenceFeatures(c: FeatureContext, si: number, out: Int32Array): number {
  const s = c.article.sentences[si]!;
  let n = 0;
  out[n++] = S.BIAS;
  out[n++] = mix(S.DOC, c.docBucket);
  out[n++] = mix(S.CUE, c.sentenceCues[si] as number);
  out[n++] = mix(S.POSITION, si < 3 ? si : si < 6 ? 3 : 4);
  for (let i = s.firstToken; i < s.endToken; i++) {
    if (c.article.tokens.type[i] === "word") out[n++] = mix(S.WORD, c.word[i] as number);
  }
  return n;
}

/** The band of a sentence's relevance probability. */
export const sentenceBand = (p: number): number => bandOf(CUTS, p);
