import type { Article } from "../core/article.js";

/** A headline is a short first paragraph that ends without a full stop. */
const HEADLINE_TOKENS = 30;

/**
 * The number of tokens of the article's headline ("Gunmen kill 14 in Burkina Faso" above its
 * story), or 0 when the first paragraph is no headline: a long one, one ending in a full stop, or
 * the whole text.
 */
export function headlineTokens(article: Article): number {
  const next = article.paragraphs[1];
  if (!article.paragraphs[0] || !next) return 0;
  const t = article.tokens;
  let end = 0;
  // no further than a headline may run: a long first paragraph is read no further
  while (end <= HEADLINE_TOKENS && end < t.count && (t.start[end] as number) < next.start) end++;
  if (end === 0 || end > HEADLINE_TOKENS || end >= t.count || t.key[end - 1] === ".") return 0;
  return end;
}
