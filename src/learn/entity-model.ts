import type { Candidate } from "./entity-candidates.js";
import { writeMentionFeatures, writePhraseFeatures } from "./entity-features.js";
import type { FeatureContext } from "./feature-context.js";
import { ROLE_COUNT } from "./labels.js";
import { WeightTable } from "./weight-table.js";

/** Classes of a candidate phrase: 0 no role, 1 + i the role TAGGED_ROLES[i]. */
export const CLASS_COUNT = 1 + ROLE_COUNT;

/** The best margin of a role's logit over "none". */
export function roleMargin(z: ArrayLike<number>): number {
  let best = -Infinity;
  for (let r = 1; r < CLASS_COUNT; r++) best = Math.max(best, (z[r] as number) - (z[0] as number));
  return best;
}

/**
 * A multinomial logistic model over hashed candidate features, with a threshold per role. Most
 * candidates of a document are plainly no filler from their words alone: when the phrase's own
 * features leave every role more than `prefilter` (logit) below "none", its mentions' contexts are
 * not looked at (the training script sets the margin so that no training candidate that would
 * pass a threshold is lost).
 */
export class EntityModel {
  readonly table: WeightTable;
  readonly thresholds: readonly number[];
  readonly prefilter: number | null;
  private readonly scores = new Float64Array(CLASS_COUNT);

  constructor(table: WeightTable, thresholds: readonly number[], prefilter: number | null = null) {
    this.table = table;
    this.thresholds = thresholds;
    this.prefilter = prefilter;
  }

  /** Class probabilities of a candidate phrase, written into `out`; `buffer` is scratch space. */
  candidate(c: FeatureContext, cand: Candidate, buffer: Int32Array, out: Float64Array): Float64Array {
    const z = this.scores;
    this.table.begin(z);
    const n = writePhraseFeatures(c, cand, buffer, 0);
    this.table.addDistinct(buffer, 0, n, z);
    if (this.prefilter === null || roleMargin(z) >= this.prefilter) {
      const m = writeMentionFeatures(c, cand, buffer, n);
      this.table.addDistinct(buffer, n, m, z);
    }
    softmax(z, out);
    return out;
  }
}

export function softmax(z: ArrayLike<number>, out: Float64Array): void {
  let max = -Infinity;
  for (let i = 0; i < out.length; i++) max = Math.max(max, z[i] as number);
  let sum = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.exp((z[i] as number) - max);
    sum += out[i] as number;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / sum;
}
