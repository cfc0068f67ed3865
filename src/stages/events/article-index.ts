import type { Article } from "../../core/article.js";
import type { Span } from "../../core/span.js";
import type { Taxonomy } from "../../taxonomy/load.js";
import { cameAfterAt } from "../../text/came-after.js";

/** Words that put the place after them as where something is or happens. */
const LOCATIVE: ReadonlySet<string> = new Set([
  "in",
  "at",
  "near",
  "outside",
  "inside",
  "around",
  "across",
  "into",
  "of",
  "from",
  "on",
  "to",
  "toward",
  "towards",
  "between",
  "throughout",
  "within",
  "along",
  "over",
  "through",
  "off",
  "nearby",
  "beyond",
]);
const LOCATIVE_REACH = 3;
/** How many words a possessor before a place may have: "Plateau state's", "North Kivu province's". */
const POSSESSOR_REACH = 4;

/**
 * Token-level facts about the whole article the frame rules ask about, each answered in O(1):
 * which token holds an offset, and whether a reporting verb ("said", "claimed", "according to")
 * stands between two tokens (then a date or place before it belongs to the report, not the event).
 */
export class ArticleIndex {
  private readonly reportingPrefix: Int32Array;
  /** cameAfterAt of each sentence once asked; -2 while not yet read. */
  private readonly cameAfterOf: Int32Array;

  /** `sentences`: the sentences that hold triggers, the only ones whose reporting words are asked about. */
  constructor(
    readonly article: Article,
    readonly tax: Taxonomy,
    sentences: Iterable<number>,
  ) {
    const n = article.tokens.count;
    const starts = new Uint8Array(n);
    for (const s of sentences) {
      const sentence = article.sentences[s];
      if (!sentence) continue;
      for (const m of tax.clauses.findAll(article.tokens, sentence.firstToken, sentence.endToken)) {
        if (m.values[0] === "reporting") starts[m.first] = 1;
      }
    }
    this.cameAfterOf = new Int32Array(article.sentences.length).fill(-2);
    this.reportingPrefix = new Int32Array(n + 1);
    for (let i = 0; i < n; i++)
      this.reportingPrefix[i + 1] = (this.reportingPrefix[i] as number) + (starts[i] as number);
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

  /**
   * Whether a place mention reads as where something happens ("in Kandahar", "the city of
   * Kayseri", "Kandahar, Afghanistan") rather than as a name doing something ("The White House
   * condemned", "Kandahar police head"): a locative word or a list comma shortly before it.
   */
  locative(span: Span): boolean {
    const t = this.article.tokens;
    const tok = this.tokenOf(span.start);
    const sentence = this.article.sentences[t.sentence[tok] as number];
    // "in Plateau state's Mangu area": the locative word stands before the possessor
    const reach = t.key[tok - 1] === "'s" ? LOCATIVE_REACH + POSSESSOR_REACH : LOCATIVE_REACH;
    const from = Math.max(sentence?.firstToken ?? 0, tok - reach);
    for (let j = tok - 1; j >= from; j--) {
      const k = t.key[j] as string;
      if (LOCATIVE.has(k)) return true;
      if (j === tok - 1 && (k === "," || k === "and" || k === "or")) return true;
    }
    return false;
  }

  /**
   * The token of "after" in "The strike came a day after ..." in sentence `s`, or -1: what the
   * sentence tells past it is of the earlier event (text/came-after.ts). Read once per sentence.
   */
  cameAfter(s: number): number {
    let at = this.cameAfterOf[s];
    if (at === undefined) return -1;
    if (at === -2) {
      const sentence = this.article.sentences[s]!;
      at = cameAfterAt(this.article.tokens, sentence.firstToken, sentence.endToken);
      this.cameAfterOf[s] = at;
    }
    return at;
  }

  /** True when a reporting word ("said", "announced") starts at token k. */
  reportingAt(k: number): boolean {
    return k >= 0 && this.reportingBetween(k - 1, k + 1);
  }

  /** True when a reporting word starts strictly between tokens a and b (either order). */
  reportingBetween(a: number, b: number): boolean {
    const lo = Math.min(a, b) + 1;
    const hi = Math.max(a, b);
    if (hi <= lo) return false;
    return (this.reportingPrefix[hi] as number) - (this.reportingPrefix[lo] as number) > 0;
  }
}
