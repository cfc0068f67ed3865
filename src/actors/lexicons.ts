import { PhraseIndex, phraseKeys } from "../text/phrases.js";
import { readTsv } from "./data-files.js";

/** A phrase of a role lexicon: what it is called once normalised, and its class or category. */
export interface LexiconEntry {
  readonly phrase: string;
  /** Weapon class (explosive, firearm...), target category, victim category, perpetrator category. */
  readonly category: string;
  /** Normalised name (weapons: "car bomb" for "car-bomb"), or the phrase itself. */
  readonly name: string;
  /** Victims lexicon: "group" nouns ("worshippers") vs titles before a name ("Father", "Colonel"). */
  readonly kind: string;
}

export interface VerbEntry {
  readonly verb: string;
  /** What the verb does to its object: killed, injured, kidnapped, attacked, destroyed... */
  readonly effect: string;
}

export interface RoleLexicons {
  readonly weapons: PhraseIndex<LexiconEntry>;
  readonly targets: PhraseIndex<LexiconEntry>;
  /** Nouns for groups of people harmed ("worshippers", "peasants"). */
  readonly victims: PhraseIndex<LexiconEntry>;
  /** Titles that precede a person's name ("Father", "Colonel", "Mayor"). */
  readonly titles: PhraseIndex<LexiconEntry>;
  readonly perpetrators: PhraseIndex<LexiconEntry>;
  /** Verbs whose object is a person harmed (kill, kidnap...). */
  readonly victimVerbs: PhraseIndex<VerbEntry>;
  /** Verbs whose object is a thing damaged (bomb, burn, blow up...). */
  readonly targetVerbs: PhraseIndex<VerbEntry>;
  /** Verbs whose subject did the deed (carry out, open fire, detonate), beside the harm and damage verbs. */
  readonly agentVerbs: PhraseIndex<VerbEntry>;
  /** Words for people who report or comment on an event (researchers, spokesmen): never perpetrators. */
  readonly notPerpetrators: ReadonlySet<string>;
  /** Every phrase of the lexicons above in one index, valued by LEXICON_KINDS: one scan finds them all. */
  readonly all: PhraseIndex<number>;
}

/** The lexicons of `RoleLexicons.all`, by number. */
export const LEXICON_KINDS = [
  "weapons",
  "targets",
  "victims",
  "titles",
  "perpetrators",
  "victimVerbs",
  "targetVerbs",
] as const;
export type LexiconKind = (typeof LEXICON_KINDS)[number];

function entries(
  file: string,
  categoryColumn: string,
  all: PhraseIndex<number>,
  kind: LexiconKind,
  nameColumn?: string,
): PhraseIndex<LexiconEntry> {
  const index = new PhraseIndex<LexiconEntry>();
  for (const r of readTsv(file)) {
    const phrase = r.phrase as string;
    if (!phrase) continue;
    const category = r[categoryColumn] && r[categoryColumn] !== "-" ? (r[categoryColumn] as string) : "";
    const keys = phraseKeys(phrase);
    index.add(keys, { phrase, category, name: (nameColumn && r[nameColumn]) || phrase, kind: r.kind ?? "" });
    all.add(keys, LEXICON_KINDS.indexOf(kind));
  }
  return index;
}

function verbs(
  file: string,
  effectColumn: string,
  all: PhraseIndex<number>,
  kind: LexiconKind,
): PhraseIndex<VerbEntry> {
  const index = new PhraseIndex<VerbEntry>();
  for (const r of readTsv(file)) {
    for (const form of (r.forms ?? "").split("|")) {
      if (!form.trim()) continue;
      const keys = phraseKeys(form.trim());
      index.add(keys, { verb: r.verb as string, effect: r[effectColumn] as string });
      all.add(keys, LEXICON_KINDS.indexOf(kind));
    }
  }
  return index;
}

let cache: RoleLexicons | null = null;

/** The role lexicons of data/lexicons (weapons, targets, victims, perpetrators and their verbs), built once. */
export function roleLexicons(): RoleLexicons {
  if (cache) return cache;
  const all = new PhraseIndex<number>();
  const victims = new PhraseIndex<LexiconEntry>();
  const titles = new PhraseIndex<LexiconEntry>();
  for (const r of readTsv("lexicons/victims.tsv")) {
    const phrase = r.phrase as string;
    if (!phrase) continue;
    const category = r.category && r.category !== "-" ? r.category : "";
    const keys = phraseKeys(phrase);
    const title = r.kind === "title";
    (title ? titles : victims).add(keys, { phrase, category, name: phrase, kind: r.kind ?? "" });
    all.add(keys, LEXICON_KINDS.indexOf(title ? "titles" : "victims"));
  }
  cache = {
    weapons: entries("lexicons/weapons.tsv", "class", all, "weapons", "name"),
    targets: entries("lexicons/targets.tsv", "category", all, "targets"),
    victims,
    titles,
    perpetrators: entries("lexicons/perpetrators.tsv", "category", all, "perpetrators"),
    victimVerbs: verbs("lexicons/victims-verbs.tsv", "harm", all, "victimVerbs"),
    targetVerbs: verbs("lexicons/targets-verbs.tsv", "damage", all, "targetVerbs"),
    agentVerbs: verbs("lexicons/perpetrators-verbs.tsv", "verb", new PhraseIndex<number>(), "victimVerbs"),
    notPerpetrators: new Set(
      readTsv("lexicons/perpetrators-excluded.tsv").map((r) => (r.word as string).toLowerCase()),
    ),
    all,
  };
  return cache;
}
