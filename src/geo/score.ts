import { NameQuality, PlaceKind } from "./bundle.js";
import type { CountryContext } from "./context.js";
import type { Cues } from "./cues.js";
import type { GeoPlace } from "./gazetteer.js";

/** Great-circle distance in km. */
export function km(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((bLat - aLat) * r) / 2) ** 2 +
    Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(((bLon - aLon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** What the article says around the mentions of one name, gathered for scoring its candidates. */
export interface Evidence {
  readonly cues: readonly Cues[];
  /** Places named right after a mention ("Kandahar, Afghanistan", "Pandi, Bulacan"): their candidates. */
  readonly containers: readonly (readonly GeoPlace[])[];
  /** Places named right before a mention that it may hold ("Buffalo, New York"): their candidates. */
  readonly containees: readonly (readonly GeoPlace[])[];
  /** Another name of the same words is a country ("Mexico" the country and Mexico City). */
  readonly countryNamed: boolean;
  readonly countries: CountryContext;
  /** Provinces the article names (admin1 indices). */
  readonly admin1s: ReadonlySet<number>;
  /** Provinces the name has a same-named town in (admin1 index), with the share of the province's people it holds. */
  readonly sameNameAdmin1: ReadonlyMap<number, number>;
  /**
   * The name stands in a list of provinces of one country ("Utah, Virginia, Washington and
   * Wyoming": that country's index) or of countries ("Egypt and Niger": -2); -1 otherwise.
   */
  readonly list: number;
  /** Places the text puts a mention near ("Edmonton, south of Cairns"): their candidates. */
  readonly nearby: readonly (readonly GeoPlace[])[];
  /** Population of the largest town the name can stand for. */
  readonly largestTown: number;
  /** The country of that town (index), or -1. */
  readonly largestTownCountry: number;
  /** Countries the article names outright ("France"), by index. */
  readonly namedCountries: ReadonlySet<number>;
}

const log10 = (x: number) => Math.log10(Math.max(x, 0) + 10);

/** How likely a place is before reading the article: its kind and size. */
export function prior(p: GeoPlace): number {
  let s: number;
  switch (p.kind) {
    case PlaceKind.Country:
      // Between two countries of one name ("Congo"), the larger is meant more often.
      s = 9 + 0.05 * log10(p.population);
      break;
    case PlaceKind.Region:
      s = 8.5;
      break;
    case PlaceKind.Admin1:
      s = 3 + 0.6 * log10(p.population);
      break;
    case PlaceKind.Admin2:
      s = 2.5 + 0.6 * log10(p.population);
      break;
    default: {
      s = log10(p.population);
      if (p.featureCode === "PPLC") s += 1.5;
      else if (p.featureCode === "PPLA") s += 0.7;
      else if (p.featureCode === "PPLA2") s += 0.3;
      else if (p.featureCode === "PPLX") s -= 0.5;
    }
  }
  if (p.quality === NameQuality.Alternate) s -= 1;
  else if (p.quality === NameQuality.Bare) s -= 3;
  else if (p.quality === NameQuality.Abbreviation) s -= 2;
  return s;
}

/** True when `outer` (a container candidate) holds `p`. */
export function holds(outer: GeoPlace, p: GeoPlace): boolean {
  if (outer.kind === PlaceKind.Country) return p.country === outer.country && p.kind !== PlaceKind.Country;
  if (outer.kind === PlaceKind.Admin1)
    return p.admin1 === outer.admin1 && p.kind !== PlaceKind.Admin1 && p.kind !== PlaceKind.Country;
  if (outer.kind === PlaceKind.Region) return outer.country >= 0 && p.country === outer.country;
  // "Clacton, Essex": a district holds its towns.
  if (outer.kind === PlaceKind.Admin2) return p.kind === PlaceKind.City && p.admin2 >= 0 && p.admin2 === outer.admin2;
  return false;
}

export interface Scored {
  readonly place: GeoPlace;
  readonly score: number;
  /** The strongest reason, for `--explain`. */
  readonly rule: string;
  /** A container named beside it agrees ("Kandahar, Afghanistan"). */
  readonly contained: boolean;
}

/** Scores one candidate with the article's evidence. */
export function score(p: GeoPlace, ev: Evidence): Scored {
  let s = prior(p);
  let rule = "place.prior";
  const share = ev.countries.share(p.country);
  if (share > 0) {
    s += 3 * share;
    if (share >= 0.5) rule = "place.context";
  }
  if (ev.countries.isDateline(p.country)) s += 1;
  if (p.kind === PlaceKind.City) {
    // "Paris" is the French capital before it is a small town of the story's country ("Which
    // Melbourne?"): a name shared with a city of millions fifty times larger weighs less, unless
    // the article names the town's province (Moscow in a story about Idaho) and not the large
    // city's country (Paris in a Kentucky paper's story of a trip to France).
    if (
      ev.largestTown >= 1_000_000 &&
      p.population * 50 < ev.largestTown &&
      (!ev.admin1s.has(p.admin1) || ev.namedCountries.has(ev.largestTownCountry))
    )
      s -= 2;
    // The capital of a country the article names.
    if (p.featureCode === "PPLC" && ev.namedCountries.has(p.country)) s += 1;
  }
  if (p.kind >= PlaceKind.Admin2 && p.kind !== PlaceKind.Region && p.admin1 >= 0 && ev.admin1s.has(p.admin1)) {
    s += 2;
    rule = "place.province-context";
  }

  let contained = false;
  let mismatch = false;
  for (const outers of ev.containers) {
    if (outers.some((o) => holds(o, p))) contained = true;
    // A town or district followed by a country or province that does not hold it; a province in a
    // list of provinces ("Alaska, Alabama, Arizona") is no mismatch.
    else if (
      (p.kind === PlaceKind.City || p.kind === PlaceKind.Admin2) &&
      outers.length > 0 &&
      outers.every((o) => o.kind === PlaceKind.Country || o.kind === PlaceKind.Admin1)
    )
      mismatch = true;
  }
  if (contained) {
    s += 6;
    rule = "place.container";
  } else if (mismatch) s -= 3;
  // "Buffalo, New York": the second name is the state that holds the first.
  if (ev.containees.some((inner) => inner.some((i) => holds(p, i)))) {
    s += 4;
    rule = "place.container";
  }
  // "Edmonton, south of Cairns": a town a short way from the other.
  if (
    (p.kind === PlaceKind.City || p.kind === PlaceKind.Admin2) &&
    ev.nearby.some((others) =>
      others.some(
        (o) => (o.kind === PlaceKind.City || o.kind === PlaceKind.Admin2) && km(p.lat, p.lon, o.lat, o.lon) <= 150,
      ),
    )
  ) {
    s += 4;
    rule = "place.near";
  }
  // "Mexico" is the country before it is Mexico City, unless the text says "city".
  if (ev.countryNamed && p.kind === PlaceKind.City && !ev.cues.some((c) => c.level === "city")) s -= 2;

  let levelBonus: number | null = null;
  let anyLevel = false;
  let admin1After = false;
  // A former province kept as a region ("Nyanza Province") reads as a province.
  const province = p.kind === PlaceKind.Admin1 || (p.kind === PlaceKind.Region && p.featureType === "admin1");
  for (const c of ev.cues) {
    if (c.admin1After) admin1After = true;
    if (!c.level) continue;
    anyLevel = true;
    let b: number;
    if (c.level === "admin1") b = province ? 4 : p.kind === PlaceKind.Admin2 ? 2 : p.kind === PlaceKind.City ? -2 : 0;
    else if (c.level === "admin2")
      b = p.kind === PlaceKind.Admin2 ? 4 : province ? 2.5 : p.kind === PlaceKind.City ? -2 : 0;
    else b = p.kind === PlaceKind.City ? 3 : 0;
    levelBonus = levelBonus === null ? b : Math.max(levelBonus, b);
  }
  if (levelBonus !== null) {
    s += levelBonus;
    if (levelBonus > 0) rule = "place.level";
  } else if (!anyLevel) {
    // Kandahar the city, not the province it is the seat of, unless the text says "province"; the
    // province gives way, so that the city gains nothing against namesakes elsewhere.
    const ratio = p.kind === PlaceKind.Admin1 ? ev.sameNameAdmin1.get(p.admin1) : undefined;
    if (ratio !== undefined) s -= Math.min(1.5, 3 * ratio);
    // "Metcalfe" alone is rarely Metcalfe County.
    if (p.kind === PlaceKind.Admin2 && p.quality === NameQuality.Bare) s -= 1;
  }
  if (admin1After && p.kind === PlaceKind.Admin1) s += 2.5;
  if (ev.list >= 0 && p.kind === PlaceKind.Admin1 && p.country === ev.list) {
    s += 4;
    rule = "place.list";
  } else if (ev.list === -2 && p.kind === PlaceKind.Country) {
    s += 3;
    rule = "place.list";
  }
  return { place: p, score: s, rule, contained };
}
