import type { Article } from "../core/article.js";
import type { ActorType } from "../core/annotations.js";
import { PhraseIndex } from "../text/phrases.js";
import { readTsv } from "./data-files.js";

/** An organisation named in the text that the dictionary does not know: tokens [first, end). */
export interface UnknownOrg {
  readonly first: number;
  readonly end: number;
  readonly rule: string;
  readonly confidence: number;
  readonly actorType: ActorType | null;
}

let orgNouns: Map<string, ActorType | null> | null = null;

/** Nouns that end an organisation's name (data/actors/org-nouns.tsv). */
export function organisationNouns(): ReadonlyMap<string, ActorType | null> {
  orgNouns ??= new Map(
    readTsv("actors/org-nouns.tsv").map((r) => [
      r.noun as string,
      r.type && r.type !== "-" ? (r.type as ActorType) : null,
    ]),
  );
  return orgNouns;
}

/** Words after which a name follows: "a group calling itself X", "the so-called X". */
const NAMING_CUES = new PhraseIndex<string>(
  [
    "calling itself",
    "calls itself",
    "called itself",
    "calling themselves",
    "call themselves",
    "called",
    "named",
    "known as",
    "so-called",
    "so called",
    "self-styled",
    "self-proclaimed",
    "identified itself as",
    "identifying itself as",
  ].map((p) => [p, p] as const),
);

/** Nouns for members before "of the X": "members of the X Front". */
const MEMBER_NOUNS = new Set([
  "members",
  "member",
  "militants",
  "fighters",
  "guerrillas",
  "commandos",
  "commando",
  "cell",
  "unit",
  "units",
  "column",
  "elements",
  "gunmen",
  "activists",
  "followers",
  "supporters",
  "terrorists",
]);

const INNER = new Set(["of", "for", "the", "and", "-", "'s", "de", "del", "la", "el", "al"]);
const PHRASE_POS = new Set(["ADJ", "NOUN", "PROPN", "NUM"]);
const QUOTES = new Set(['"', "'"]);
const MAX_NAME = 10;

const capitalised = (article: Article, i: number): boolean => {
  const v = article.tokens.value[i] as string;
  const c = v.charCodeAt(0);
  return (c >= 65 && c <= 90) || (v !== v.toLowerCase() && v[0] !== v[0]?.toLowerCase());
};

/**
 * The name starting at token i: a quoted stretch, a run of capitalised words (in ordinary text)
 * or, in capitals-only text, a run of noun-phrase words that ends on an organisation noun.
 * Returns [first, end) or null.
 */
export function nameAt(article: Article, i: number, limit: number, needOrgNoun: boolean): [number, number] | null {
  const t = article.tokens;
  const nouns = organisationNouns();
  if (i < limit && t.key[i] === "the") i++;
  if (i >= limit) return null;
  if (QUOTES.has(t.key[i] as string)) {
    for (let j = i + 1; j < limit && j - i <= MAX_NAME; j++) {
      if (t.key[j] !== t.key[i]) continue;
      if (j === i + 1) return null;
      // a quoted part of a longer name: '"9 May" People's Liberation Forces'
      const rest = j + 1 < limit ? nameAt(article, j + 1, limit, true) : null;
      return rest && rest[0] === j + 1 ? [i, rest[1]] : [i + 1, j];
    }
    return null;
  }
  let end = i;
  let lastNoun = -1;
  for (let j = i; j < limit && j - i < MAX_NAME; j++) {
    const key = t.key[j] as string;
    const word = article.caseless ? PHRASE_POS.has(t.pos[j] as string) : capitalised(article, j);
    if (word) {
      end = j + 1;
      if (nouns.has(key)) lastNoun = j + 1;
    } else if (
      INNER.has(key) &&
      j > i &&
      j + 1 < limit &&
      (article.caseless ? PHRASE_POS.has(t.pos[j + 1] as string) : capitalised(article, j + 1))
    ) {
      continue;
    } else break;
  }
  if (end === i) return null;
  if (needOrgNoun || article.caseless) return lastNoun > i ? [i, lastNoun] : null;
  return [i, end];
}

function overlapsKnown(covered: Uint8Array, first: number, end: number): boolean {
  for (let i = first; i < end; i++) if (covered[i]) return true;
  return false;
}

/**
 * Organisations the dictionary lacks, from the way the text names them: "a previously unknown
 * group calling itself the X", "members of the Y Front", and (in ordinary text) capitalised
 * names ending in an organisation noun. `covered` marks tokens of dictionary actors.
 */
export function unknownOrganisations(article: Article, covered: Uint8Array): UnknownOrg[] {
  const t = article.tokens;
  const nouns = organisationNouns();
  const out: UnknownOrg[] = [];
  const taken = new Uint8Array(t.count);
  const push = (first: number, end: number, rule: string, confidence: number) => {
    if (end <= first || overlapsKnown(covered, first, end) || overlapsKnown(taken, first, end)) return;
    for (let k = first; k < end; k++) taken[k] = 1;
    let type: ActorType | null = null;
    for (let k = end - 1; k >= first && type === null; k--) type = nouns.get(t.key[k] as string) ?? null;
    out.push({ first, end, rule, confidence, actorType: type });
  };
  for (const s of article.sentences) {
    const limit = s.endToken;
    for (let i = s.firstToken; i < limit; i++) {
      const key = t.key[i] as string;
      const cue = NAMING_CUES.longestAt(t, i, limit);
      if (cue) {
        const name = nameAt(article, cue.end, limit, false);
        if (name) push(name[0], name[1], "actor.unknown.named", 0.75);
      }
      if (MEMBER_NOUNS.has(key) && (t.key[i + 1] as string) === "of" && i + 2 < limit) {
        const name = nameAt(article, i + 2, limit, true);
        if (name) push(name[0], name[1], "actor.unknown.members-of", 0.7);
      }
      // Capitalised names ending in an organisation noun, in ordinary text only.
      if (
        !article.caseless &&
        nouns.has(key) &&
        capitalised(article, i) &&
        i > s.firstToken &&
        capitalised(article, i - 1) &&
        !taken[i]
      ) {
        let first = i;
        while (first - 1 >= s.firstToken && i - first < MAX_NAME) {
          const k = t.key[first - 1] as string;
          if (capitalised(article, first - 1) && first - 1 > s.firstToken) first--;
          else if (INNER.has(k) && k !== "the" && first - 2 >= s.firstToken && capitalised(article, first - 2))
            first -= 2;
          else break;
        }
        // the name runs on to its last organisation noun: "United National Liberation Front"
        let last = i;
        for (let j = i + 1; j < limit && j - first < MAX_NAME && capitalised(article, j); j++)
          if (nouns.has(t.key[j] as string)) last = j;
        push(first, last + 1, "actor.unknown.capitalised", 0.5);
      }
    }
  }
  return out;
}
