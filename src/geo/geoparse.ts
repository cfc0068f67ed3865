import type { Article } from "../core/article.js";
import type { PlaceMention } from "../core/annotations.js";
import type { Span } from "../core/span.js";
import type { Tracer } from "../pipeline/stage.js";
import { tokenSpan } from "../text/evidence.js";
import { NameQuality, PlaceKind } from "./bundle.js";
import { CountryContext, findDemonyms } from "./context.js";
import { cuesOf, type Cues, type PlaceAt } from "./cues.js";
import type { Gazetteer, GeoPlace } from "./gazetteer.js";
import { scanNames, type NameMatch } from "./scan.js";
import { score, type Anchor, type Evidence, type Scored } from "./score.js";

/** One name found in the text, with what its neighbourhood says. */
interface Mention {
  readonly match: NameMatch;
  readonly cues: Cues;
  readonly candidates: readonly GeoPlace[];
  /** The mention right after it that may contain it ("Kandahar, Afghanistan"), or -1. */
  container: number;
  /** The mention right before it that it may contain, or -1. */
  contains: number;
  /** Mentions of the same name at the same level share one reading. */
  group: string;
}

/** Between two names: a comma ("Kandahar, Afghanistan"), "in", or an opening bracket. */
function containerLink(article: Article, a: NameMatch, aEnd: number, b: NameMatch): boolean {
  const t = article.tokens;
  if (t.sentence[aEnd] !== t.sentence[b.first]) return false;
  if (b.first - aEnd !== 1) return false;
  const v = t.key[aEnd] as string;
  return v === "," || v === "in" || v === "(";
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
]);

