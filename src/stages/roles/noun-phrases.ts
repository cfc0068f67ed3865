import type { Article } from "../../core/article.js";
import { roleLexicons } from "../../actors/lexicons.js";

/**
 * Candidate noun phrases for role fillers. A run is a stretch of modifiers and nouns (adjectives,
 * nouns, names, numbers, joined by hyphens or a possessive 's); every stretch of a run that starts
 * and ends on a word is a candidate ("urban guerrillas" and "guerrillas" in "FMLN urban
 * guerrillas", "bomb" in "bomb explosion"), and so is a run with one "of" complement ("members of
 * the FMLN"). Which candidate fills a role, if any, is for the classifier to say. Linear in the
 * tokens: runs are at most MAX_RUN tokens.
 */
export interface NounPhrase {
  /** Tokens [first, end). */
  readonly first: number;
  readonly end: number;
  /** "run" (a whole run), "part" (a stretch inside one) or "of" (a run and its "of" complement). */
  readonly form: "run" | "part" | "of";
  /** The head noun: the last token, or for "of" the last token before "of" ("members" of "members of the FMLN"). */
  readonly head: number;
}

const PHRASE_POS = new Set(["ADJ", "NOUN", "PROPN", "NUM"]);
/** Tokens that join words inside a run when written without spaces ("car-bomb", "u.s.-made"). */
const JOINERS = new Set(["-", "/", "&"]);
/** Words wink may tag as nouns that never belong in a filler. */
const NEVER = new Set(["yesterday", "today", "tomorrow", "tonight", "ago", "meanwhile", "according", "%", "$"]);
/** Verbs and adverbs may open a run or follow a determiner ("the shining path", "heavily armed men"), not follow a noun. */
const OPENERS = new Set(["DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "ADJ", "NUM"]);

/**
 * Particles inside Spanish and Portuguese names ("Stela Torrado de Otalora", "Arturo Rivera y
 * Damas"), which a tagger of English calls foreign words or pronouns: between two nouns they join.
 */
const NAME_LINKS = new Set(["de", "del", "y", "da", "do", "dos"]);
const NAME_POS = new Set(["NOUN", "PROPN"]);

const MAX_RUN = 10;

const MAX_PART = 7;

/**
 * A count ("three", "10") may be followed by the participle or adverb of its noun's modifier:
 * "three heavily armed men", "10 paid assassins"; a year may not ("in 1989 killed ...").
 */
function countWord(article: Article, i: number): boolean {
  const t = article.tokens;
  return t.pos[i] === "NUM" && !/^\d{4}$/.test(t.key[i] as string);
}

function phraseWord(article: Article, i: number): boolean {
  const t = article.tokens;
  if (NEVER.has(t.key[i] as string)) return false;
  return PHRASE_POS.has(t.pos[i] as string) || t.type[i] === "number";
}

/** phraseWord of each token of [from, to), at index i - from: the runs ask it of a token several times. */
function phraseWords(article: Article, from: number, to: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, to - from));
  for (let i = from; i < to; i++) out[i - from] = phraseWord(article, i) ? 1 : 0;
  return out;
}

function verbOpener(article: Article, words: Uint8Array, i: number, to: number, from: number): boolean {
  const t = article.tokens;
  const pos = t.pos[i] as string;
  if (pos !== "VERB" && pos !== "ADV") return false;
  if (i + 1 >= to || !(words[i + 1 - from] === 1 || verbOpener(article, words, i + 1, to, from))) return false;
  return i === from || OPENERS.has(t.pos[i - 1] as string);
}

/** Runs of the sentence [from, to) as [first, end) token ranges, left to right. */
export function phraseRuns(article: Article, from: number, to: number): [number, number][] {
  const t = article.tokens;
  const words = phraseWords(article, from, to);
  const word = (i: number): boolean => words[i - from] === 1;
  const out: [number, number][] = [];
  let i = from;
  while (i < to) {
    if (!word(i) && !verbOpener(article, words, i, to, from)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to && j - i < MAX_RUN) {
      const key = t.key[j] as string;
      if (word(j)) j++;
      else if (
        (t.pos[j] === "VERB" || t.pos[j] === "ADV") &&
        j + 1 < to &&
        (word(j + 1) || (t.pos[j] === "ADV" && t.pos[j + 1] === "VERB" && j + 2 < to && word(j + 2))) &&
        (!PHRASE_POS.has(t.pos[j - 1] as string) || countWord(article, j - 1))
      )
        j++;
      else if (
        NAME_LINKS.has(key) &&
        j + 1 < to &&
        NAME_POS.has(t.pos[j - 1] as string) &&
        NAME_POS.has(t.pos[j + 1] as string)
      )
        j++;
      else if (
        JOINERS.has(key) &&
        j + 1 < to &&
        word(j + 1) &&
        t.start[j] === t.end[j - 1] &&
        t.end[j] === t.start[j + 1]
      )
        j += 2;
      else if (key === "'s" && j + 1 < to && word(j + 1)) j += 2;
      else break;
    }
    out.push([i, j]);
    i = j;
  }
  return out;
}

/**
 * Nouns and names end a filler; an adjective only when it ends the whole run ("one dead
 * terrorist") or is itself a perpetrator or weapon word ("the terrorist attack").
 */
const HEAD_POS = new Set(["NOUN", "PROPN"]);

function adjectiveHead(article: Article, i: number): boolean {
  const lex = roleLexicons();
  return (
    lex.perpetrators.longestAt(article.tokens, i, i + 1) !== null ||
    lex.weapons.longestAt(article.tokens, i, i + 1) !== null
  );
}

const isWord = (article: Article, i: number): boolean => {
  const k = article.tokens.key[i] as string;
  return !JOINERS.has(k) && k !== "'s" && article.tokens.type[i] !== "punctuation";
};

/** Every candidate phrase of a sentence. */
export function candidatePhrases(article: Article, from: number, to: number): NounPhrase[] {
  const t = article.tokens;
  const runs = phraseRuns(article, from, to);
  const out: NounPhrase[] = [];
  runs.forEach(([first, end], r) => {
    for (let a = first; a < end; a++) {
      if (!isWord(article, a)) continue;
      for (let b = a + 1; b <= end && b - a <= MAX_PART; b++) {
        if (!isWord(article, b - 1)) continue;
        const pos = t.pos[b - 1] as string;
        if (!HEAD_POS.has(pos) && !(pos === "ADJ" && (b === end || adjectiveHead(article, b - 1)))) continue;
        out.push({ first: a, end: b, form: a === first && b === end ? "run" : "part", head: b - 1 });
      }
    }
    const next = runs[r + 1];
    if (next && (t.key[end] as string) === "of") {
      const gapOk = next[0] === end + 1 || (next[0] === end + 2 && t.pos[end + 1] === "DET");
      if (gapOk && next[1] - first <= MAX_RUN + 2) out.push({ first, end: next[1], form: "of", head: end - 1 });
    }
  });
  return out;
}
