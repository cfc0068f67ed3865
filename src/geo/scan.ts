import type { Article } from "../core/article.js";
import { PROBE_LONGER, PROBE_NAME, type Gazetteer } from "./gazetteer.js";
import { tokenParts } from "./keys.js";

/** A run of tokens whose words are a gazetteer name. */
export interface NameMatch {
  /** First token and one past the last. */
  readonly first: number;
  readonly end: number;
  /** The name key (keys.ts). */
  readonly key: string;
}

/** Token i touches the tokens on both sides, with no space between ("ez-Zor", "Middlesex-London"). */
export function gluedBothSides(article: Article, i: number): boolean {
  const t = article.tokens;
  return i > 0 && i + 1 < t.count && t.end[i - 1] === t.start[i] && t.end[i] === t.start[i + 1];
}

/** A hyphen, period or apostrophe glued to both neighbours joins them ("ez-Zor", "Qa'im"). */
function isJoiner(article: Article, i: number): boolean {
  const v = article.tokens.value[i] as string;
  if (v !== "-" && v !== "." && v !== "'") return false;
  return gluedBothSides(article, i);
}

/** Cased text: a name starts and ends on a capitalised word (or a number, as in "6th of October"). */
function capitalised(value: string): boolean {
  // An elided article before the capital: "d'Ivoire", "l'Aquila".
  if (value.length > 2 && (value[1] === "'" || value[1] === "\u2019") && /^[dl]$/i.test(value[0] as string))
    return capitalised(value.slice(2));
  const c = value.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 48 && c <= 57) return false;
  if (c < 128) return false;
  const ch = value[0] as string;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export const isCapitalised = capitalised;

/**
 * In capitals-only text every word could start a name; words the tagger reads as articles,
 * prepositions, pronouns, auxiliaries, conjunctions, numbers or punctuation (on the lower-cased
 * text) start none worth the lookup ("THE HAGUE" is still found from "HAGUE"'s own entries).
 */
const CANNOT_START = new Set(["DET", "ADP", "AUX", "PRON", "CCONJ", "SCONJ", "PART", "PUNCT", "NUM", "SYM"]);

/**
 * Every longest gazetteer name in the article, left to right, without overlaps. One pass over the
 * tokens; a name is read only while its words so far begin some name, so the cost is linear in
 * the tokens (times the longest name, a constant).
 */
export function scanNames(article: Article, gz: Gazetteer): NameMatch[] {
  const t = article.tokens;
  const out: NameMatch[] = [];
  const cased = !article.caseless;
  const partsCache: (string[] | undefined)[] = new Array(t.count);
  // The tokenizer cuts some words at letters it does not know ("Aydın" → Ayd, ı, n): glued word
  // tokens are read as one word, from its first token; the others then have no parts of their own.
  const glued = (i: number) =>
    i + 1 < t.count &&
    t.end[i] === t.start[i + 1] &&
    /\p{L}$/u.test(t.value[i] as string) &&
    /^\p{L}/u.test(t.value[i + 1] as string);
  const wordEnd = new Int32Array(t.count);
  for (let i = t.count - 1; i >= 0; i--) wordEnd[i] = glued(i) ? (wordEnd[i + 1] as number) : i;
  const parts = (i: number): string[] => {
    const cached = partsCache[i];
    if (cached) return cached;
    let key = t.key[i] as string;
    for (let k = i + 1; k <= (wordEnd[i] as number); k++) key += t.key[k] as string;
    return (partsCache[i] = tokenParts(key));
  };

  for (let i = 0; i < t.count;) {
    if (cased ? !capitalised(t.value[i] as string) : CANNOT_START.has(t.pos[i] as string)) {
      i++;
      continue;
    }
    const first = parts(i);
    if (first.length === 0) {
      i++;
      continue;
    }
    let best: NameMatch | null = null;
    let key = "";
    let j = i;
    let alive = true;
    while (alive && j < t.count) {
      const ps = parts(j);
      if (ps.length === 0) break;
      let known = 0;
      for (let p = 0; p < ps.length; p++) {
        key = key ? `${key} ${ps[p]}` : (ps[p] as string);
        known = gz.probe(key);
        if (p < ps.length - 1 && !(known & PROBE_LONGER)) {
          alive = false;
          break;
        }
      }
      if (!alive) break;
      const last = wordEnd[j] as number;
      if (known & PROBE_NAME && (!cased || capitalised(t.value[j] as string))) best = { first: i, end: last + 1, key };
      if (!(known & PROBE_LONGER)) break;
      // The next word: across a glued joiner, within the sentence.
      j = last;
      let next = j + 1;
      if (next < t.count && isJoiner(article, next)) next++;
      if (next >= t.count || t.sentence[next] !== t.sentence[j]) break;
      if (next === j + 1 && parts(next).length === 0) break;
      j = next;
    }
    if (best) {
      out.push(best);
      i = best.end;
    } else i++;
  }
  return out;
}
