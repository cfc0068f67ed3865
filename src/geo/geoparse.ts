import type { Article } from "../core/article.js";
import type { PlaceMention } from "../core/annotations.js";
import type { Span } from "../core/span.js";
import type { Tracer } from "../pipeline/stage.js";
import { tokenSpan } from "../text/evidence.js";
import { bestFirst } from "./best-first.js";
import { NameQuality, PlaceKind } from "./bundle.js";
import { CountryContext, findDemonyms } from "./context.js";
import { cuesOf, type Cues, type PlaceAt } from "./cues.js";
import type { Gazetteer, GeoPlace } from "./gazetteer.js";
import { arabicSpellings, nameKey } from "./keys.js";
import { gluedBothSides, isCapitalised, scanNames, type NameMatch } from "./scan.js";
import { holds, score, type Evidence, type Scored } from "./score.js";

/** One name found in the text, with what its neighbourhood says. */
interface Mention {
  readonly match: NameMatch;
  readonly cues: Cues;
  readonly candidates: readonly GeoPlace[];
  /** The mention right after it that may contain it ("Kandahar, Afghanistan"), or -1. */
  container: number;
  /** The mention right before it that it may contain, or -1. */
  contains: number;
  /** A mention the text puts it near ("Edmonton, south of Cairns"), or -1. */
  near: number;
  /** The name before it, joined by a hyphen ("Middlesex-London", "Kitchener-Waterloo"), or -1. */
  joinedTo: number;
  /** Mentions of the same name at the same level share one reading. */
  group: string;
  /** In a list of one country's provinces: that country; in a list of countries: -2; else -1. */
  list: number;
}

/** Between two names of a list: ",", "and", "or", ", and", ", or". */
function listLink(article: Article, a: Mention, b: Mention): boolean {
  const t = article.tokens;
  const from = a.cues.spanEnd;
  const to = b.match.first;
  if (to <= from || to - from > 2 || t.sentence[from] !== t.sentence[to]) return false;
  const words = [];
  for (let i = from; i < to; i++) words.push(t.key[i] as string);
  const w = words.join(" ");
  return w === "," || w === "and" || w === "or" || w === ", and" || w === ", or";
}

/**
 * Lists of names: "South Carolina, Tennessee, Texas, Utah, Virginia, Washington and Wyoming" are
 * states, not towns of those names, and no name of the list holds the next one.
 */
function markLists(article: Article, mentions: Mention[]): void {
  let start = 0;
  for (let k = 1; k <= mentions.length; k++) {
    if (k < mentions.length && listLink(article, mentions[k - 1]!, mentions[k]!)) continue;
    const run = mentions.slice(start, k);
    start = k;
    if (run.length < 2) continue;
    const provinces = new Map<number, number>();
    let countries = 0;
    for (const m of run) {
      const seen = new Set<number>();
      for (const p of m.candidates)
        if (p.kind === PlaceKind.Admin1 && p.quality === NameQuality.Main && !seen.has(p.country)) {
          seen.add(p.country);
          provinces.set(p.country, (provinces.get(p.country) ?? 0) + 1);
        }
      if (m.candidates.some((p) => p.kind === PlaceKind.Country)) countries++;
    }
    let best = -1;
    let most = 0;
    for (const [c, n] of provinces)
      if (n > most) {
        most = n;
        best = c;
      }
    let mark: (m: Mention) => number;
    if (run.length >= 3 && most >= 3 && most >= 0.6 * run.length)
      mark = (m) =>
        m.candidates.some((p) => p.kind === PlaceKind.Admin1 && p.quality === NameQuality.Main && p.country === best)
          ? best
          : -1;
    else if (countries >= 2 && countries >= 0.6 * run.length)
      mark = (m) => (m.candidates.some((p) => p.kind === PlaceKind.Country) ? -2 : -1);
    else continue;
    for (const m of run) {
      m.list = mark(m);
      if (m.container >= 0 && run.includes(mentions[m.container]!)) {
        mentions[m.container]!.contains = -1;
        m.container = -1;
      }
    }
  }
}

const DIRECTIONS = new Set([
  "north",
  "south",
  "east",
  "west",
  "northeast",
  "northwest",
  "southeast",
  "southwest",
  "north-east",
  "north-west",
  "south-east",
  "south-west",
]);

/**
 * Between two names, words that put the first near the second: "Edmonton, south of Cairns",
 * "Chak, west of Kabul", "a village near Kunduz", "Mir Ali outside Miranshah".
 */
function nearLink(article: Article, a: Mention, b: Mention): boolean {
  const t = article.tokens;
  const from = a.cues.spanEnd;
  const to = b.match.first;
  if (to <= from || to - from > 6 || t.sentence[from] !== t.sentence[to]) return false;
  const words: string[] = [];
  for (let i = from; i < to; i++) if (t.value[i] !== "-") words.push(t.key[i] as string);
  if (words[0] === ",") words.shift();
  if (words[0] === "just" || words[0] === "about" || words[0] === "some") words.shift();
  if (words.length === 1) return words[0] === "near" || words[0] === "outside";
  if (words.length === 2 && DIRECTIONS.has(`${words[0]}-${words[1]}`)) return false;
  const dir = words.length === 3 ? `${words[0]}${words[1]}` : words[0];
  return words[words.length - 1] === "of" && words.length <= 3 && DIRECTIONS.has(dir ?? "");
}

