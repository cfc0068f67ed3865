import type { Article } from "../../core/article.js";
import type { FigureMention, SourceMention } from "../../core/annotations.js";
import type { Stage } from "../../pipeline/stage.js";
import { tokenSpan } from "../../text/evidence.js";
import { figuresInSentence } from "./patterns.js";
import { singularFigures } from "./singular.js";

/** The source the sentence cites nearest to the figure, as an index into `sources`. */
function sourceFor(article: Article, sources: readonly SourceMention[], sentence: number, at: number): number | null {
  let best: number | null = null;
  let distance = Infinity;
  sources.forEach((s, k) => {
    if (s.sentence !== sentence) return;
    const d = Math.abs(s.span.start - at);
    if (d < distance) {
      distance = d;
      best = k;
    }
  });
  return best;
}

/**
 * Casualty figures: how many were killed, injured or kidnapped, as UCDP low / best / high, with
 * who they were when the text says and the source the sentence cites for them.
 */
export const figuresStage: Stage<"figures"> = {
  name: "figures",
  requires: ["sources"],
  provides: ["figures"],
  run({ article, annotations }) {
    const sources = annotations.sources ?? [];
    const figures: FigureMention[] = [];
    article.sentences.forEach((s, index) => {
      const counts = figuresInSentence(article.tokens, s.firstToken, s.endToken);
      const marks = new Uint8Array(s.endToken - s.firstToken);
      for (const c of counts) marks.fill(1, c.first - s.firstToken, c.end - s.firstToken);
      const taken = (i: number) => marks[i - s.firstToken] === 1;
      for (const c of [...counts, ...singularFigures(article.tokens, s.firstToken, s.endToken, taken)]) {
        const span = tokenSpan(article, c.first, c.end - 1);
        figures.push({
          span,
          rule: c.rule,
          confidence: c.confidence,
          kind: c.kind,
          low: c.low,
          best: c.best,
          high: c.high,
          group: c.group,
          perpetrators: c.perpetrators,
          revision: c.revision,
          sourceIndex: sourceFor(article, sources, index, span.start),
        });
      }
    });
    return { figures };
  },
};
