import { createRequire } from "node:module";
import type { Countries } from "world-countries";
import type { ActorType } from "../core/annotations.js";
import { SitrepError } from "../core/errors.js";
import { foldKey } from "../text/nlp.js";
import { PhraseIndex } from "../text/phrases.js";
import { readTsv } from "./data-files.js";

/**
 * How an alias may match article text. Short acronyms that are also words ("IS", "ETA") must keep
 * their capitals; in text written in capitals only they cannot be told apart and are not matched,
 * unless the group is named that way so often that capitals alone are good evidence ("ARENA").
 */
export type AliasCase = "any" | "exact" | "exact-when-cased";

export interface ActorAlias {
  readonly text: string;
  readonly caseRule: AliasCase;
}

export interface ActorEntry {
  /** Canonical name, as analysts code it. */
  readonly name: string;
  /** Other names, spellings and acronyms (the canonical name is not repeated). */
  readonly aliases: readonly string[];
  readonly actorType: ActorType;
  /** ISO 3166-1 alpha-2 code of the country the actor belongs to; null for transnational groups. */
  readonly countryCode: string | null;
  /** The aliases with their case rules, the canonical name first: what text matchers use. */
  readonly forms: readonly ActorAlias[];
  /** For state forces: which branch ("military", "police", "government"); null otherwise. */
  readonly force: string | null;
}

// world-countries ships CommonJS and an ESM entry that imports JSON without attributes.
const countries = createRequire(import.meta.url)("world-countries") as Countries;

const ACTOR_TYPES: readonly ActorType[] = [
  "state forces",
  "rebel group",
  "political militia",
  "identity militia",
  "rioters",
  "protesters",
  "civilians",
  "external/other forces",
];

/**
 * The key two spellings of a name share: lower case, no diacritics, no quotes, hyphens and
 * slashes as spaces, dots dropped ("U.S." = "US"), a leading "the" dropped.
 */
