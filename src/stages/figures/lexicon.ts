import type { FigureKind, FigureMention } from "../../core/annotations.js";
import { readTsvLexicon } from "../../numbers/lexicon-file.js";
import { PhraseIndex } from "../../text/phrases.js";
import { countryAdjectives } from "../../actors/dictionary.js";

export type CasualtyForm = "passive" | "active" | "intransitive" | "adjective" | "noun";
export type PeopleGroup = FigureMention["group"];

export interface FigureLexicon {
  /** Casualty words by the place they take relative to the count (data/lexicons/casualty-terms.tsv). */
  readonly forms: Readonly<Record<CasualtyForm, PhraseIndex<FigureKind>>>;
  /** "death toll", "number of dead" (casualty-tolls.tsv). */
  readonly tolls: PhraseIndex<FigureKind>;
  /** Words that make a toll a revision: "rose", "climbed" (casualty-toll-revisions.tsv, last words). */
  readonly revisionWords: ReadonlySet<string>;
  /** Nouns that count people, with the side they are on (counted-people.tsv). */
  readonly people: PhraseIndex<PeopleGroup>;
  /** Nouns that count anything but people: years, vehicles, money (counted-things.tsv). */
  readonly things: ReadonlySet<string>;
  /** Titles before a person's name: "General", "Ambassador" (victims.tsv, kind title). */
  readonly titles: ReadonlySet<string>;
}

let cached: FigureLexicon | null = null;

const GROUPS = new Set(["perpetrators", "security", "civilians", "victims"]);

/** The figure lexicons, read once from data/lexicons. */
export function figureLexicon(): FigureLexicon {
  if (cached) return cached;
  const forms: Record<CasualtyForm, PhraseIndex<FigureKind>> = {
    passive: new PhraseIndex(),
    active: new PhraseIndex(),
    intransitive: new PhraseIndex(),
    adjective: new PhraseIndex(),
    noun: new PhraseIndex(),
  };
  for (const r of readTsvLexicon("casualty-terms.tsv")) {
    forms[r.form as CasualtyForm]?.add(r.phrase as string, r.kind as FigureKind);
  }
  const tolls = new PhraseIndex(
    readTsvLexicon("casualty-tolls.tsv").map((r) => [r.phrase as string, r.kind as FigureKind] as const),
  );
  const revisionWords = new Set(
    readTsvLexicon("casualty-toll-revisions.tsv").map(
      (r) => (r.phrase as string).toLowerCase().split(" ").pop() as string,
    ),
  );
  const people = new PhraseIndex<PeopleGroup>(
    readTsvLexicon("counted-people.tsv").map(
      (r) => [r.noun as string, (GROUPS.has(r.group as string) ? r.group : null) as PeopleGroup] as const,
    ),
  );
  // "two Israelis were killed", "three Afghans": a nationality's plural counts people
  for (const a of countryAdjectives()) {
    const plural = nationalityPlural(a.adjective);
    // the people of the event's harm, on neither side of it
    if (plural) people.add(plural, "victims");
  }
  const things = new Set(readTsvLexicon("counted-things.tsv").map((r) => (r.noun as string).toLowerCase()));
  const titles = new Set(
    readTsvLexicon("victims.tsv")
      .filter((r) => r.kind === "title")
      .map((r) => (r.phrase as string).toLowerCase()),
  );
  cached = { forms, tolls, revisionWords, people, things, titles };
  return cached;
}

/** "Israeli" -> "Israelis", "Afghan" -> "Afghans"; null for "Swiss", "Chinese", "British", "U.S.". */
function nationalityPlural(adjective: string): string | null {
  if (!/^[A-Z][a-z]+$/.test(adjective)) return null;
  if (/(s|sh|ch|ese|x|z)$/.test(adjective)) return null;
  return `${adjective}s`;
}
