import type { Article } from "../core/article.js";
import { readTsv } from "./data-files.js";
import { countryAdjectives } from "./dictionary.js";
import { roleLexicons } from "./lexicons.js";
import { organisationNouns } from "./unknown-orgs.js";

/** People acting as a group, from the perpetrators lexicon: tokens [first, end) and the category. */
export interface IndividualsPhrase {
  readonly first: number;
  readonly end: number;
  readonly head: number;
  readonly category: string;
}

const LEFT_POS = new Set(["NUM", "ADJ", "ADV"]);
const MAX_LEFT = 4;
/** Words that open the phrase but never belong to it. */
const NOT_MODIFIERS = new Set([
  "other",
  "such",
  "many",
  "most",
  "some",
  "all",
  "more",
  "also",
  "not",
  "only",
  "even",
  "then",
  "now",
  "there",
]);

let groupWords: ReadonlySet<string> | null = null;

/**
 * One-word adjectives of peoples, faiths, movements and countries (data/actors/group-adjectives.tsv,
 * country adjectives), as token keys: "Kurdish", "Basque", "Maoist", "Syrian".
 */
function groupAdjectives(): ReadonlySet<string> {
  if (groupWords) return groupWords;
  const out = new Set<string>();
  for (const r of readTsv("actors/group-adjectives.tsv")) out.add((r.adjective as string).toLowerCase());
  for (const a of countryAdjectives()) if (!a.adjective.includes(" ")) out.add(a.adjective.toLowerCase());
  groupWords = out;
  return out;
}

/** A modifier of the phrase: a number, an adjective or adverb, or the capitalised adjective of a people ("Kurdish"). */
function modifier(article: Article, k: number): boolean {
  const t = article.tokens;
  if (NOT_MODIFIERS.has(t.key[k] as string)) return false;
  if (LEFT_POS.has(t.pos[k] as string)) return true;
  const v = t.value[k] as string;
  return v.length > 1 && v[0] !== v[0]!.toLowerCase() && groupAdjectives().has(t.lower[k] as string);
}

/**
 * "gunmen", "two suicide bombers", "unidentified individuals", "heavily armed men", "Kurdish
 * militants": a perpetrators-lexicon noun with the numbers and modifiers right before it.
 */
export function individualsPhrases(article: Article, from = 0, to = article.tokens.count): IndividualsPhrase[] {
  const t = article.tokens;
  const out: IndividualsPhrase[] = [];
  for (const m of roleLexicons().perpetrators.findAll(t, from, to)) {
    // "the armed Basque separatist group ETA": a word that modifies an organisation's noun names no people.
    if (m.end < t.count && organisationNouns().has(t.key[m.end] as string)) continue;
    let first = m.first;
    const sentenceStart = article.sentences[t.sentence[m.first] as number]?.firstToken ?? 0;
    while (first - 1 >= sentenceStart && m.first - first < MAX_LEFT) {
      const k = first - 1;
      if (!modifier(article, k)) break;
      first = k;
    }
    out.push({ first, end: m.end, head: m.end - 1, category: m.values[0]!.category });
  }
  return out;
}
