import type { Article } from "../../core/article.js";
import type { PhraseMatch } from "../../text/phrases.js";
import { sourceLexicon, type Outlet, type SourceKind, type Speaker } from "./lexicon.js";
import type { Phrase } from "./phrase.js";

/** What a phrase is as a source: its short name and kind. */
export interface SourceReading {
  readonly name: string;
  readonly kind: SourceKind;
}

const LINKS = new Set(["of", "at", "in", "for", "from", "with"]);
const ALL_CAPS = /^[A-Z0-9&/.-]+$/;

/** The outlet alias at a match is written as the list writes it (capitals count in cased text). */
function outletCaseFits(article: Article, m: PhraseMatch<Outlet>): boolean {
  if (article.caseless) return true;
  const alias = (m.values[0] as Outlet).alias;
  const value = article.tokens.value[m.first] as string;
  const first = alias.charAt(0);
  if (first !== first.toUpperCase()) return true;
  if (value.charAt(0) !== value.charAt(0).toUpperCase()) return false;
  // Short capitals-only aliases ("AP", "DW") must be capitals in the text too.
  if (alias.length <= 4 && ALL_CAPS.test(alias)) return value === value.toUpperCase();
  return true;
}

/** The last outlet named in tokens [first, end): the name, not the description ("state media agency Xinhua"). */
export function outletIn(
  article: Article,
  first: number,
  end: number,
): (SourceReading & { first: number; end: number }) | null {
  const lex = sourceLexicon();
  let found: (SourceReading & { first: number; end: number }) | null = null;
  for (const m of lex.outlets.findAll(article.tokens, first, end)) {
    if (!outletCaseFits(article, m)) continue;
    const o = m.values[0] as Outlet;
    found = { name: o.name, kind: o.kind, first: m.first, end: m.end };
  }
  return found;
}

function isProperName(article: Article, k: number): boolean {
  if (article.caseless) return false;
  const v = article.tokens.value[k] as string;
  return article.tokens.pos[k] === "PROPN" && v.charAt(0) !== v.charAt(0).toLowerCase();
}

/** The place or body named right before a title: "Kandahar police head", "Kandahar's director of health". */
function qualifier(article: Article, phrase: Phrase, titleFirst: number): string | null {
  const t = article.tokens;
  let k = titleFirst - 1;
  if (k >= phrase.first && t.key[k] === "'s") k--;
  const words: string[] = [];
  while (k >= phrase.first && words.length < 3 && isProperName(article, k)) words.unshift(t.value[k--] as string);
  return words.length ? words.join(" ") : null;
}

/**
 * Reads a phrase as a source: an outlet from the list, a title or body from the speaker list (with
 * the place named before it), or, failing both, a person's name (two or more capitalised words,
 * none of them organisational). Null for anything else: a pronoun, a common noun, a group's name.
 */
export function classify(article: Article, phrase: Phrase): SourceReading | null {
  const outlet = outletIn(article, phrase.first, phrase.end);
  if (outlet) return { name: outlet.name, kind: outlet.kind };
  const lex = sourceLexicon();
  const t = article.tokens;
  // The head of "a doctor at Mirwais hospital in the city's centre" is before the first
  // preposition; within it the last, longest title wins ("Kandahar police head").
  const matches = lex.speakers.findAll(t, phrase.first, phrase.end);
  let headEnd = phrase.end;
  for (let k = phrase.first; k < phrase.end; k++) {
    if (LINKS.has(t.key[k] as string) && !matches.some((m) => m.first < k && k < m.end)) {
      headEnd = k;
      break;
    }
  }
  const inHead = matches.filter((m) => m.first < headEnd);
  let best: PhraseMatch<Speaker> | null = null;
  for (const m of inHead.length ? inHead : matches) {
    if (!best || m.end - m.first >= best.end - best.first) best = m;
  }
  if (best) {
    const s = best.values[0] as Speaker;
    if (s.kind === "official") {
      const q = qualifier(article, phrase, best.first);
      return { name: q ? `${q} ${s.name}` : s.name, kind: s.kind };
    }
    return { name: s.name, kind: s.kind };
  }
  let names = 0;
  for (let k = phrase.first; k < phrase.end; k++) {
    if (lex.nameStopwords.has(t.key[k] as string)) return null;
    if (isProperName(article, k)) names++;
    else if (t.pos[k] !== "PROPN" && t.key[k] !== "-" && t.key[k] !== ".") return null;
  }
  if (names < 2) return null;
  return { name: article.text.slice(t.start[phrase.first] as number, t.end[phrase.end - 1] as number), kind: "other" };
}