/** "US", "UK", "DRC" in cased text: an acronym, not the word "us". */
function isAcronym(article: Article, m: NameMatch): boolean {
  if (article.caseless) return false;
  const t = article.tokens;
  const v = t.value[m.first] as string;
  if (m.end - m.first !== 1 || v.length < 2 || v !== v.toUpperCase() || v === v.toLowerCase()) return false;
  // In a headline set in capitals every word looks like an acronym.
  const s = article.sentences[t.sentence[m.first] as number];
  if (!s) return true;
  let lower = 0;
  for (let i = s.firstToken; i < s.endToken; i++)
    if ((t.value[i] as string) !== (t.value[i] as string).toUpperCase()) lower++;
  return lower > 0;
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
): string | null {
  const c = m.cues;
  const p = best.place;
  const located = c.locative || best.contained || m.contains >= 0 || c.dateline;
  const supported = located || c.level !== null;
  const single = !m.match.key.includes(" ");
  const common = single && !isAcronym(article, m.match) ? gz.commonWord(m.match.key) : undefined;
  const strong = isStrong(p);
  if (gz.isTitle(m.match.key)) return "place.reject.title";
  if (single && gz.demonym(m.match.key) !== undefined && !located) return "place.reject.demonym";
  if (c.afterTitle && !c.locative) return "place.reject.title";
  const weak = !strong && p.population < 100_000;
  // "Mario Cuomo", "George Washington"; but "Team Alberta", "CTV Winnipeg" still name the place.
  if (c.afterName && !c.locative && (weak || c.afterGivenName)) return "place.reject.person-name";
  if (personNames.has(m.match.key) && !c.locative && weak) return "place.reject.person-name";
  // "BA cabin crew", "NASH": an acronym is a country or a province, or not a place.
  if (isAcronym(article, m.match) && !strong && !c.dateline && !best.contained && m.match.key.length <= 4)
    return "place.reject.acronym";
  if (c.beforeOrganisation && !strong && p.population < 100_000) return "place.reject.organisation";
  if (p.quality === NameQuality.Alternate && !strong && !located && p.population < 100_000)
    return "place.reject.alternate-name";
  if (common === "function") return "place.reject.function-word";
  if (common === "surname" && !located) return "place.reject.surname";
  if (common === "given-name") {
    if (c.beforeName && !c.locative) return "place.reject.given-name";
    if (article.caseless && !supported && !(strong && share > 0)) return "place.reject.given-name";
  }
  if (common === "word") {
    if (article.caseless) {
      const adminLevel = c.level === "admin1" || c.level === "admin2";
      if (!(c.dateline || best.contained || m.contains >= 0 || (adminLevel && share > 0) || (c.locative && strong)))
        return "place.reject.common-word";
    } else {
      if (c.sentenceInitial && !located && p.kind !== PlaceKind.Country) return "place.reject.common-word";
      if (c.beforeName && p.kind !== PlaceKind.Country) return "place.reject.common-word";
      if (!located && p.kind !== PlaceKind.Country && !(p.population >= 100_000 && !c.beforeName))
        return "place.reject.common-word";
    }
  }
  // "Donald Trump", "Lucy Lau": a small place's name opening a longer name is a given name; "Fraser
  // Valley", "Abu Shok camp": or the start of a longer place name the gazetteer does not hold.
  if (c.beforeName && !strong && p.population < 50_000 && c.level === null && !best.contained)
    return "place.reject.name-head";
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

function resolveGroup(mentions: readonly Mention[], ev: Evidence): Scored | null {
  let best: Scored | null = null;
  const first = mentions[0];
  if (!first) return null;
  for (const p of first.candidates) {
    const s = score(p, ev);
    if (!best || s.score > best.score) best = s;
  }
  return best;
}

export interface GeoparseResult {
  readonly places: PlaceMention[];
  /** Demonyms: evidence of the countries an article is about (not places themselves). */
  readonly demonyms: { readonly span: Span; readonly countryCode: string; readonly country: string }[];
}

/**
 * Finds and resolves every place name of an article. Two readings: the first with the country
 * evidence of unambiguous names (countries, demonyms, the dateline), the second adding the towns
 * and provinces the first one resolved, so that "Kandahar" in an Afghan story is the Afghan city.
 */
export function geoparse(article: Article, gz: Gazetteer, trace: Tracer | null = null): GeoparseResult {
  const t = article.tokens;
  const matches = scanNames(article, gz);
  const covered = new Int32Array(t.count).fill(-1);
  matches.forEach((m, k) => covered.fill(k, m.first, m.end));
  const strength = matches.map((m) =>
    gz.lookup(m.key).some((p) => isStrong(p) || p.population >= 100_000) ? "strong" : "weak",
  );
  const placeAt: PlaceAt = (i) => (i >= 0 && i < t.count && covered[i]! >= 0 ? strength[covered[i]!]! : null);

  const mentions: Mention[] = matches.map((match) => {
    const cues = cuesOf(article, gz, match, placeAt);
    const candidates = gz.lookup(match.key);
    const group = `${match.key}|${cues.level ?? ""}`;
    return { match, cues, candidates, container: -1, contains: -1, group };
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
    }
  }

  // First evidence: countries named outright, demonyms, unambiguous provinces.
  const countries = new CountryContext();
  const demonyms = findDemonyms(article, gz);
  for (const d of demonyms) countries.add(d.country, 0.5);
  for (const m of mentions) {
    const country = m.candidates.find((p) => p.kind === PlaceKind.Country);
    // "Georgia" is also a state, "Jordan" a given name: such names count for little until resolved.
    const alsoProvince = m.candidates.some((p) => p.kind === PlaceKind.Admin1 && p.quality === NameQuality.Main);
    if (country && !m.cues.afterTitle && !m.cues.afterName) countries.add(country.country, alsoProvince ? 0.3 : 1);
    const admin = m.candidates.filter((p) => p.kind === PlaceKind.Admin1);
    if (admin.length > 0 && admin.every((p) => p.country === admin[0]!.country)) countries.add(admin[0]!.country, 0.5);
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
      if (total) out.set(p.index, p.population / total);
    }
    return out;
  };

  const evidenceFor = (ms: readonly Mention[], ctx: CountryContext, admin1s: ReadonlySet<number>): Evidence => ({
    anchors: [],
    cues: ms.map((m) => m.cues),
    containers: ms.filter((m) => m.container >= 0).map((m) => mentions[m.container]!.candidates),
    containees: ms.filter((m) => m.contains >= 0).map((m) => mentions[m.contains]!.candidates),
    countryNamed: ms[0]!.candidates.some((p) => p.kind === PlaceKind.Country),
    countries: ctx,
    admin1s,
    sameNameAdmin1: sameNameAdmin1(ms[0]!.candidates),
  });

  // The dateline fixes the country of the story.
  const dateline = mentions.find((m) => m.cues.dateline);
  if (dateline) {
    const best = resolveGroup([dateline], evidenceFor([dateline], countries, new Set()));
    if (best) countries.setDateline(best.place.country);
  }

  // Pass 1 reads each name with the country evidence; pass 2 adds the provinces and countries of
  // what pass 1 resolved; pass 3 adds nearness to the towns the others resolved to.
  const resolveAll = (
    ctx: CountryContext,
    admin1By: ReadonlyMap<number, ReadonlySet<string>>,
    anchors: readonly Anchor[],
  ) => {
    const out = new Map<string, Scored>();
    for (const [key, ms] of groups) {
      // A province counts as context only when some other name put it there.
      const admin1s = new Set<number>();
      for (const [a, by] of admin1By) if (by.size > 1 || !by.has(key)) admin1s.add(a);
      const near = anchors.filter((x) => x.group !== key);
      const best = resolveGroup(ms, { ...evidenceFor(ms, ctx, admin1s), anchors: near });
      if (best) out.set(key, best);
    }
    return out;
  };
  const first = resolveAll(countries, new Map(), []);
  const second = countries.clone();
  const admin1By = new Map<number, Set<string>>();
  for (const [key, best] of first) {
    const ms = groups.get(key)!;
    const p = best.place;
    if (p.kind === PlaceKind.Admin1 || (best.contained && p.admin1 >= 0)) {
      const by = admin1By.get(p.admin1) ?? new Set<string>();
      by.add(key);
      admin1By.set(p.admin1, by);
    }
    if (p.kind === PlaceKind.City || p.kind === PlaceKind.Admin2 || p.kind === PlaceKind.Admin1) {
      second.add(p.country, Math.min(ms.length, 2) * (best.contained ? 1 : 0.4));
    }
  }
  const middle = resolveAll(second, admin1By, []);
  const anchors: Anchor[] = [];
  for (const [key, best] of middle) {
    const p = best.place;
    if ((p.kind === PlaceKind.City || p.kind === PlaceKind.Admin2) && best.score >= 8)
      anchors.push({ group: key, lat: p.lat, lon: p.lon });
  }
  const resolved = anchors.length > 0 ? resolveAll(second, admin1By, anchors) : middle;

  // Names used for people in this article ("Mario Cuomo" makes a later "Cuomo" a person too).
  const personNames = new Set<string>();
  const none = new Set<string>();
  for (const m of mentions) {
    const best = resolved.get(m.group);
    const why = best ? rejection(article, gz, m, best, second.share(best.place.country), none) : null;
    if (why && PERSON_RULES.has(why)) personNames.add(m.match.key);
  }

  const places: PlaceMention[] = [];
  for (const m of mentions) {
    const best = resolved.get(m.group);
    const span = tokenSpan(article, m.match.first, m.cues.spanEnd - 1);
    if (!best) continue;
    const why = rejection(article, gz, m, best, second.share(best.place.country), personNames);
    if (why) {
      trace?.note(
        why,
        span,
        `"${m.match.key}" is not taken as a place (best reading ${best.place.name}, ${gz.countries[best.place.country]?.code ?? "?"})`,
      );
      continue;
    }
    places.push(toMention(gz, m, best, span));
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
    featureType: p.featureType,
    countryCode: country?.code ?? null,
    country: country?.name ?? null,
    admin1: p.kind === PlaceKind.Country ? null : (admin1?.name ?? null),
    lat: Math.round(p.lat * 1e4) / 1e4,
    lon: Math.round(p.lon * 1e4) / 1e4,
    geonameId: p.geonameId,
    population: p.population > 0 && p.kind !== PlaceKind.Country ? p.population : null,
  };
}