/**
 * Two names glued by a hyphen name one area or service of two neighbours ("Middlesex-London EMS",
 * "Kitchener-Waterloo", "Dallas-Fort Worth"): each is near the other.
 */
function hyphenLink(article: Article, a: Mention, b: Mention): boolean {
  const dash = a.cues.spanEnd;
  return b.match.first === dash + 1 && article.tokens.value[dash] === "-" && gluedBothSides(article, dash);
}

/** Between two names: a comma ("Kandahar, Afghanistan"), "in", "in the" ("Boni in the Mopti region"), or an opening bracket. */
function containerLink(article: Article, a: NameMatch, aEnd: number, b: NameMatch): boolean {
  const t = article.tokens;
  if (t.sentence[aEnd] !== t.sentence[b.first]) return false;
  const v = t.key[aEnd] as string;
  if (b.first - aEnd === 2) return v === "in" && t.key[aEnd + 1] === "the";
  if (b.first - aEnd !== 1) return false;
  return v === "," || v === "in" || v === "(";
}

/** "Plateau state's Mangu area", "Pakistan's Bajaur district": the first name holds the second. */
function possessiveLink(article: Article, aEnd: number, b: NameMatch): boolean {
  const t = article.tokens;
  return b.first - aEnd === 1 && t.key[aEnd] === "'s" && t.sentence[aEnd] === t.sentence[b.first];
}

function isStrong(p: GeoPlace): boolean {
  return p.kind === PlaceKind.Country || p.kind === PlaceKind.Region || p.kind === PlaceKind.Admin1;
}

const PERSON_RULES = new Set([
  "place.reject.title",
  "place.reject.person-name",
  "place.reject.given-name",
  "place.reject.name-head",
  "place.reject.surname",
  "place.reject.speaker",
  "place.reject.compound",
]);

/** Person evidence strong enough to outweigh a large place later in the article ("Gov. Paterson", "Georgia Stevens"). */
const SURE_PERSON_RULES = new Set(["place.reject.title", "place.reject.given-name", "place.reject.speaker"]);

/** "US", "UK", "DRC" in cased text: an acronym, not the word "us". */
function isAcronym(article: Article, m: NameMatch): boolean {
  if (article.caseless) return false;
  const t = article.tokens;
  const v = t.value[m.first] as string;
  if (m.end - m.first !== 1 || v.length < 2 || v !== v.toUpperCase() || v === v.toLowerCase()) return false;
  // In a headline set in capitals every word looks like an acronym.
  return sentencesWithLowerCase(article)[t.sentence[m.first] as number] === 1;
}

const lowerCaseSentences = new WeakMap<Article, Uint8Array>();

/** 1 for each sentence that holds a word not in capitals; computed once an article (linear). */
function sentencesWithLowerCase(article: Article): Uint8Array {
  let flags = lowerCaseSentences.get(article);
  if (!flags) {
    const t = article.tokens;
    flags = new Uint8Array(article.sentences.length);
    for (let i = 0; i < t.count; i++) {
      const v = t.value[i] as string;
      if (v !== v.toUpperCase()) flags[t.sentence[i] as number] = 1;
    }
    lowerCaseSentences.set(article, flags);
  }
  return flags;
}

function endsWithPeriod(article: Article, m: NameMatch): boolean {
  const v = article.tokens.value[m.end - 1] as string;
  const next = article.tokens.value[m.end];
  return v.endsWith(".") || (next === "." && article.tokens.start[m.end] === article.tokens.end[m.end - 1]);
}

