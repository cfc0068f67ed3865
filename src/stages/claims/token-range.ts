import type { Article } from "../../core/article.js";
import type { Span } from "../../core/span.js";

/** First token starting at or after `offset` (binary search over token starts). */
function tokenAtOrAfter(article: Article, offset: number): number {
  const starts = article.tokens.start;
  let lo = 0;
  let hi = article.tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tokens [first, end) a span made from token offsets covers; null if it covers none. */
export function tokenRange(article: Article, span: Span): [number, number] | null {
  const first = tokenAtOrAfter(article, span.start);
  let end = first;
  while (end < article.tokens.count && (article.tokens.end[end] as number) <= span.end) end++;
  return end > first ? [first, end] : null;
}
