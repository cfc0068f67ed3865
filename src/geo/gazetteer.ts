import { readFileSync } from "node:fs";
import type { FeatureType } from "../core/annotations.js";
import { SitrepError } from "../core/errors.js";
import {
  BUNDLE_VERSION,
  NameQuality,
  PlaceKind,
  refIndex,
  refKind,
  refQuality,
  type GazetteerBundle,
} from "./bundle.js";
import { GAZETTEER_PATH } from "./paths.js";
import { KeyFilter } from "../text/key-filter.js";

/** One place a name can stand for. */
export interface GeoPlace {
  readonly kind: PlaceKind;
  /** Index within its kind (countries, admin1, admin2, cities, regions). */
  readonly index: number;
  /** How the matched name relates to the place: its own name, an alternate, a bare or abbreviated form. */
  readonly quality: NameQuality;
  readonly name: string;
  readonly featureType: FeatureType;
  /** GeoNames feature code for cities (PPL, PPLA, PPLC...), the kind otherwise. */
  readonly featureCode: string;
  readonly country: number;
  readonly admin1: number;
  /** Admin2 index: the district itself, or the one a town lies in; -1 when unknown. */
  readonly admin2: number;
  /** A site that also names the institution it houses ("the White House said"). */
  readonly institution: boolean;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
  readonly geonameId: number | null;
}

export interface CountryInfo {
  readonly code: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly area: number;
}

export interface Admin1Info {
  readonly code: string;
  readonly country: number;
  readonly name: string;
  /** The seat (PPLA) of the province: where ACLED puts an event known only to the province. */
  readonly seatLat: number;
  readonly seatLon: number;
  /** The middle of the province's populated places: what a geoparser reports for the province itself. */
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
}

type CommonKind = "word" | "function" | "given-name" | "surname";

/** Bits of Gazetteer.probe. */
export const PROBE_NAME = 2;
export const PROBE_LONGER = 1;

/** The offline gazetteer, loaded once from data/build/gazetteer.json. */
export class Gazetteer {
  /**
   * Name key → where its refs start in the bundle's name block, times two, plus one when a longer
   * name starts with the key. One small-integer map keeps loading under half a second.
   */
  private readonly names = new Map<string, number>();
  /**
   * The name keys again, as a bit filter: most words a scan tries are no name, and a bit test
   * in 512 KB costs less than a lookup among 337k keys (22 bits: about one bit in twelve set).
   */
  private readonly nameFilter = new KeyFilter([], 22);
  private readonly parsed = new Map<string, readonly GeoPlace[]>();
  readonly countries: readonly CountryInfo[];
  readonly admin1: readonly Admin1Info[];
  private readonly countryByCode = new Map<string, number>();
  private readonly commonWords: Readonly<Record<string, CommonKind>>;
  private readonly demonyms = new Map<string, number>();
  /** First words of two-word demonyms ("south" of "South African"). */
  private readonly demonymStarts = new Set<string>();
  /** The first words of all demonyms, one word or two, as a bit filter (text/key-filter.ts). */
  private readonly demonymFirstWords = new KeyFilter();
  private readonly suffixes: Readonly<Record<string, "admin1" | "admin2" | "city">>;
  private readonly titles: ReadonlySet<string>;
  /** Longest name, in parts. */
  readonly maxParts: number;
  private readonly orgAfter: ReadonlyMap<string, "any" | "weak" | "of" | "word">;
  private readonly orgBefore: ReadonlyMap<string, "any" | "weak">;
  private readonly orgBeforeEnds = new Set<string>();
  private readonly features = new Map<string, "natural-after" | "natural-before" | "street-after" | "site-after">();
  private readonly naturalBefore = new Set<string>();