export function actorKey(text: string): string {
  const folded = foldKey(text.toLowerCase())
    .replace(/[\u2018\u2019'"\u201c\u201d`.]/g, "")
    .replace(/[-\u2010-\u2015/_,()[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return folded.startsWith("the ") ? folded.slice(4) : folded;
}

function parseAlias(raw: string): ActorAlias {
  if (raw.startsWith("=")) return { text: raw.slice(1).trim(), caseRule: "exact" };
  if (raw.startsWith("^")) return { text: raw.slice(1).trim(), caseRule: "exact-when-cased" };
  return { text: raw.trim(), caseRule: "any" };
}

function asActorType(value: string, file: string, line: number): ActorType {
  const t = ACTOR_TYPES.find((x) => x === value);
  if (!t) throw new SitrepError("E_DATA_INVALID", `unknown actor type "${value}"`, { file, line });
  return t;
}

function namedActors(): ActorEntry[] {
  return readTsv("actors/actors.tsv").map((row, i) => {
    const name = row.name as string;
    const forms: ActorAlias[] = [{ text: name, caseRule: "any" }];
    for (const raw of (row.aliases ?? "").split("|")) {
      if (!raw.trim()) continue;
      const alias = parseAlias(raw);
      if (!forms.some((f) => f.text === alias.text)) forms.push(alias);
    }
    const country = row.country && row.country !== "-" ? row.country : null;
    return {
      name,
      aliases: forms.slice(1).map((f) => f.text),
      actorType: asActorType(row.type ?? "", "data/actors/actors.tsv", i + 2),
      countryCode: country,
      forms,
      force: null,
    };
  });
}

export interface StateForceNoun {
  readonly noun: string;
  readonly force: string;
  readonly kind: "organisation" | "individual";
}

export interface CountryAdjective {
  readonly countryCode: string;
  readonly country: string;
  readonly adjective: string;
}

let forceNounsCache: StateForceNoun[] | null = null;

/** The nouns that name a state's forces ("army", "police", "troops"), with their branch. */
export function stateForceNouns(): readonly StateForceNoun[] {
  forceNounsCache ??= readTsv("actors/state-forces.tsv").map((r) => ({
    noun: r.noun as string,
    force: r.force as string,
    kind: r.kind === "individual" ? "individual" : "organisation",
  }));
  return forceNounsCache;
}

let forceNounIndex: PhraseIndex<StateForceNoun> | null = null;

/** The state-force nouns as a phrase index, for scans over an article's tokens ("security forces"). */
export function stateForceNounIndex(): PhraseIndex<StateForceNoun> {
  if (!forceNounIndex) {
    forceNounIndex = new PhraseIndex<StateForceNoun>();
    for (const n of stateForceNouns()) forceNounIndex.add(n.noun, n);
  }
  return forceNounIndex;
}

/** The branch ("military", "police") a bare force noun names ("Police", "the soldiers"), or null. */
export function forceOfNoun(text: string): string | null {
  const key = text.toLowerCase().replace(/^the\s+/, "");
  for (const n of stateForceNouns()) if (n.noun === key) return n.force;
  return null;
}

let adjectivesCache: CountryAdjective[] | null = null;

/** Country adjectives ("Salvadoran", "U.S."): world-countries demonyms plus data/actors/country-adjectives.tsv. */
export function countryAdjectives(): readonly CountryAdjective[] {
  if (adjectivesCache) return adjectivesCache;
  const nameOf = new Map<string, string>();
  const out: CountryAdjective[] = [];
  const seen = new Set<string>();
  const push = (code: string, adjective: string) => {
    const key = `${code}\t${actorKey(adjective)}`;
    if (!adjective || seen.has(key)) return;
    seen.add(key);
    out.push({ countryCode: code, country: code, adjective });
  };
  for (const c of countries) {
    nameOf.set(c.cca2, c.name.common);
    const d = c.demonyms?.eng;
    if (d) {
      push(c.cca2, d.m);
      push(c.cca2, d.f);
    }
  }
  for (const r of readTsv("actors/country-names.tsv")) nameOf.set(r.country as string, r.name as string);
  for (const r of readTsv("actors/country-adjectives.tsv")) push(r.country as string, r.adjective as string);
  // "French" is also the demonym of the French Southern Lands, "American" of the Northern
  // Marianas: an adjective shared with a territory names the sovereign state.
  const member = new Set(countries.filter((c) => c.unMember).map((c) => c.cca2));
  const sovereign = new Set(out.filter((a) => member.has(a.countryCode)).map((a) => actorKey(a.adjective)));
  adjectivesCache = out
    .filter((a) => member.has(a.countryCode) || !sovereign.has(actorKey(a.adjective)))
    .map((a) => ({ ...a, country: nameOf.get(a.countryCode) ?? a.countryCode }));
  return adjectivesCache;
}

let forceNamesCache: Map<string, { name: string; type: ActorType }> | null = null;

function forceNames(): Map<string, { name: string; type: ActorType }> {
  forceNamesCache ??= new Map(
    readTsv("actors/forces-names.tsv").map((r, i) => [
      r.force as string,
      { name: r.name as string, type: asActorType(r.type ?? "", "data/actors/forces-names.tsv", i + 2) },
    ]),
  );
  return forceNamesCache;
}

/** The canonical entry of a country's forces of one branch ("Military Forces of El Salvador"). */
export function stateForceEntry(countryCode: string, force: string): ActorEntry | null {
  build();
  return stateByKey.get(`${countryCode}\t${force}`) ?? null;
}

const stateByKey = new Map<string, ActorEntry>();

function stateForces(): ActorEntry[] {
  const nouns = stateForceNouns();
  const byCountry = new Map<string, CountryAdjective[]>();
  for (const a of countryAdjectives()) byCountry.set(a.countryCode, [...(byCountry.get(a.countryCode) ?? []), a]);
  const out: ActorEntry[] = [];
  for (const [code, adjectives] of byCountry) {
    const country = (adjectives[0] as CountryAdjective).country;
    for (const [force, spec] of forceNames()) {
      const aliases: string[] = [];
      for (const n of nouns) {
        if (n.force !== force) continue;
        for (const a of adjectives) aliases.push(`${a.adjective} ${n.noun}`);
        aliases.push(`${n.noun} of ${country}`);
      }
      const name = spec.name.replace("{country}", country);
      const entry: ActorEntry = {
        name,
        aliases,
        actorType: spec.type,
        countryCode: code,
        forms: [name, ...aliases].map((text) => ({ text, caseRule: "any" as const })),
        force,
      };
      stateByKey.set(`${code}\t${force}`, entry);
      out.push(entry);
    }
  }
  return out;
}

let entries: ActorEntry[] | null = null;
let byKey: Map<string, ActorEntry> | null = null;

function build(): { entries: ActorEntry[]; byKey: Map<string, ActorEntry> } {
  if (entries && byKey) return { entries, byKey };
  const named = namedActors();
  const all = [...named, ...stateForces()];
  const map = new Map<string, ActorEntry>();
  // Named groups first: an alias that two entries share belongs to the first one listed.
  for (const e of all) {
    for (const f of e.forms) {
      const k = actorKey(f.text);
      if (k && !map.has(k)) map.set(k, e);
    }
  }
  entries = all;
  byKey = map;
  return { entries, byKey };
}

/** Named armed groups and the state forces of every country, in data-file order. */
export function allActors(): readonly ActorEntry[] {
  return build().entries;
}

/** Named armed groups only (data/actors/actors.tsv), without the generated state forces. */
export function namedActorEntries(): readonly ActorEntry[] {
  return build().entries.filter((e) => e.force === null);
}

/**
 * The actor a name or alias denotes, case- and diacritic-insensitively: "IS-K", "ISKP" and
 * "Daesh Khorasan" all give Islamic State Khorasan Province. Null when the name is unknown.
 */
export function lookupActor(nameOrAlias: string): ActorEntry | null {
  if (typeof nameOrAlias !== "string") return null;
  const key = actorKey(nameOrAlias);
  if (!key) return null;
  return build().byKey.get(key) ?? null;
}

/** Every name an actor goes by (canonical first): what a filter "events by this actor" matches. */
export function actorNames(nameOrAlias: string): readonly string[] {
  const e = lookupActor(nameOrAlias);
  return e ? [e.name, ...e.aliases] : [];
}
