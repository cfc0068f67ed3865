/**
 * The shape of the built gazetteer (data/build/gazetteer.json), shared by the script that writes
 * it (scripts/build-gazetteer.ts) and the loader that reads it (gazetteer.ts). Columns are parallel
 * arrays so that 200,000 places parse as a few large arrays rather than as many small objects.
 */

export const BUNDLE_VERSION = 5;

/** What a name of the index points at. */
export const PlaceKind = { Country: 0, Admin1: 1, Admin2: 2, City: 3, Region: 4 } as const;
export type PlaceKind = (typeof PlaceKind)[keyof typeof PlaceKind];

/** How the name was given: the place's own name, an alternate spelling, a suffix-less form, an abbreviation. */
export const NameQuality = { Main: 0, Alternate: 1, Bare: 2, Abbreviation: 3 } as const;
export type NameQuality = (typeof NameQuality)[keyof typeof NameQuality];

/** A name index entry packs the place index, its kind and the quality of the name into one integer. */
export const packRef = (index: number, kind: PlaceKind, quality: NameQuality): number =>
  (index << 5) | (kind << 2) | quality;
export const refIndex = (ref: number): number => ref >>> 5;
export const refKind = (ref: number): PlaceKind => ((ref >>> 2) & 7) as PlaceKind;
export const refQuality = (ref: number): NameQuality => (ref & 3) as NameQuality;

export interface GazetteerBundle {
  readonly version: number;
  readonly attribution: string;
  /** [iso2, name, lat, lon, area km²]. */
  readonly countries: readonly (readonly [string, string, number, number, number])[];
  /** [code "CC.XX", country index, name, seat lat, seat lon, centre lat, centre lon, population of its places]. */
  readonly admin1: readonly (readonly [string, number, string, number, number, number, number, number])[];
  /** [code "CC.XX.YY", admin1 index, name, lat, lon, population of its places]. */
  readonly admin2: readonly (readonly [string, number, string, number, number, number])[];
  readonly cities: {
    readonly id: readonly number[];
    readonly name: readonly string[];
    /** Coordinates times 1e4, rounded (11 m). */
    readonly lat: readonly number[];
    readonly lon: readonly number[];
    readonly country: readonly number[];
    /** Admin1 index, -1 when unknown. */
    readonly admin1: readonly number[];
    /** Admin2 index, -1 when unknown. */
    readonly admin2: readonly number[];
    readonly population: readonly number[];
    /** Index into `featureCodes`. */
    readonly code: readonly number[];
  };
  readonly featureCodes: readonly string[];
  /**
   * [name, featureType, lat, lon, country index or -1, admin1 name or "", 1 when the site also names
   * the institution it houses ("the White House said") and 0 otherwise].
   */
  readonly regions: readonly (readonly [string, string, number, number, number, string, number])[];
  /** One line a name key: "key\t+\tref,ref,..." ("+" when a longer name starts with the key; no refs for a bare prefix). */
  readonly names: string;
  /** Single-word names that are also English words: key → "word" (noun, verb...) or "function" (the, of...). */
  readonly commonWords: Readonly<Record<string, "word" | "function" | "given-name" | "surname">>;
  /** Demonym key → country index. */
  readonly demonyms: Readonly<Record<string, number>>;
  /** Suffix key → level it implies. */
  readonly suffixes: Readonly<Record<string, "admin1" | "admin2" | "city">>;
  /** Keys of titles that come before a person's name. */
  readonly titles: readonly string[];
  /**
   * Words after a name that make it part of an organisation's name ("Ohio State University"):
   * "any" whatever the place, "weak" only for small places, "word" whatever the place and in lower
   * case too ("Marburg virus"); "of": followed by "of" or "for", a government body of the place
   * ("Kentucky Department of Fish"), which ends the name but leaves it a place.
   */
  readonly organisationAfter: Readonly<Record<string, "any" | "weak" | "of" | "word">>;
  /** Words before a name that make it part of an organisation's name ("Agence France-Presse", "voice of"). */
  readonly organisationBefore: Readonly<Record<string, "any" | "weak">>;
  /**
   * Words that make a name part of another feature: "key" after the name ("Danube Delta", "Hertford
   * Road", "Karak Castle"), "<key" before it ("Lake Erie"); natural features, streets and sites apart.
   */
  readonly featureWords: Readonly<Record<string, "natural-after" | "natural-before" | "street-after" | "site-after">>;
  /** North American (+1) area code → country index ("519" → Canada). */
  readonly areaCodes: Readonly<Record<string, number>>;
}
