/**
 * Linear weights over hashed features, one row of `width` weights per feature (one per class),
 * held in an open-addressing table keyed by the 32-bit feature hash. A slot holds the key, its row
 * number + 1 (0: empty) and a copy of the row's weights, so that scoring a known feature reads one
 * place in memory: the table is larger than a cache, and a key then a row elsewhere cost two misses.
 */
export class WeightTable {
  readonly width: number;
  /** Slots of `stride` 32-bit words: key, row + 1, the row's weights (as float bits), padding. */
  private readonly slots: Int32Array;
  private readonly slotWeights: Float32Array;
  private readonly stride: number;
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
    let stride = 2;
    while (stride < width + 2) stride *= 2;
    this.stride = stride;
    this.slots = new Int32Array(capacity * stride);
    this.slotWeights = new Float32Array(this.slots.buffer);
    this.weights = weights;
    for (let r = 0; r < featureKeys.length; r++) {
      const key = featureKeys[r] as number;
      let slot = key & this.mask;
      while (this.slots[slot * stride + 1] !== 0 && this.slots[slot * stride] !== key) slot = (slot + 1) & this.mask;
      this.slots[slot * stride] = key;
      this.slots[slot * stride + 1] = r + 1;
      for (let l = 0; l < width; l++) this.slotWeights[slot * stride + 2 + l] = weights[r * width + l] as number;
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
    const at = this.slotOf(key);
    return at < 0 ? -1 : (this.slots[at + 1] as number) - 1;
  }

  /** Offset in `slots` of a feature's slot, or -1 when the model never saw it. */
  private slotOf(key: number): number {
    const slots = this.slots;
    const stride = this.stride;
    let slot = key & this.mask;
    for (;;) {
      const at = slot * stride;
      if (slots[at + 1] === 0) return -1;
      if (slots[at] === key) return at;
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
    const slotWeights = this.slotWeights;
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
      const at = this.slotOf(key);
      if (at < 0) continue;
      const base = at + 2;
      for (let l = 0; l < w; l++) scores[l] = (scores[l] as number) + (slotWeights[base + l] as number);
    }
  }
}
