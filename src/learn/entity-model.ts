import { ROLE_COUNT } from "./labels.js";
import { WeightTable } from "./weight-table.js";

/** Classes of a candidate phrase: 0 no role, 1 + i the role TAGGED_ROLES[i]. */
export const CLASS_COUNT = 1 + ROLE_COUNT;

/** A multinomial logistic model over hashed candidate features, with a threshold per role. */
export class EntityModel {
  private readonly table: WeightTable;
  readonly thresholds: readonly number[];
  private readonly scores = new Float64Array(CLASS_COUNT);

  constructor(table: WeightTable, thresholds: readonly number[]) {
    this.table = table;
    this.thresholds = thresholds;
  }

  /** Class probabilities of a candidate (softmax), written into `out`. */
  probabilities(features: Int32Array, out: Float64Array = new Float64Array(CLASS_COUNT)): Float64Array {
    this.table.score(features, features.length, this.scores);
    softmax(this.scores, out);
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
