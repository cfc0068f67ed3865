import { mix } from "./hash.js";
import type { FeatureContext } from "./feature-context.js";

/**
 * Whether a document reports an attack at all: a logistic model over the words of the document
 * (and, apart, of its first sentences) and the counts of lexicon cues. MUC-4 codes only terrorist
 * incidents, so most of a tagger's precision on documents without one comes from this score.
 */
const D = { WORD: 101, LEAD: 102, CUE: 103, BIAS: 104 } as const;

const LEAD_SENTENCES = 3;

const band = (count: number): number => (count === 0 ? 0 : count === 1 ? 1 : count <= 3 ? 2 : count <= 8 ? 3 : 4);

/** The distinct hashed features of a document. */
export function docFeatures(c: FeatureContext): Int32Array {
  const buffer = new Int32Array(docFeatureBound(c));
  return Int32Array.from(new Set(buffer.subarray(0, writeDocFeatures(c, buffer))));
}

/** The size a buffer needs to hold a document's features. */
export const docFeatureBound = (c: FeatureContext): number => 2 * c.n + 16;

/** Writes a document's hashed features into `out` (a feature may repeat) and returns how many. */
export function writeDocFeatures(c: FeatureContext, out: Int32Array): number {
  let n = 0;
  const seen = { add: (x: number) => (out[n++] = x) };
  seen.add(D.BIAS);
  const a = c.article;
  const leadEnd = a.sentences[Math.min(LEAD_SENTENCES, a.sentences.length) - 1]?.endToken ?? 0;
  const counts = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < c.n; i++) {
    if (a.tokens.type[i] !== "word") continue;
    seen.add(mix(D.WORD, c.word[i] as number));
    if (i < leadEnd) seen.add(mix(D.LEAD, c.word[i] as number));
    const t = c.tags;
    if (t.verb[i] === 1 || t.verb[i] === 3) counts[0]!++;
    if ((t.verb[i] as number) >= 2) counts[1]!++;
    if (t.weapon[i] === 1) counts[2]!++;
    if (t.actor[i] === 1) counts[3]!++;
    if (t.perpetrator[i] === 1) counts[4]!++;
    if (t.target[i] === 1) counts[5]!++;
  }
  counts.forEach((count, kind) => seen.add(mix(mix(D.CUE, kind), band(count))));
  return n;
}

export interface DocModel {
  /** Weight of a feature (0 when unknown). */
  readonly weight: (feature: number) => number;
  /** Probability cut points between bands, ascending. */
  readonly cuts: readonly number[];
}

/** The logistic function: a linear score as a probability. */
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The band of a probability between ascending cut points: 0 below the first, cuts.length above the last. */
export function bandOf(cuts: readonly number[], p: number): number {
  let b = 0;
  while (b < cuts.length && p >= (cuts[b] as number)) b++;
  return b;
}

export function docProbability(model: DocModel, features: Int32Array): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) z += model.weight(features[i] as number);
  return sigmoid(z);
}

/** A document model over a map of weights (as training holds them). */
export function docModelOf(weights: ReadonlyMap<number, number>, cuts: readonly number[]): DocModel {
  return { weight: (f) => weights.get(f) ?? 0, cuts };
}

export const docBand = (model: DocModel, p: number): number => bandOf(model.cuts, p);