/** Why a mention is not a place, or null when it may be one. */
function rejection(
  article: Article,
  gz: Gazetteer,
  m: Mention,
  best: Scored,
  share: number,
  personNames: ReadonlySet<string>,
  surePersons: ReadonlySet<string>,
): string | null {
  const c = m.cues;
  const p = best.place;
  const located = c.locative || best.contained || m.contains >= 0 || c.dateline;
  const supported = located || c.level !== null;
  const single = !m.match.key.includes(" ");
  const common = single && !isAcronym(article, m.match) ? gz.commonWord(m.match.key) : undefined;
  const strong = isStrong(p);
  if (c.notName) return "place.reject.not-a-name";
  if (gz.isTitle(m.match.key)) return "place.reject.title";
  // "Vatican" is the country's own name as well as its adjective.
  const ownName = p.kind === PlaceKind.Country && p.quality === NameQuality.Main;
  if (single && gz.demonym(m.match.key) !== undefined && !located && !ownName) return "place.reject.demonym";
  if (c.afterTitle && !c.locative) return "place.reject.title";
  const weak = !strong && p.population < 100_000;
  // "Ohio State University", "the New York Times", "Agence France-Presse", "U.S. Department of Justice".
  if (c.organisation === "any" && !c.dateline) return "place.reject.organisation";
  if (c.organisation === "weak" && weak) return "place.reject.organisation";
  // "the White House condemned": the institution, not the building.
  if (p.institution && !c.locative) return "place.reject.institution";
  // "Danube Delta", "Lake Erie": another feature that bears the town's name.
  if (c.natural && p.kind !== PlaceKind.Admin1 && p.kind !== PlaceKind.Region) return "place.reject.feature";
  // "Oxford Street" in Belfast, "Jalalabad Road" in Kabul: a street named after a town is not the town.
  if (c.street >= 0) return "place.reject.street";
  // "Stade de France", "Puerta del Sol": a town's name opening a longer name the gazetteer lacks.
  if (c.runsOn && !strong && p.population < 1_000_000) return "place.reject.name-head";
  // "Mocimboa da Praia" (Mozambique) is neither Praia nor the Praia municipality of Cape Verde
  if (c.endsName && p.kind !== PlaceKind.Country && p.kind !== PlaceKind.Region && p.population < 1_000_000)
    return "place.reject.name-tail";
  // "Mario Cuomo", "George Washington"; but "Team Alberta", "CTV Winnipeg" still name the place.
  // "Ezra Levant", "Virgin Atlantic": a region after a name is part of that name.
  const region = p.kind === PlaceKind.Region && p.featureType !== "admin1";
  if (c.afterName && !c.locative && (weak || region || c.afterGivenName)) return "place.reject.person-name";
  if (c.compound && !strong) return "place.reject.compound";
  const unlocated = !c.locative && !best.contained && m.contains < 0 && !c.dateline;
  if (personNames.has(m.match.key) && !c.locative && weak) return "place.reject.person-name";
  // "Gov. David Paterson ... Paterson says", "Georgia Stevens ... Georgia skates".
  if (surePersons.has(m.match.key) && unlocated && p.featureCode !== "PPLC") return "place.reject.person-name";
  // "Palma said": a town does not speak; a capital may stand for its government ("Moscow said").
  if (c.beforeKin && unlocated) return "place.reject.person-name";
  if (c.beforeSpeech && unlocated && p.kind === PlaceKind.City && p.featureCode !== "PPLC")
    return "place.reject.speaker";
  // "BA cabin crew", "NASH": an acronym is a country or a province, or not a place.
  if (isAcronym(article, m.match) && !strong && !c.dateline && !best.contained && m.match.key.length <= 4)
    return "place.reject.acronym";
  // Alternate names of towns are mostly old or foreign spellings ("Abo" for Turku, "Google" for
  // Topeka): without a locative word only those of the largest cities ("Bombay") count, and no
  // short ones ("Lim" for Lima).
  if (
    p.quality === NameQuality.Alternate &&
    !strong &&
    !located &&
    (p.population < 1_000_000 || m.match.key.length < 5)
  )
    return "place.reject.alternate-name";
  if (p.quality === NameQuality.Alternate && !strong && common === "word" && !located)
    return "place.reject.alternate-name";
  if (common === "function") return "place.reject.function-word";
  if (common === "surname" && !located) return "place.reject.surname";
  if (common === "given-name") {
    if (c.beforeAnyName && !c.locative) return "place.reject.given-name";
    if (article.caseless && !supported && !(strong && share > 0)) return "place.reject.given-name";
  }
  if (common === "word") {
    if (article.caseless) {
      const adminLevel = c.level === "admin1" || c.level === "admin2";
      if (!(c.dateline || best.contained || m.contains >= 0 || (adminLevel && share > 0) || (c.locative && strong)))
        return "place.reject.common-word";
    } else {
      if (c.sentenceInitial && !located && p.kind !== PlaceKind.Country) return "place.reject.common-word";
      if (c.beforeName && !c.site && p.kind !== PlaceKind.Country) return "place.reject.common-word";
      // A large town may be a word ("Nice", "Reading"); a province or a district that is a word
      // ("Bay", "Lakes") needs a locative word or its level.
      const bigTown = p.kind === PlaceKind.City && p.population >= 100_000 && !c.beforeName;
      // "the Pacific side", "the countries of the Mediterranean": a capitalised sea or region
      // inside a sentence is a name.
      const region = p.kind === PlaceKind.Region && !c.sentenceInitial && !c.beforeName;
      if (!located && p.kind !== PlaceKind.Country && !bigTown && !region && !(c.level && p.kind !== PlaceKind.City))
        return "place.reject.common-word";
    }
  }
  // "Donald Trump", "Lucy Lau": a small place's name opening a longer name is a given name; "Fraser
  // Valley", "Abu Shok camp": or the start of a longer place name the gazetteer does not hold.
  if (c.beforeName && !c.site && !strong && p.population < 50_000 && c.level === null && !best.contained)
    return "place.reject.name-head";
  // "Northern Territory", "Far North": a province named by direction words only counts where the
  // story is about its country.
  if (p.kind === PlaceKind.Admin1 && p.quality === NameQuality.Bare && share < 0.5 && !best.contained)
    return "place.reject.generic";
  // "La." and "Ill." are Louisiana and Illinois only after a town: "Monroe, La."
  if (
    p.quality === NameQuality.Abbreviation &&
    !(m.contains >= 0 && !article.caseless && endsWithPeriod(article, m.match))
  )
    return "place.reject.abbreviation";
  // A small place far from anything the article is about is more likely a surname or a word. Capitals
  // say nothing in caseless text, so there even "in San Luis" needs the country to be in the story.
  const vouched = article.caseless ? c.dateline || best.contained || c.level !== null : supported;
  if (!strong && !vouched) {
    const need = p.quality === NameQuality.Main ? 0.25 : 0.5;
    const big = p.population >= (article.caseless ? 200_000 : p.quality === NameQuality.Main ? 20_000 : 100_000);
    if (share < need && !big) return "place.reject.out-of-context";
  }
  return null;
}

