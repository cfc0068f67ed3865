import type { Article, TokenTable } from "../../core/article.js";
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

/** "two more died", "another three were killed", "a further five": a count added to the others. */
function addsToOthers(t: TokenTable, first: number, end: number): boolean {
  // "two more (people) died"; not "injured dozens more", which counts them beside the dead
  const clause = (k: number) => t.pos[k] === "VERB" || t.pos[k] === "AUX";
  if (t.key[end] === "more" && (clause(end + 1) || (t.pos[end + 1] === "NOUN" && clause(end + 2)))) return true;
  const before = t.key[first - 1];
  return before === "another" || (before === "further" && t.key[first - 2] === "a");
}

/** What a toll is summed since: "since 2009", "since the start of the war". */
const SINCE_WHAT = new Set(["start", "beginning", "outbreak", "war", "conflict", "insurgency", "uprising"]);
const SINCE_REACH = 6;

/**
 * "the conflict, which has killed more than 35,000 people since 2009": a toll summed over years is
 * no event's count (UCDP and ACLED count each event). `end` is one past the count.
 */
function summedOverYears(t: TokenTable, end: number, stop: number): boolean {
  for (let k = end; k < Math.min(stop, end + SINCE_REACH); k++) {
    const key = t.key[k] as string;
    if (key === "," || key === ";") return false;
    if (key !== "since") continue;
    const next = t.key[k + 1] as string;
    return /^\d{4}$/.test(next) || (next === "the" && SINCE_WHAT.has(t.key[k + 2] as string));
  }
  return false;
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
        if (summedOverYears(article.tokens, c.end, s.endToken)) continue;
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
          ...(addsToOthers(article.tokens, c.first, c.end) ? { additional: true } : {}),
          sourceIndex: sourceFor(article, sources, index, span.start),
        });
      }
    });
    return { figures };
  },
};
