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

/** The kind of site the event hit (mosque, market, checkpoint): the site word nearest one of its triggers. */
export function findSite(article: Article, tax: Taxonomy, idx: ArticleIndex, d: Draft): (Fact & { name: string }) | null {
  let best: (Fact & { name: string }) | null = null;
  let bestDistance = Infinity;
  for (const s of d.sentences.slice(0, SENTENCES)) {
    const sentence = article.sentences[s];
    if (!sentence) continue;
    const triggers = d.triggers.filter((t) => t.sentence === s).map((t) => idx.tokenOf(t.span.start));
    for (const m of tax.sites.findAll(article.tokens, sentence.firstToken, sentence.endToken)) {
      let distance = Infinity;
      for (const t of triggers) distance = Math.min(distance, m.first >= t ? m.first - t : (t - m.first) * 1.5);
      if (distance <= REACH && distance < bestDistance) {
        bestDistance = distance;
        best = { span: tokenSpan(article, m.first, m.end - 1), rule: "site.lexicon", confidence: 0.7, name: m.values[0] as string };
      }
    }
    if (best) break;
  }
  return best;
}
