import type { Article } from "../../core/article.js";
import type { Phrase } from "./phrase.js";

/** A source named in the header of a wire story, in tokens. */
export interface HeaderSource extends Phrase {
  /** "dateline": the outlet in parentheses after the date; "bracket": the speaker after the genre. */
  readonly where: "dateline" | "bracket";
}

// FBIS/MUC-4 labels in square brackets that say what follows, not who speaks.
const LABELS = new Set([
  "text",
  "report",
  "communique",
  "speech",
  "statement",
  "excerpt",
  "excerpts",
  "commentary",
  "editorial",
  "article",
  "continued",
  "summary",
  "editorial report",
  "begin recording",
  "passage omitted",
  "words indistinct",
  "word indistinct",
  "as heard",
  "station commentary",
  "interview",
  "report by",
  "reporter",
  "moderator",
  "up",
  "news conference",
]);
const HEAD_TOKENS = 80;

function isDash(article: Article, k: number): boolean {
  const t = article.tokens;
  return t.key[k] === "--" || (t.key[k] === "-" && t.key[k + 1] === "-");
}

/**
 * The sources of a wire header: "SAN SALVADOR, 15 MAR 89 (RADIO CADENA YSKL) -- [COMMUNIQUE]
 * [FARABUNDO MARTI NATIONAL LIBERATION FRONT] [TEXT]". The parenthesised group right after the
 * date (not the country after the city) is the outlet; a bracketed group that is not a label is
 * the body or person speaking. Only the first tokens of the article are looked at.
 */
export function headerSources(article: Article): HeaderSource[] {
  const t = article.tokens;
  const limit = Math.min(t.count, HEAD_TOKENS);
  let dash = -1;
  for (let k = 0; k < limit && k < 25; k++) {
    if (isDash(article, k)) {
      dash = k;
      break;
    }
  }
  if (dash < 0) return [];
  const out: HeaderSource[] = [];
  // The outlet: "( ... )" closing right before the dash, opened after a number or "DATE".
  if (t.key[dash - 1] === ")") {
    let open = dash - 2;
    while (open > 0 && t.key[open] !== "(" && dash - open < 12) open--;
    const before = t.key[open - 1] ?? "";
    if (t.key[open] === "(" && open + 1 < dash - 1 && (t.type[open - 1] === "number" || before === "date")) {
      out.push({ first: open + 1, end: dash - 1, where: "dateline" });
    }
  }
  // Bracketed groups after the dash, up to "[TEXT]".
  let k = dash + (t.key[dash] === "--" ? 1 : 2);
  while (k < limit && t.key[k] === "[") {
    let close = k + 1;
    while (close < limit && t.key[close] !== "]" && close - k < 40) close++;
    if (t.key[close] !== "]") break;
    const words: string[] = [];
    for (let j = k + 1; j < close; j++) words.push(t.key[j] as string);
    const label = words.join(" ");
    if (label === "text") break;
    if (close > k + 1 && !LABELS.has(label) && !words.includes("with") && !words.includes("by")) {
      out.push({ first: k + 1, end: close, where: "bracket" });
    }
    k = close + 1;
  }
  return out;
}
