/**
 * Linear weights over hashed features, one row of `width` weights per feature (one per label),
 * held in an open-addressing table keyed by the 32-bit feature hash: a lookup is a few integer
 * operations and no allocation.
 */
export class WeightTable {
  readonly width: number;
  private readonly keys: Int32Array;
  private readonly used: Uint8Array;
  private readonly rowOfSlot: Int32Array;
  readonly weights: Float32Array;
  private readonly mask: number;

  constructor(featureKeys: Int32Array, weights: Float32Array, width: number) {
    this.width = width;
    let capacity = 16;
    while (capacity < featureKeys.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.rowOfSlot = new Int32Array(capacity);
    this.weights = weights;
    for (let r = 0; r < featureKeys.length; r++) {
      const key = featureKeys[r] as number;
      let slot = key & this.mask;
      while (this.used[slot] && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
      this.used[slot] = 1;
      this.keys[slot] = key;
      this.rowOfSlot[slot] = r;
    }
  }

  /** Row index of a feature, or -1 when the model never saw it. */
  row(key: number): number {
    let slot = key & this.mask;
    while (this.used[slot]) {
      if (this.keys[slot] === key) return this.rowOfSlot[slot] as number;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  /** Adds the rows of the given features into `scores` (length `width`). */
  score(features: Int32Array, count: number, scores: Float64Array): void {
    const w = this.width;
    for (let l = 0; l < w; l++) scores[l] = 0;
    for (let f = 0; f < count; f++) {
      const r = this.row(features[f] as number);
      if (r < 0) continue;
      const base = r * w;
      for (let l = 0; l < w; l++) scores[l] = (scores[l] as number) + (this.weights[base + l] as number);
    }
  }
}
