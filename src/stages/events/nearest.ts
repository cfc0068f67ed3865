import type { TriggerMention } from "../../core/annotations.js";
import type { ArticleIndex } from "./article-index.js";
import type { Draft } from "./draft.js";

interface Position {
  readonly token: number;
  readonly draft: Draft;
}

export interface NearestOptions {
  /** Skip a trigger that a reporting word ("said", "claimed") separates from the item. */
  readonly skipReported?: boolean;
  /** How much a trigger after the item counts against it, relative to one before (items usually follow their trigger). */
  readonly beforePenalty?: number;
  /** Farthest token distance accepted. */
  readonly reach?: number;
  /** Triggers before this token are not considered (they tell another event than the item's part of the sentence). */
  readonly from?: number;
}

/**
 * The drafts of each sentence by the positions of their triggers, so that the draft nearest an
 * annotation is found by binary search: O(log n) per annotation, however many triggers a
 * sentence holds.
 */
export class SentenceDrafts {
  private readonly bySentence = new Map<number, Position[]>();

  constructor(private readonly idx: ArticleIndex) {}

  private sorted = true;

  add(draft: Draft, trigger: TriggerMention): void {
    const token = this.idx.tokenOf(trigger.span.start);
    const list = this.bySentence.get(trigger.sentence);
    const pos = { token, draft };
    if (!list) this.bySentence.set(trigger.sentence, [pos]);
    else {
      if ((list[list.length - 1] as Position).token > token) this.sorted = false;
      list.push(pos);
    }
  }

  /** Positions in token order; drafts add their triggers one draft after another, so sort once before asking. */
  private list(sentence: number): Position[] | undefined {
    if (!this.sorted) {
      for (const l of this.bySentence.values()) l.sort((a, b) => a.token - b.token);
      this.sorted = true;
    }
    return this.bySentence.get(sentence);
  }

  has(sentence: number): boolean {
    return this.bySentence.has(sentence);
  }

  drafts(sentence: number): Draft[] {
    return [...new Set((this.list(sentence) ?? []).map((p) => p.draft))];
  }

  /** The draft whose trigger is nearest token `token` of sentence `sentence`, or null. */
  nearest(sentence: number, token: number, opts: NearestOptions = {}): Draft | null {
    const list = this.list(sentence);
    if (!list) return null;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as Position).token <= token) lo = mid + 1;
      else hi = mid;
    }
    const before = lo > 0 && (list[lo - 1] as Position).token >= (opts.from ?? -1) ? (list[lo - 1] as Position) : null;
    const after = lo < list.length ? (list[lo] as Position) : null;
    const penalty = opts.beforePenalty ?? 1.5;
    const reach = opts.reach ?? Infinity;
    let best: Draft | null = null;
    let bestDistance = Infinity;
    if (before && !(opts.skipReported && this.idx.reportingBetween(before.token, token))) {
      const d = token - before.token;
      if (d <= reach) {
        best = before.draft;
        bestDistance = d;
      }
    }
    if (after && !(opts.skipReported && this.idx.reportingBetween(token, after.token))) {
      const d = (after.token - token) * penalty;
      if (after.token - token <= reach && d < bestDistance) best = after.draft;
    }
    return best;
  }
}