/** The largest town a name can stand for: its population and country. */
function largest(candidates: readonly GeoPlace[]): { largestTown: number; largestTownCountry: number } {
  let largestTown = 0;
  let largestTownCountry = -1;
  for (const p of candidates)
    if (p.kind === PlaceKind.City && p.population > largestTown) {
      largestTown = p.population;
      largestTownCountry = p.country;
    }
  return { largestTown, largestTownCountry };
}

/** Scores every candidate of a group; the `keep` best, best first. */
function scoreGroup(mentions: readonly Mention[], ev: Evidence, keep: number): Scored[] {
  const first = mentions[0];
  if (!first) return [];
  return bestFirst(
    first.candidates.map((p) => score(p, ev)),
    keep,
  );
}

/** How many candidates of a name take part in the joint reading. */
const TOP = 5;
/** How many other names a candidate is weighed against (the most mentioned first): linear time. */
const MAX_SENDERS = 40;
/** A name whose best reading leads the next by this much is settled. */
const SETTLED = 6;
/** How far below its best a reading of another name may be and still vouch for a neighbour. */
const NEAR_TIE = 2;
/** The most the other names can add to one reading. */
const MAX_SUPPORT = 3;

/** Rough distance in km, good enough to tell 30 from 300 km (no trigonometry in the inner loop). */
function roughKm(a: GeoPlace, b: GeoPlace): number {
  const dLat = a.lat - b.lat;
  let dLon = Math.abs(a.lon - b.lon);
  if (dLon > 180) dLon = 360 - dLon;
  const c = Math.cos(((a.lat + b.lat) * Math.PI) / 360);
  return 111.2 * Math.sqrt(dLat * dLat + dLon * c * (dLon * c));
}

const pointLike = (p: GeoPlace) =>
  p.kind === PlaceKind.City || p.kind === PlaceKind.Admin2 || (p.kind === PlaceKind.Region && p.country >= 0);

/**
 * How well two readings of two names of one article fit together: the same district or a few
 * dozen km apart fit best, then the same province or a few hundred km, then the same country.
 */
function fit(a: GeoPlace, b: GeoPlace): number {
  if (!pointLike(a) || !pointLike(b)) return 0;
  if (a.admin2 >= 0 && a.admin2 === b.admin2) return 2;
  const d = roughKm(a, b);
  if (d <= 30) return 2;
  if (d <= 100) return 1.5;
  return d <= 300 ? 0.75 : 0;
}

/**
 * The joint reading: each unsettled name takes the candidate that, with what the other names can
 * gain by agreeing with it, scores best (one round of max-product message passing). "Edmonton"
 * beside "Enfield" and "Clacton, Essex" is the London district; "London" beside "Middlesex" and
 * an Ontario area code is London, Ontario.
 */
function cohere(
  scored: ReadonlyMap<string, Scored[]>,
  weight: ReadonlyMap<string, number>,
  silent: ReadonlySet<string>,
): Map<string, Scored> {
  // Each other name offers its readings within NEAR_TIE of its best, with what each would cost it;
  // only readings that can fit (towns, districts, sites) are worth offering.
  const senders: { key: string; offers: { place: GeoPlace; cost: number }[] }[] = [];
  for (const key of [...scored.keys()].sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0))) {
    if (silent.has(key)) continue;
    const theirs = scored.get(key)!;
    const top = theirs[0]?.score ?? 0;
    const offers: { place: GeoPlace; cost: number }[] = [];
    for (let k = 0; k < theirs.length && k < TOP; k++) {
      const d = theirs[k]!;
      const cost = top - d.score;
      if (cost > NEAR_TIE) break;
      if (pointLike(d.place)) offers.push({ place: d.place, cost });
    }
    if (offers.length > 0) senders.push({ key, offers });
    if (senders.length >= MAX_SENDERS) break;
  }
  const out = new Map<string, Scored>();
  for (const [key, list] of scored) {
    const best = list[0];
    if (!best) continue;
    const second = list[1];
    // A country or province named outright is not the small town of that name beside other small
    // towns; countries and provinces weigh in through the country and province context instead.
    if (!second || best.score - second.score >= SETTLED || !pointLike(best.place)) {
      out.set(key, best);
      continue;
    }
    let chosen = best;
    let chosenTotal = -Infinity;
    for (let k = 0; k < list.length && k < TOP; k++) {
      const c = list[k]!;
      let support = 0;
      if (pointLike(c.place)) {
        for (const other of senders) {
          if (other.key === key) continue;
          // Another name agrees with this reading through its own best reading, or through one
          // nearly as good ("Essex" the county beside "Clacton"), never through a far-fetched one.
          let gain = 0;
          for (const d of other.offers) {
            const g = fit(c.place, d.place) - d.cost;
            if (g > gain) gain = g;
          }
          support += gain;
          if (support >= MAX_SUPPORT) break;
        }
      }
      const total = c.score + Math.min(support, MAX_SUPPORT);
      if (total > chosenTotal) {
        chosenTotal = total;
        chosen = c;
      }
    }
    out.set(key, chosen);
  }
  return out;
}

