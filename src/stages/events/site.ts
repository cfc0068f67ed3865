import type { Fact } from "../../core/annotations.js";
import type { Article } from "../../core/article.js";
import type { Taxonomy } from "../../taxonomy/load.js";
import { tokenSpan } from "../../text/evidence.js";
import type { ArticleIndex } from "./article-index.js";
import type { Draft } from "./draft.js";

/** How far from a trigger a site word may stand ("a suicide bombing at a Shiite mosque"). */
const REACH = 12;
/** Sentences of an event searched for its site: the first ones tell where it happened. */
const SENTENCES = 3;

/** How far before a trigger a site word may stand ("at the mosque, a bomb exploded"). */
const REACH_BEFORE = 8;

/**
 * The kind of site the event hit (mosque, market, checkpoint): the site word nearest one of its
 * triggers, after it preferred. Each trigger reads a bounded window of the site words of its
 * sentence, so a long sentence costs linear time.
 */
export function findSite(
  article: Article,
  tax: Taxonomy,
  idx: ArticleIndex,
  d: Draft,
): (Fact & { name: string }) | null {
  for (const s of d.sentences.slice(0, SENTENCES)) {
    const sentence = article.sentences[s];
    if (!sentence) continue;
    const at = new Map<number, { end: number; name: string }>();
    for (const m of tax.sites.findAll(article.tokens, sentence.firstToken, sentence.endToken)) {
      if (m.values[0] !== "street") at.set(m.first, { end: m.end, name: m.values[0] as string });
    }
    if (at.size === 0) continue;
    let best: (Fact & { name: string }) | null = null;
    let bestDistance = Infinity;
    for (const t of d.triggers) {
      if (t.sentence !== s) continue;
      const tok = idx.tokenOf(t.span.start);
      for (
        let j = Math.max(sentence.firstToken, tok - REACH_BEFORE);
        j <= Math.min(sentence.endToken - 1, tok + REACH);
        j++
      ) {
        const hit = at.get(j);
        if (!hit) continue;
        const distance = j >= tok ? j - tok : (tok - j) * 1.5;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = { span: tokenSpan(article, j, hit.end - 1), rule: "site.lexicon", confidence: 0.7, name: hit.name };
        }
      }
    }
    if (best) return best;
  }
  return null;
}
