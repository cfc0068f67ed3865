import type { Article } from "../../core/article.js";
import type { ActorMention } from "../../core/annotations.js";
import { tokenSpan } from "../../text/evidence.js";

/**
 * A group or person a claim may name, in tokens: [first, end) with any bracketed acronym after the
 * name ("Al-Qaida in the Islamic Maghreb (AQIM)"), and [first, nameEnd) the name itself.
 */
export interface Claimant {
  readonly first: number;
  readonly end: number;
  readonly nameEnd: number;
  readonly mention: ActorMention;
}

const MAX_NAME = 10;
const MAX_ACRONYM = 8;
/**
 * Words that join the parts of a name: "Communist Party of India - Maoist", "Group of Popular
 * Fighters" ("and" is left out: it more often joins two names than two parts of one).
 */
const JOINERS = new Set(["of", "for", "the", "in", "-", "'s", "de", "del", "la", "el", "al", "wal"]);
/** Capitalised words that open a sentence or a clause, not a name. */
const NOT_NAME = new Set([
  "the",
  "a",
  "an",
  "no",
  "this",
  "that",
  "these",
  "those",
  "its",
  "their",
  "his",
  "her",
  "however",
  "but",
  "and",
  "it",
  "they",
  "he",
  "she",
  "we",
  "i",
]);
/** Parts of speech no word of a name has (the tagger guesses the rest for words it does not know). */
const NOT_NAME_POS = new Set(["DET", "PRON", "CCONJ", "SCONJ", "ADP", "AUX", "PUNCT", "SYM"]);
/** Words before a name that make it a person's ("spokesman Zabiullah Mujahid"), or part of a longer phrase. */
const BEFORE_NAME_POS = new Set(["NOUN", "PROPN", "ADJ", "NUM"]);
const SKIPPED_BEFORE_VERB = new Set(["AUX", "ADV", "PART"]);

const dictionary = (m: ActorMention) => m.rule === "actor.dictionary" || m.rule === "actor.state-force";

/** Whether token k may be a word of a name: capitalised, a noun-phrase word, not a function word. */
function capitalWord(article: Article, k: number): boolean {
  const t = article.tokens;
  const v = t.value[k] as string;
  const c = v.charCodeAt(0);
  if (!(c >= 65 && c <= 90) && v === v.toLowerCase()) return false;
  const pos = t.pos[k] as string;
  if (NOT_NAME_POS.has(pos) || NOT_NAME.has(t.key[k] as string)) return false;
  // "Suspected Boko Haram militants": a capitalised verb opening the sentence is no name
  return pos !== "VERB" || article.sentences[t.sentence[k] as number]?.firstToken !== k;
}

/** Token k is written together with both neighbours: the middle of "Jamaat-ul-Ahrar". */
function glued(article: Article, k: number): boolean {
  const t = article.tokens;
  return k > 0 && k + 1 < t.count && t.end[k - 1] === t.start[k] && t.end[k] === t.start[k + 1];
}

/** The first token of a name that ends on token `last` (capitalised words and the words that join them), or -1. */
export function nameEndingAt(article: Article, last: number, floor: number): number {
  if (last < floor || !capitalWord(article, last)) return -1;
  let first = last;
  for (let k = last - 1; k >= floor && last - k < MAX_NAME; k--) {
    if (capitalWord(article, k)) first = k;
    else if (!glued(article, k) && !(JOINERS.has(article.tokens.key[k] as string) && k - 1 >= floor)) break;
  }
  return first;
}

/** One past the last token of a name that starts on token `first` ("the" before it skipped by the caller), or -1. */
export function nameStartingAt(article: Article, first: number, limit: number): number {
  if (first >= limit || !capitalWord(article, first)) return -1;
  let end = first + 1;
  for (let k = first + 1; k < limit && k - first < MAX_NAME; k++) {
    if (capitalWord(article, k)) end = k + 1;
    else if (!glued(article, k) && !(JOINERS.has(article.tokens.key[k] as string) && k + 1 < limit)) break;
  }
  return end;
}

/** "(AQIM)" right after token `end - 1`: one past its closing bracket, else `end`. */
function acronymAfter(article: Article, end: number, limit: number): number {
  const t = article.tokens;
  if (end >= limit || t.key[end] !== "(") return end;
  for (let k = end + 1; k < limit && k <= end + MAX_ACRONYM; k++)
    if (t.key[k] === ")") return k > end + 1 ? k + 1 : end;
  return end;
}