/** North American telephone numbers ("519-661-5670", "(519) 661-5670"): their area codes. */
function areaCodes(article: Article, gz: Gazetteer): number[] {
  const t = article.tokens;
  const out: number[] = [];
  for (let i = 0; i < t.count; i++) {
    if (t.type[i] !== "number") continue;
    const v = t.value[i] as string;
    let code: string | undefined;
    const m = /^(?:1-)?(\d{3})-\d{3}-\d{4}$/.exec(v);
    if (m) code = m[1];
    else if (
      /^\d{3}$/.test(v) &&
      t.value[i - 1] === "(" &&
      t.value[i + 1] === ")" &&
      /^\d{3}-\d{4}$/.test(t.value[i + 2] ?? "")
    )
      code = v;
    const country = code ? gz.areaCode(code) : undefined;
    if (country !== undefined) out.push(country);
  }
  return out;
}

/** Words that, before "of", say a town's name follows: "the town of Qatraneh". */
const TOWN_OF = new Set(["town", "village", "city", "hamlet"]);
const ARTICLE_WORDS = new Set(["al", "el"]);

/**
 * "the town of Qatraneh", "the city of Raqqa": a name the text calls a town, spelled otherwise
 * than the gazetteer's town ("Al Qaţrānah", "Ar Raqqah"), is found under the other spellings of an
 * Arabic name, when one of them is a town of a country the article names (by name or demonym).
 */
function withOtherSpellings(
  article: Article,
  gz: Gazetteer,
  matches: NameMatch[],
  demonyms: readonly { country: number }[],
): NameMatch[] {
  if (article.caseless) return matches;
  const t = article.tokens;
  let named: Set<number> | null = null;
  const extra: NameMatch[] = [];
  let k = 0;
  for (let i = 2; i < t.count; i++) {
    while (k < matches.length && matches[k]!.end <= i) k++;
    if (k < matches.length && matches[k]!.first <= i) continue;
    if (t.key[i - 1] !== "of" || !TOWN_OF.has(t.key[i - 2] as string)) continue;
    if (t.type[i] !== "word" || !isCapitalised(t.value[i] as string)) continue;
    // "Al-Qatraneh": the article joined by a hyphen belongs to the name.
    let end = i + 1;
    if (ARTICLE_WORDS.has(t.key[i] as string) && t.value[i + 1] === "-" && t.type[i + 2] === "word") end = i + 3;
    if (k < matches.length && matches[k]!.first < end) continue;
    const key = nameKey(t.value.slice(i, end).join(" "));
    // A name the gazetteer knows only as something else than a town ("the city of Raqqa", a province).
    if (!key || gz.lookup(key).some((p) => p.kind === PlaceKind.City)) continue;
    if (!named) {
      named = new Set(demonyms.map((d) => d.country));
      for (const m of matches)
        for (const p of gz.lookup(m.key))
          if (p.kind === PlaceKind.Country && p.quality === NameQuality.Main) named.add(p.country);
    }
    const countries = named;
    const variant = arabicSpellings(key).find(
      (v) => gz.has(v) && gz.lookup(v).some((p) => p.kind === PlaceKind.City && countries.has(p.country)),
    );
    if (variant) extra.push({ first: i, end, key: variant });
  }
  if (extra.length === 0) return matches;
  return [...matches, ...extra].sort((a, b) => a.first - b.first);
}

export interface GeoparseResult {
  readonly places: PlaceMention[];
  /** Demonyms: evidence of the countries an article is about (not places themselves). */
  readonly demonyms: { readonly span: Span; readonly countryCode: string; readonly country: string }[];
}

/**
 * Drops the alternate-name readings of towns when the name is also the main name of a real place:
 * "Manchester" is not an old name of Richmond, nor "Molotov" of Perm, when a Manchester exists.
 */
/**
 * "Deir el-Zor province": a province named after its seat under a spelling the province's own
 * names lack is the seat's province, a candidate beside the town.
 */
function withSeatProvinces(gz: Gazetteer, all: readonly GeoPlace[], province: boolean): readonly GeoPlace[] {
  if (!province) return all;
  const extra: GeoPlace[] = [];
  for (const p of all) {
    if (p.kind !== PlaceKind.City || p.featureCode !== "PPLA" || p.admin1 < 0) continue;
    if (all.some((q) => q.kind === PlaceKind.Admin1 && q.admin1 === p.admin1)) continue;
    if (extra.some((q) => q.admin1 === p.admin1)) continue;
    extra.push({ ...gz.admin1Place(p.admin1), quality: p.quality });
  }
  return extra.length ? [...all, ...extra] : all;
}

const PROVINCE_WORDS = new Set(["province", "governorate"]);

/** "Deir el-Zor province", "the governorate of Deir el-Zor"; not "the region of Mosul", which may be the town's. */
function provinceWord(article: Article, m: NameMatch): boolean {
  const t = article.tokens;
  if (PROVINCE_WORDS.has(t.key[m.end] as string)) return true;
  return t.key[m.first - 1] === "of" && PROVINCE_WORDS.has(t.key[m.first - 2] as string);
}