  constructor(private readonly bundle: GazetteerBundle) {
    if (bundle.version !== BUNDLE_VERSION) {
      throw new SitrepError(
        "E_DATA_INVALID",
        `gazetteer version ${bundle.version}, expected ${BUNDLE_VERSION}; rebuild it`,
      );
    }
    const s = bundle.names;
    let maxParts = 1;
    for (let at = 0; at < s.length;) {
      let nl = s.indexOf("\n", at);
      if (nl < 0) nl = s.length;
      const tab = s.indexOf("\t", at);
      const key = s.slice(at, tab);
      const prefix = s.charCodeAt(tab + 1) === 43;
      const refs = prefix ? tab + 3 : tab + 2;
      this.names.set(key, (refs < nl ? refs : 0) * 2 + (prefix ? 1 : 0));
      this.nameFilter.add(key);
      if (prefix) {
        let parts = 2;
        for (let k = key.indexOf(" "); k > 0; k = key.indexOf(" ", k + 1)) parts++;
        if (parts > maxParts) maxParts = parts;
      }
      at = nl + 1;
    }
    this.maxParts = maxParts;
    this.countries = bundle.countries.map(([code, name, lat, lon, area]) => ({ code, name, lat, lon, area }));
    this.countries.forEach((c, i) => this.countryByCode.set(c.code, i));
    this.admin1 = bundle.admin1.map(([code, country, name, seatLat, seatLon, lat, lon, population]) => ({
      code,
      country,
      name,
      seatLat,
      seatLon,
      lat,
      lon,
      population,
    }));
    this.commonWords = bundle.commonWords;
    for (const [k, v] of Object.entries(bundle.demonyms)) {
      this.demonyms.set(k, v);
      const sp = k.indexOf(" ");
      this.demonymFirstWords.add(sp > 0 ? k.slice(0, sp) : k);
      if (sp > 0) this.demonymStarts.add(k.slice(0, sp));
    }
    this.suffixes = bundle.suffixes;
    this.titles = new Set(bundle.titles);
    this.orgAfter = new Map(Object.entries(bundle.organisationAfter));
    this.orgBefore = new Map(Object.entries(bundle.organisationBefore));
    for (const k of this.orgBefore.keys()) {
      const sp = k.lastIndexOf(" ");
      if (sp > 0) this.orgBeforeEnds.add(k.slice(sp + 1));
    }
    for (const [k, v] of Object.entries(bundle.featureWords)) {
      if (v === "natural-before") this.naturalBefore.add(k.slice(1));
      else this.features.set(k, v);
    }
  }

  get attribution(): string {
    return this.bundle.attribution;
  }

  /**
   * What the gazetteer knows of a key in one lookup (a scan reads both answers of every word it
   * tries): NAME when it is a name, LONGER when some longer name starts with it, 0 for neither.
   */
  probe(key: string): number {
    if (!this.nameFilter.mayHold(key)) return 0;
    const v = this.names.get(key) ?? 0;
    return (v >= 2 ? PROBE_NAME : 0) | (v & 1 ? PROBE_LONGER : 0);
  }

  /** True when some longer name starts with this key: keep reading words. */
  continues(key: string): boolean {
    return ((this.names.get(key) ?? 0) & 1) === 1;
  }

  /** True when the key is a name of some place. */
  has(key: string): boolean {
    return (this.names.get(key) ?? 0) >= 2;
  }

  /** Every place the name (a key from keys.ts) can stand for, each once with its best name quality. */
  lookup(key: string): readonly GeoPlace[] {
    const done = this.parsed.get(key);
    if (done) return done;
    const v = this.names.get(key) ?? 0;
    if (v < 2) return [];
    const s = this.bundle.names;
    const from = v >>> 1;
    let to = s.indexOf("\n", from);
    if (to < 0) to = s.length;
    const best = new Map<number, number>();
    for (const r of s.slice(from, to).split(",")) {
      const ref = Number(r);
      const id = ref >>> 2;
      const prev = best.get(id);
      if (prev === undefined || refQuality(ref) < refQuality(prev)) best.set(id, ref);
    }
    const places = [...best.values()].map((ref) => this.place(refKind(ref), refIndex(ref), refQuality(ref)));
    this.parsed.set(key, places);
    return places;
  }

  countryIndex(code: string): number | undefined {
    return this.countryByCode.get(code);
  }

  /** "word", "function", "given-name" or "surname" for a one-word name that is also something else. */
  commonWord(key: string): CommonKind | undefined {
    return this.commonWords[key];
  }

  /** The country a demonym names ("afghan" → Afghanistan), or undefined. */
  demonym(key: string): number | undefined {
    return this.demonyms.get(key);
  }

  /** False when no demonym starts with a word of this hash (keyHash): the test before the lookups. */
  mayStartDemonym(hash: number): boolean {
    return this.demonymFirstWords.mayHoldHash(hash);
  }

  /** True when a two-word demonym starts with this word. */
  startsDemonym(key: string): boolean {
    return this.demonymStarts.has(key);
  }

  suffix(key: string): "admin1" | "admin2" | "city" | undefined {
    return this.suffixes[key];
  }

  isTitle(key: string): boolean {
    return this.titles.has(key);
  }

  /** How an organisation word after a name binds it ("university" any place, "hospital" small ones). */
  organisationAfter(key: string): "any" | "weak" | "of" | "word" | undefined {
    return this.orgAfter.get(key);
  }

