/**
 * Linear weights over hashed features, one row of `width` weights per feature (one per class),
 * held in an open-addressing table keyed by the 32-bit feature hash. Keys and row numbers sit
 * side by side so that a lookup touches one cache line, and the weights of a row are contiguous.
 */
export class WeightTable {
  readonly width: number;
  /** Pairs (key, row + 1); row + 1 = 0 marks an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  readonly weights: Float32Array;
  /** A small set of the features already added for the current item (cleared by generation). */
  private seenKeys = new Int32Array(1024);
  private seenMark = new Int32Array(1024);
  private generation = 0;

  constructor(featureKeys: Int32Array, weights: Float32Array, width: number) {
    this.width = width;
    let capacity = 16;
    while (capacity < featureKeys.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * 2);
    this.weights = weights;
    for (let r = 0; r < featureKeys.length; r++) {
      const key = featureKeys[r] as number;
      let slot = key & this.mask;
      while (this.slots[slot * 2 + 1] !== 0 && this.slots[slot * 2] !== key) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = key;
      this.slots[slot * 2 + 1] = r + 1;
    }
  }

  /** A larger set of seen features, keeping the ones of the current item. */
  private growSeen(count: number): void {
    let size = this.seenKeys.length;
    while (size < 2 * count) size *= 2;
    const keys = new Int32Array(size);
    const marks = new Int32Array(size);
    for (let s = 0; s < this.seenKeys.length; s++) {
      if (this.seenMark[s] !== this.generation) continue;
      const key = this.seenKeys[s] as number;
      let t = key & (size - 1);
      while (marks[t] === this.generation) t = (t + 1) & (size - 1);
      keys[t] = key;
      marks[t] = this.generation;
    }
    this.seenKeys = keys;
    this.seenMark = marks;
  }

  /** Number of rows (features) the table holds. */
  get rows(): number {
    return this.weights.length / this.width;
  }

  /** Row index of a feature, or -1 when the model never saw it. */
  row(key: number): number {
    const slots = this.slots;
    let slot = key & this.mask;
    for (;;) {
      const r = slots[slot * 2 + 1] as number;
      if (r === 0) return -1;
      if (slots[slot * 2] === key) return r - 1;
      slot = (slot + 1) & this.mask;
    }
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

  /** As `score`, counting a feature listed more than once only once. */
  scoreDistinct(features: Int32Array, count: number, scores: Float64Array): void {
    this.begin(scores);
    this.addDistinct(features, 0, count, scores);
  }

  /** Starts scoring an item: zero scores, forget the features seen. */
  begin(scores: Float64Array): void {
    for (let l = 0; l < this.width; l++) scores[l] = 0;
    this.generation++;
  }

  /**
   * Adds features [from, to) of the item begun last, each at most once over the whole item. The
   * set of features seen is kept at most half full, so a probe always ends.
   */
  addDistinct(features: Int32Array, from: number, to: number, scores: Float64Array): void {
    if (2 * to > this.seenKeys.length) this.growSeen(to);
    const w = this.width;
    const seenKeys = this.seenKeys;
    const seenMark = this.seenMark;
    const mask = seenKeys.length - 1;
    const mark = this.generation;
    for (let f = from; f < to; f++) {
      const key = features[f] as number;
      let s = key & mask;
      let dup = false;
      while (seenMark[s] === mark) {
        if (seenKeys[s] === key) {
          dup = true;
          break;
        }
        s = (s + 1) & mask;
      }
      if (dup) continue;
      seenMark[s] = mark;
      seenKeys[s] = key;
      const r = this.row(key);
      if (r < 0) continue;
      const base = r * w;
      for (let l = 0; l < w; l++) scores[l] = (scores[l] as number) + (this.weights[base + l] as number);
    }
  }
}