function candidatesOf(gz: Gazetteer, key: string): readonly GeoPlace[] {
  const all = gz.lookup(key);
  let main = -1;
  for (const p of all)
    if (p.quality === NameQuality.Main)
      main = Math.max(main, p.kind === PlaceKind.City || p.kind === PlaceKind.Admin2 ? p.population : Infinity);
  if (main < 1000) return all;
  // "Calcutta" is still Kolkata beside a village of that name: an alternate ten times larger stays;
  // so does the seat of the province of that name ("Raqqa": the province and Ar Raqqah).
  const provinces = new Set(
    all.filter((p) => p.kind === PlaceKind.Admin1 && p.quality === NameQuality.Main).map((p) => p.admin1),
  );
  return all.filter(
    (p) =>
      !(
        p.kind === PlaceKind.City &&
        p.quality === NameQuality.Alternate &&
        p.population < 10 * main &&
        !(provinces.has(p.admin1) && p.featureCode === "PPLA")
      ),
  );
}

/**
 * Finds and resolves every place name of an article. Three readings: the first with the country
 * evidence of unambiguous names (countries, demonyms, the dateline, telephone area codes), the
 * second adding the towns and provinces the first one resolved, so that "Kandahar" in an Afghan
 * story is the Afghan city; then a joint reading that prefers candidates that lie near the
 * article's other places.
 */