/**
 * The claimants of one sentence, from its actor mentions [start, stop):
 *  - a name and the bracketed acronym after it are one ("Islamic State of Iraq and the Levant
 *    (ISIL)", and "Communist Party of India - Maoist (CPI-Maoist)" when only the acronym is known);
 *  - in ordinary text, a capitalised name the actor stages did not read whole is taken as a group
 *    where a claim or an attribution names it: the subject of "claimed responsibility" ("Jamaat-ul-
 *    Ahrar claimed responsibility", "The Group of Popular Fighters claimed") and the object of
 *    "attributed the attack to", "blamed on", "claimed by". A name that is, or holds, a dictionary
 *    actor is left as the actor stage read it.
 * Bounded looks around each actor and cue word: linear in the sentence.
 */
export function claimantsOf(
  article: Article,
  actors: readonly Claimant[],
  start: number,
  stop: number,
  cues: { claimVerbAt: (i: number) => boolean; attributionAt: (i: number) => boolean },
): Claimant[] {
  const t = article.tokens;
  const key = (i: number) => (i >= start && i < stop ? (t.key[i] as string) : "");
  let units: Claimant[] = [];
  // "X and (the) Y": the "and" before the name starting at f, or -1 (a comma before a subject
  // more often ends an opening phrase: "On Saturday, the Islamic State claimed")
  const joinerBefore = (f: number) => {
    const c = key(f - 1) === "the" ? f - 2 : f - 1;
    return key(c) === "and" ? c : -1;
  };
  for (const a of [...actors].sort((x, y) => x.first - y.first)) {
    // the acronym of the name before it
    if (key(a.first - 1) === "(" && key(a.end) === ")") {
      const last = a.first - 2;
      const prev = units[units.length - 1];
      // "Houthi extremists (Ansar Allah)": the group named again in brackets a word or two on
      const again =
        prev && prev.mention.name !== null && prev.mention.name === a.mention.name && prev.end >= a.first - 3;
      if (prev && (prev.end === a.first - 1 || again)) {
        const mention = prev.mention.name
          ? prev.mention
          : { ...prev.mention, name: a.mention.name, kind: a.mention.kind };
        units[units.length - 1] = { first: prev.first, end: a.end + 1, nameEnd: prev.nameEnd, mention };
        continue;
      }
      const f = article.caseless ? -1 : nameEndingAt(article, last, start);
      if (f >= 0 && !units.some((u) => u.end > f && u.first <= last && (dictionary(u.mention) || u.first < f))) {
        units = units.filter((u) => u.end <= f);
        const mention: ActorMention = { ...a.mention, span: tokenSpan(article, f, last), rule: "claim.name-acronym" };
        units.push({ first: f, end: a.end + 1, nameEnd: last + 1, mention });
        continue;
      }
    }
    units.push(a);
  }
  if (article.caseless) return units;
  const add = (first: number, nameEnd: number, rule: string) => {
    const end = acronymAfter(article, nameEnd, stop);
    const over = units.filter((u) => u.first < end && first < u.end);
    // a name the actor stages read whole, or one that is or holds a dictionary actor
    if (over.some((u) => dictionary(u.mention) || (u.first <= first && u.nameEnd >= nameEnd))) return;
    if (over.some((u) => u.first < first || u.end > end)) return;
    const mention: ActorMention = {
      span: tokenSpan(article, first, nameEnd - 1),
      rule,
      confidence: 0.6,
      kind: "organisation",
      name: null,
      actorType: null,
      countryCode: null,
    };
    units = [...units.filter((u) => !over.includes(u)), { first, end, nameEnd, mention }].sort(
      (x, y) => x.first - y.first,
    );
  };
  for (let i = start; i < stop; i++) {
    if (cues.claimVerbAt(i)) {
      let e = i;
      while (e - 1 > start && SKIPPED_BEFORE_VERB.has(t.pos[e - 1] as string)) e--;
      if (key(e - 1) === ")") {
        let k = e - 2;
        while (k > start && e - k <= MAX_ACRONYM && key(k) !== "(") k--;
        if (key(k) === "(") e = k;
      }
      let f = nameEndingAt(article, e - 1, start);
      if (f < 0 || (f > start && BEFORE_NAME_POS.has(t.pos[f - 1] as string))) continue;
      add(f, e, "claim.unknown-claimant");
      // "Al-Mourabitoun and AQIM claimed": the names before it in the subject
      for (let n = 0; n < 3; n++) {
        const c = joinerBefore(f);
        const g = c < 0 ? -1 : nameEndingAt(article, c - 1, start);
        if (g < 0) break;
        add(g, c, "claim.unknown-claimant");
        f = g;
      }
    } else if (cues.attributionAt(i)) {
      const f = key(i + 1) === "the" ? i + 2 : i + 1;
      const end = nameStartingAt(article, f, stop);
      if (end > f) add(f, end, "claim.unknown-accused");
    }
  }
  return units;
}