  /** How an organisation word before a name binds it ("agence", "voice of"). */
  organisationBefore(key: string): "any" | "weak" | undefined {
    return this.orgBefore.get(key);
  }

  /** True when a two-word organisation cue before a name ends with this word ("of" of "voice of"). */
  endsOrganisationBefore(key: string): boolean {
    return this.orgBeforeEnds.has(key);
  }

  /** A natural feature, street or site word after a name ("Danube Delta", "Hertford Road", "Karak Castle"). */
  featureAfter(key: string): "natural" | "street" | "site" | undefined {
    const v = this.features.get(key);
    return v === "natural-after"
      ? "natural"
      : v === "street-after"
        ? "street"
        : v === "site-after"
          ? "site"
          : undefined;
  }

  /** The country of a North American area code ("519" → Canada), or undefined. */
  areaCode(code: string): number | undefined {
    return this.bundle.areaCodes[code];
  }

  /** A natural feature word before a name ("Lake Erie", "Mount Kenya"). */
  featureBefore(key: string): boolean {
    return this.naturalBefore.has(key);
  }

  /** The country itself, as a place. */
  countryPlace(index: number): GeoPlace {
    return this.place(PlaceKind.Country, index, NameQuality.Main);
  }

  /** The province itself, as a place. */
  admin1Place(index: number): GeoPlace {
    return this.place(PlaceKind.Admin1, index, NameQuality.Main);
  }

  private place(kind: PlaceKind, index: number, quality: NameQuality): GeoPlace {
    const b = this.bundle;
    switch (kind) {
      case PlaceKind.Country: {
        const c = this.countries[index]!;
        return {
          kind,
          index,
          quality,
          name: c.name,
          featureType: "country",
          featureCode: "PCLI",
          country: index,
          admin1: -1,
          admin2: -1,
          institution: false,
          lat: c.lat,
          lon: c.lon,
          population: c.area * 50,
          geonameId: null,
        };
      }
      case PlaceKind.Admin1: {
        const a = this.admin1[index]!;
        return {
          kind,
          index,
          quality,
          name: a.name,
          featureType: "admin1",
          featureCode: "ADM1",
          country: a.country,
          admin1: index,
          admin2: -1,
          institution: false,
          lat: a.lat,
          lon: a.lon,
          population: a.population,
          geonameId: null,
        };
      }
      case PlaceKind.Admin2: {
        const [, a1, name, lat, lon, population] = b.admin2[index]!;
        return {
          kind,
          index,
          quality,
          name,
          featureType: "admin2",
          featureCode: "ADM2",
          country: this.admin1[a1]!.country,
          admin1: a1,
          admin2: index,
          institution: false,
          lat,
          lon,
          population,
          geonameId: null,
        };
      }
      case PlaceKind.City: {
        const c = b.cities;
        return {
          kind,
          index,
          quality,
          name: c.name[index]!,
          featureType: "city",
          featureCode: b.featureCodes[c.code[index]!] ?? "PPL",
          country: c.country[index]!,
          admin1: c.admin1[index]!,
          admin2: c.admin2[index]!,
          institution: false,
          lat: c.lat[index]! / 1e4,
          lon: c.lon[index]! / 1e4,
          population: c.population[index]!,
          geonameId: c.id[index]!,
        };
      }
      default: {
        const [name, type, lat, lon, country, admin1Name, institution] = b.regions[index]!;
        const admin1 = admin1Name ? this.admin1.findIndex((a) => a.country === country && a.name === admin1Name) : -1;
        return {
          kind,
          index,
          quality,
          name,
          featureType: type as FeatureType,
          featureCode: type.toUpperCase(),
          country,
          admin1,
          admin2: -1,
          institution: institution === 1,
          lat,
          lon,
          population: 0,
          geonameId: null,
        };
      }
    }
  }
}

let loaded: Gazetteer | null = null;

/** The gazetteer, loaded on first use (about 0.3 s) and kept. */
export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  let text: string;
  try {
    text = readFileSync(GAZETTEER_PATH, "utf8");
  } catch (e) {
    throw new SitrepError(
      "E_DATA_MISSING",
      `${GAZETTEER_PATH}: run \`node dist/scripts/build-data.js\``,
      {},
      { cause: e },
    );
  }
  let bundle: GazetteerBundle;
  try {
    bundle = JSON.parse(text) as GazetteerBundle;
  } catch (e) {
    throw new SitrepError("E_DATA_INVALID", `${GAZETTEER_PATH}: ${(e as Error).message}`, {}, { cause: e });
  }
  loaded = new Gazetteer(bundle);
  return loaded;
}
