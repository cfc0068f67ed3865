import type { Article } from "../../core/article.js";
import type { Span } from "../../core/span.js";
import type { Taxonomy } from "../../taxonomy/load.js";

/**
 * Token-level facts about the whole article the frame rules ask about, each answered in O(1):
 * which token holds an offset, and whether a reporting verb ("said", "claimed", "according to")
 * stands between two tokens (then a date or place before it belongs to the report, not the event).
 */
export class ArticleIndex {
  private readonly reportingPrefix: Int32Array;

  constructor(readonly article: Article, tax: Taxonomy) {
    const n = article.tokens.count;
    const starts = new Uint8Array(n);
    for (const m of tax.clauses.findAll(article.tokens)) if (m.values[0] === "reporting") starts[m.first] = 1;
    this.reportingPrefix = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.reportingPrefix[i + 1] = (this.reportingPrefix[i] as number) + (starts[i] as number);
  }

  /** The token holding (or first after) an offset, or -1 in an article without tokens. */
  tokenOf(offset: number): number {
    const ends = this.article.tokens.end;
    let lo = 0;
    let hi = this.article.tokens.count - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ends[mid] as number) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The sentence of a span (its first token's), or -1. */
  sentenceOf(span: Span): number {
    const t = this.tokenOf(span.start);
    return t < 0 ? -1 : (this.article.tokens.sentence[t] as number);
  }

  paragraphOf(sentence: number): number {
    return this.article.sentences[sentence]?.paragraph ?? -1;
  }

  /** True when a reporting word starts strictly between tokens a and b (either order). */
  reportingBetween(a: number, b: number): boolean {
    const lo = Math.min(a, b) + 1;
    const hi = Math.max(a, b);
    if (hi <= lo) return false;
    return (this.reportingPrefix[hi] as number) - (this.reportingPrefix[lo] as number) > 0;
  }
}