export function geoparse(article: Article, gz: Gazetteer, trace: Tracer | null = null): GeoparseResult {
  const t = article.tokens;
  const demonyms = findDemonyms(article, gz);
  const matches = withOtherSpellings(article, gz, scanNames(article, gz), demonyms);
  const covered = new Int32Array(t.count).fill(-1);
  matches.forEach((m, k) => covered.fill(k, m.first, m.end));
  const strength = matches.map((m) =>
    gz.lookup(m.key).some((p) => isStrong(p) || p.population >= 100_000) ? "strong" : "weak",
  );
  const placeAt: PlaceAt = (i) => (i >= 0 && i < t.count && covered[i]! >= 0 ? strength[covered[i]!]! : null);

  const mentions: Mention[] = matches.map((match) => {
    const cues = cuesOf(article, gz, match, placeAt);
    const candidates = withSeatProvinces(gz, candidatesOf(gz, match.key), provinceWord(article, match));
    const group = `${match.key}|${cues.level ?? ""}`;
    return { match, cues, candidates, container: -1, contains: -1, near: -1, joinedTo: -1, group, list: -1 };
  });
  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k]!;
    const b = mentions[k + 1]!;
    // A country or a region is not held by the next name: "Mexico, China, Japan" is a list.
    const wide = a.candidates.some(
      (p) => (p.kind === PlaceKind.Country && p.quality === NameQuality.Main) || p.kind === PlaceKind.Region,
    );
    if (!wide && containerLink(article, a.match, a.cues.spanEnd, b.match)) {
      a.container = k + 1;
      b.contains = k;
    } else if (possessiveLink(article, a.cues.spanEnd, b.match)) {
      b.container = k;
      a.contains = k + 1;
    } else if (hyphenLink(article, a, b)) {
      a.near = k + 1;
      b.joinedTo = k;
    } else if (nearLink(article, a, b)) a.near = k + 1;
  }

  markLists(article, mentions);

  // First evidence: countries named outright, demonyms, unambiguous provinces, telephone numbers.
  const countries = new CountryContext();
  for (const d of demonyms) countries.add(d.country, 0.5);
  for (const c of areaCodes(article, gz)) countries.add(c, 1);
  const namedCountries = new Set<number>();
  for (const m of mentions) {
    if (m.cues.notName || m.cues.organisation === "any") continue;
    const country = m.candidates.find((p) => p.kind === PlaceKind.Country);
    if (country && country.quality === NameQuality.Main && !m.cues.afterName) namedCountries.add(country.country);
    // "Georgia" is also a state, "Jordan" a given name: such names count for little until resolved.
    const alsoProvince = m.candidates.some((p) => p.kind === PlaceKind.Admin1 && p.quality === NameQuality.Main);
    if (country && !m.cues.afterTitle && !m.cues.afterName) countries.add(country.country, alsoProvince ? 0.3 : 1);
    const admin = m.candidates.filter((p) => p.kind === PlaceKind.Admin1 && p.quality !== NameQuality.Bare);
    // A province name no other country's place shares ("Idaho", but not "Moscow").
    if (admin.length > 0 && m.candidates.every((p) => p.country === admin[0]!.country))
      countries.add(admin[0]!.country, 0.5);
  }

  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    const g = groups.get(m.group);
    if (g) g.push(m);
    else groups.set(m.group, [m]);
  }
  const sameNameAdmin1 = (cands: readonly GeoPlace[]): Map<number, number> => {
    const admins = new Map(
      cands.filter((p) => p.kind === PlaceKind.Admin1).map((p) => [p.admin1, p.population] as const),
    );
    const out = new Map<number, number>();
    for (const p of cands) {
      const total = p.kind === PlaceKind.City ? admins.get(p.admin1) : undefined;
      if (total) out.set(p.admin1, Math.max(out.get(p.admin1) ?? 0, p.population / total));
    }
    return out;
  };

  // What a group's mentions say is the same in every reading: only the country and province
  // context change between them.
  type GroupEvidence = Omit<Evidence, "countries" | "admin1s">;
  const groupEvidence = (ms: readonly Mention[]): GroupEvidence => ({
    cues: ms.map((m) => m.cues),
    containers: ms.filter((m) => m.container >= 0).map((m) => mentions[m.container]!.candidates),
    containees: ms.filter((m) => m.contains >= 0).map((m) => mentions[m.contains]!.candidates),
    countryNamed: ms[0]!.candidates.some((p) => p.kind === PlaceKind.Country),
    sameNameAdmin1: sameNameAdmin1(ms[0]!.candidates),
    list: ms.reduce((l, m) => (m.list !== -1 ? m.list : l), -1),
    nearby: [
      ...ms.filter((m) => m.near >= 0).map((m) => mentions[m.near]!.candidates),
      ...ms.filter((m) => m.joinedTo >= 0).map((m) => mentions[m.joinedTo]!.candidates),
    ],
    ...largest(ms[0]!.candidates),
    namedCountries,
  });
  // Spelt out, not spread: every evidence object then has the one shape score() is compiled for.
  const withContext = (g: GroupEvidence, ctx: CountryContext, admin1s: ReadonlySet<number>): Evidence => ({
    cues: g.cues,
    containers: g.containers,
    containees: g.containees,
    countryNamed: g.countryNamed,
    countries: ctx,
    admin1s,
    sameNameAdmin1: g.sameNameAdmin1,
    list: g.list,
    nearby: g.nearby,
    largestTown: g.largestTown,
    largestTownCountry: g.largestTownCountry,
    namedCountries: g.namedCountries,
  });
  const evidenceOfGroup = new Map<string, GroupEvidence>();
  for (const [key, ms] of groups) evidenceOfGroup.set(key, groupEvidence(ms));

  // The dateline fixes the country of the story.
  const dateline = mentions.find((m) => m.cues.dateline);
  if (dateline) {
    const best = scoreGroup([dateline], withContext(groupEvidence([dateline]), countries, new Set()), 1)[0];
    if (best) countries.setDateline(best.place.country);
  }

  // Pass 1 reads each name with the country evidence; pass 2 adds the provinces and countries of
  // what pass 1 resolved; the joint reading then weighs each candidate against the others' readings.
  const resolveAll = (
    ctx: CountryContext,
    admin1By: ReadonlyMap<number, ReadonlySet<string>>,
    own: ReadonlyMap<string, readonly [number, number]> = new Map(),
  ) => {
    const out = new Map<string, Scored[]>();
    for (const [key, ms] of groups) {
      // A province counts as context only when some other name put it there; so does a country.
      const admin1s = new Set<number>();
      for (const [a, by] of admin1By) if (by.size > 1 || !by.has(key)) admin1s.add(a);
      const mine = own.get(key);
      const ev = withContext(evidenceOfGroup.get(key)!, mine ? ctx.without(mine[0], mine[1]) : ctx, admin1s);
      // The passes read a name's best two readings, the joint reading its best TOP.
      const list = scoreGroup(ms, ev, TOP);
      if (list.length > 0) out.set(key, list);
    }
    return out;
  };
  const first = resolveAll(countries, new Map());
  const second = countries.clone();
  const admin1By = new Map<number, Set<string>>();
  const own = new Map<string, readonly [number, number]>();
  const none = new Set<string>();
  // Only names that stand as places give context: "Street" of "Falcon Street" or "Kim" of "Const.
  // Kim Flett" say nothing of where the story is.
  // With `orFeature`, a natural feature that bears the name stands too: "Erie" of "Lake Erie" still
  // says where the story is, in the joint reading.
  const standing = (key: string, best: Scored, orFeature = false) =>
    groups.get(key)!.some((m) => {
      const why = rejection(article, gz, m, best, countries.share(best.place.country), none, none);
      return why === null || (orFeature && why === "place.reject.feature");
    });
  for (const [key, list] of first) {
    const best = list[0]!;
    const ms = groups.get(key)!;
    if (!standing(key, best)) continue;
    const p = best.place;
    if (p.kind === PlaceKind.Admin1 || (best.contained && p.admin1 >= 0)) {
      const by = admin1By.get(p.admin1) ?? new Set<string>();
      by.add(key);
      admin1By.set(p.admin1, by);
    }
    if (p.kind === PlaceKind.City || p.kind === PlaceKind.Admin2 || p.kind === PlaceKind.Admin1) {
      // A reading that barely beats the next one says little of where the story is.
      const margin = list[1] ? best.score - list[1].score : 3;
      const w = Math.min(ms.length, 2) * (best.contained ? 1 : 0.4) * Math.min(1, Math.max(0.1, margin / 3));
      second.add(p.country, w);
      own.set(key, [p.country, w]);
    }
  }
  const middle = resolveAll(second, admin1By, own);
  // Names that are no places here (money, organisations) take no part in the joint reading.
  for (const [key, ms] of groups)
    if (ms.every((m) => m.cues.notName || m.cues.organisation === "any" || m.cues.compound)) middle.delete(key);
  const weight = new Map([...groups].map(([k, ms]) => [k, ms.length] as const));
  // "Street" of "Falcon Street" or "Kim" of "Const. Kim Flett" vouch for no reading of the other names.
  const silent = new Set([...middle].filter(([key, list]) => !standing(key, list[0]!, true)).map(([key]) => key));
  const resolved = cohere(middle, weight, silent);
  for (const key of groups.keys()) {
    const best = resolved.has(key) ? undefined : first.get(key)?.[0];
    if (best) resolved.set(key, best);
  }

  // Names used for people in this article ("Mario Cuomo" makes a later "Cuomo" a person too).
  const personNames = new Set<string>();
  const surePersons = new Set<string>();
  for (const m of mentions) {
    const best = resolved.get(m.group);
    const why = best ? rejection(article, gz, m, best, second.share(best.place.country), none, none) : null;
    if (why && PERSON_RULES.has(why)) personNames.add(m.match.key);
    if (why && SURE_PERSON_RULES.has(why)) surePersons.add(m.match.key);
  }

  // "HOLLIDAY, Mo.": when no town of the name lies in the province or country named after it, the
  // town is one the gazetteer lacks; what is known is its province (ACLED's geo_precision 3).
  const unlisted = (m: Mention, best: Scored): Scored | null => {
    if (m.container < 0 || (best.place.kind !== PlaceKind.City && best.place.kind !== PlaceKind.Admin2)) return null;
    const c = mentions[m.container]!;
    const outer = resolved.get(c.group);
    if (!outer || outer.place.quality === NameQuality.Bare) return null;
    if (outer.place.kind !== PlaceKind.Admin1 && outer.place.kind !== PlaceKind.Country) return null;
    if (m.candidates.some((p) => holds(outer.place, p))) return null;
    // Only in a story about that country: "AYUTUXTEPEQUE, COLONIA ..." is a neighbourhood, not Uruguay.
    const share = second.share(outer.place.country);
    if (share < 0.5 || rejection(article, gz, c, outer, share, personNames, surePersons) !== null) return null;
    return { ...outer, rule: "place.unlisted-town", contained: true };
  };

  /**
   * A town the gazetteer lacks, read as a namesake abroad ("Khar" as Haar, Bavaria, in a story
   * about Pakistan; "Badia" as a town of Italy in one about Syria): a barely supported reading in
   * a country with under half the place evidence of the story's leading country.
   */
  const leading = second.main();
  const foreignNamesake = (best: Scored): boolean =>
    (best.place.kind === PlaceKind.City || best.place.kind === PlaceKind.Admin2) &&
    best.score < NAMESAKE_SCORE &&
    leading >= 0 &&
    leading !== best.place.country &&
    second.share(best.place.country) < NAMESAKE_SHARE;

  const places: PlaceMention[] = [];
  /** Mentions read as people's names. */
  const rejected = new Uint8Array(mentions.length);
  for (let k = 0; k < mentions.length; k++) {
    let m = mentions[k]!;
    const best = resolved.get(m.group);
    const span = tokenSpan(article, m.match.first, m.cues.spanEnd - 1);
    if (!best) continue;
    // "Alfonso Sastre, Mari Luz Fernandez": a person's name holds no place after it.
    if (m.contains >= 0 && rejected[m.contains] === 1) m = { ...m, contains: -1 };
    const why = rejection(article, gz, m, best, second.share(best.place.country), personNames, surePersons);
    if (why) {
      trace?.note(
        why,
        span,
        `"${m.match.key}" is not taken as a place (best reading ${best.place.name}, ${gz.countries[best.place.country]?.code ?? "?"})`,
      );
      if (PERSON_RULES.has(why)) rejected[k] = 1;
      continue;
    }
    if (foreignNamesake(best)) {
      trace?.note("place.reject.foreign-namesake", span, `"${m.match.key}" is no ${best.place.name} abroad here`);
      continue;
    }
    places.push(toMention(gz, m, unlisted(m, best) ?? best, span));
  }
  return {
    places,
    demonyms: demonyms.map((d) => ({
      span: d.span,
      countryCode: gz.countries[d.country]!.code,
      country: gz.countries[d.country]!.name,
    })),
  };
}

