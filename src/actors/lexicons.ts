import { PhraseIndex } from "../text/phrases.js";
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
}

function entries(file: string, categoryColumn: string, nameColumn?: string): PhraseIndex<LexiconEntry> {
  const index = new PhraseIndex<LexiconEntry>();
  for (const r of readTsv(file)) {
    const phrase = r.phrase as string;
    if (!phrase) continue;
    const category = r[categoryColumn] && r[categoryColumn] !== "-" ? (r[categoryColumn] as string) : "";
    index.add(phrase, { phrase, category, name: (nameColumn && r[nameColumn]) || phrase, kind: r.kind ?? "" });
  }
  return index;
}

function verbs(file: string, effectColumn: string): PhraseIndex<VerbEntry> {
  const index = new PhraseIndex<VerbEntry>();
  for (const r of readTsv(file)) {
    for (const form of (r.forms ?? "").split("|")) {
      if (form.trim()) index.add(form.trim(), { verb: r.verb as string, effect: r[effectColumn] as string });
    }
  }
  return index;
}

let cache: RoleLexicons | null = null;

/** The role lexicons of data/lexicons (weapons, targets, victims, perpetrators and their verbs), built once. */
export function roleLexicons(): RoleLexicons {
  if (cache) return cache;
  const victimsAll = readTsv("lexicons/victims.tsv");
  const victims = new PhraseIndex<LexiconEntry>();
  const titles = new PhraseIndex<LexiconEntry>();
  for (const r of victimsAll) {
    const phrase = r.phrase as string;
    const category = r.category && r.category !== "-" ? r.category : "";
    const e = { phrase, category, name: phrase, kind: r.kind ?? "" };
    (r.kind === "title" ? titles : victims).add(phrase, e);
  }
  cache = {
    weapons: entries("lexicons/weapons.tsv", "class", "name"),
    targets: entries("lexicons/targets.tsv", "category"),
    victims,
    titles,
    perpetrators: entries("lexicons/perpetrators.tsv", "category"),
    victimVerbs: verbs("lexicons/victims-verbs.tsv", "harm"),
    targetVerbs: verbs("lexicons/targets-verbs.tsv", "damage"),
    agentVerbs: verbs("lexicons/perpetrators-verbs.tsv", "verb"),
    notPerpetrators: new Set(readTsv("lexicons/perpetrators-excluded.tsv").map((r) => (r.word as string).toLowerCase())),
  };
  return cache;
}
