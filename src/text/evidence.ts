import type { Article } from "../core/article.js";
import type { Evidence, Span } from "../core/span.js";

/**
 * The one function that turns a span of the normalised text into evidence in the text the user
 * gave. Returns null for an empty span; never searches the text.
 */
export function toEvidence(article: Article, span: Span): Evidence | null {
  if (span.end <= span.start || span.start < 0 || span.end > article.text.length) return null;
  const start = article.offsets.rawStart[span.start] as number;
  const end = article.offsets.rawEnd[span.end - 1] as number;
  if (end <= start) return null;
  return { text: article.raw.slice(start, end), start, end };
}

/** The span of tokens [first, last] (inclusive) of an article. */
export function tokenSpan(article: Article, first: number, last: number): Span {
  return { start: article.tokens.start[first] as number, end: article.tokens.end[last] as number };
}

/** The words of a span in the normalised text (for matching and display, not for evidence). */
export const spanText = (article: Article, span: Span): string => article.text.slice(span.start, span.end);