/** Below this score (confidence about 0.15) a town abroad beside another named country is a namesake. */
const NAMESAKE_SCORE = 4.5;
/** ...when its country has under half the place evidence of the story's leading country. */
const NAMESAKE_SHARE = 0.5;

/** Coordinates to four decimals (about 11 m), as places are written out. */
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

function toMention(gz: Gazetteer, m: Mention, best: Scored, span: Span): PlaceMention {
  const p = best.place;
  const country = p.country >= 0 ? gz.countries[p.country] : undefined;
  const admin1 = p.admin1 >= 0 ? gz.admin1[p.admin1] : undefined;
  const confidence = Math.max(0.05, Math.min(0.99, 1 / (1 + Math.exp(-(best.score - 8) / 2))));
  const rule = m.cues.dateline ? "place.dateline" : best.rule;
  return {
    span,
    rule,
    confidence: Math.round(confidence * 100) / 100,
    name: p.name,
    featureType: m.cues.site && (p.kind === PlaceKind.City || p.kind === PlaceKind.Admin2) ? "site" : p.featureType,
    countryCode: country?.code ?? null,
    country: country?.name ?? null,
    admin1: p.kind === PlaceKind.Country ? null : (admin1?.name ?? null),
    lat: round4(p.lat),
    lon: round4(p.lon),
    geonameId: p.geonameId,
    population: p.population > 0 && p.kind !== PlaceKind.Country ? p.population : null,
    ...(p.kind === PlaceKind.Admin1 && admin1
      ? { seat: { lat: round4(admin1.seatLat), lon: round4(admin1.seatLon) } }
      : {}),
  };
}
