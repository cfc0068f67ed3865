import type { Article } from "../core/article.js";
import { PhraseIndex, phraseKeys } from "../text/phrases.js";
import {
  countryAdjectives,
  namedActorEntries,
  stateForceEntry,
  stateForceNounIndex,
  type ActorAlias,
  type ActorEntry,
  type CountryAdjective,
  type StateForceNoun,
} from "./dictionary.js";

/** A dictionary actor named in the text: tokens [first, end). */
export interface ActorMatch {
  readonly first: number;
  readonly end: number;
  readonly entry: ActorEntry;
  /** Members of a state force ("Salvadoran soldiers") rather than the force itself. */
  readonly kind: "organisation" | "individual";
  /** The alias or pattern that matched, for --explain. */
  readonly via: string;
}

interface AliasValue {
  readonly entry: ActorEntry;
  readonly alias: ActorAlias;
}

interface Indexes {
  readonly aliases: PhraseIndex<AliasValue>;
  readonly adjectives: PhraseIndex<CountryAdjective>;
  readonly forceNouns: PhraseIndex<StateForceNoun>;
}

let indexes: Indexes | null = null;

function build(): Indexes {
  if (indexes) return indexes;
  const aliases = new PhraseIndex<AliasValue>();
  for (const entry of namedActorEntries()) {
    for (const alias of entry.forms) {
      const keys = phraseKeys(alias.text);
      aliases.add(keys, { entry, alias });
      // "al-Qaeda" is also written "al Qaeda": the same words without the hyphen token.
      const bare = keys.filter((k) => k !== "-");
      if (bare.length !== keys.length && bare.length > 0) aliases.add(bare, { entry, alias });
    }
  }
  const adjectives = new PhraseIndex<CountryAdjective>();
  const possessors = new Set<string>();
  for (const a of countryAdjectives()) {
    adjectives.add(a.adjective, a);
    // "Sudan's army", "Israel's military": the country's name as a possessive
    const name = a.country.replace(/^the /, "");
    if (!possessors.has(name)) {
      possessors.add(name);
      adjectives.add(`${name}'s`, a);
    }
  }
  indexes = { aliases, adjectives, forceNouns: stateForceNounIndex() };
  return indexes;
}

/** Letters and digits of a string, as written: what an exact-case alias is compared on. */
function letters(s: string): string {
  let out = "";
  for (const ch of s) if (/[\p{L}\p{N}]/u.test(ch)) out += ch;
  return out;
}

function caseAllows(article: Article, first: number, end: number, alias: ActorAlias): boolean {
  if (alias.caseRule === "any") return true;
  if (article.caseless) return alias.caseRule === "exact-when-cased";
  let written = "";
  for (let i = first; i < end; i++) written += article.tokens.value[i] as string;
  return letters(written) === letters(alias.text);
}

/** The longest named-actor alias starting at token i that the text's case allows. */
function aliasAt(article: Article, i: number, limit: number): ActorMatch | null {
  const { aliases } = build();
  const all = aliases.allAt(article.tokens, i, limit);
  for (let k = all.length - 1; k >= 0; k--) {
    const m = all[k]!;
    const ok = m.values.find((v) => caseAllows(article, m.first, m.end, v.alias));
    if (ok) return { first: m.first, end: m.end, entry: ok.entry, kind: "organisation", via: ok.alias.text };
  }
  return null;
}

/** "Salvadoran army", "U.S. troops": a country adjective and a force noun. */
function stateForceAt(article: Article, i: number, limit: number): ActorMatch | null {
  const { adjectives, forceNouns } = build();
  const adj = adjectives.longestAt(article.tokens, i, limit);
  if (!adj) return null;
  const a = adj.values[0] as CountryAdjective;
  // "Pakistani and Afghan forces": the first country's forces too, named by its adjective alone
  let nounAt = adj.end;
  let shared = false;
  if (article.tokens.key[adj.end] === "and") {
    const other = adjectives.longestAt(article.tokens, adj.end + 1, limit);
    if (other && (other.values[0] as CountryAdjective).countryCode !== a.countryCode) {
      nounAt = other.end;
      shared = true;
    }
  }
  const noun = forceNouns.longestAt(article.tokens, nounAt, limit);
  if (!noun) return null;
  const n = noun.values[0] as StateForceNoun;
  const entry = stateForceEntry(a.countryCode, n.force);
  if (!entry) return null;
  if (shared) return { first: i, end: adj.end, entry, kind: n.kind, via: `${a.adjective} + and ... ${n.noun}` };
  return { first: i, end: noun.end, entry, kind: n.kind, via: `${a.adjective} + ${n.noun}` };
}

/**
 * Every dictionary actor in tokens [from, to), longest first, not overlapping. A bit test per
 * token when nothing starts there (PhraseIndex.startsAt).
 */
export function findActors(article: Article, from = 0, to = article.tokens.count): ActorMatch[] {
  const { aliases, adjectives } = build();
  const out: ActorMatch[] = [];
  for (let i = from; i < to;) {
    let m: ActorMatch | null = null;
    if (aliases.startsAt(article.tokens, i)) m = aliasAt(article, i, to);
    if (adjectives.startsAt(article.tokens, i)) {
      const s = stateForceAt(article, i, to);
      if (s && (!m || s.end > m.end)) m = s;
    }
    if (m) {
      out.push(m);
      i = m.end;
    } else i++;
  }
  return out;
}

// The actors stage and the role model's lexicon tags both read every actor of the article being
// processed: the last article's list answers the second reader.
let lastArticle: Article | null = null;
let lastActors: readonly ActorMatch[] = [];

/** Every dictionary actor of the whole article (findActors), computed once per article. */
export function articleActors(article: Article): readonly ActorMatch[] {
  if (article !== lastArticle) {
    lastActors = Object.freeze(findActors(article));
    lastArticle = article;
  }
  return lastActors;
}
