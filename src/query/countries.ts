import { createRequire } from "node:module";

/**
 * Country names and ISO codes (world-countries): a user may say "Afghanistan", "AF", "AFG" or 4
 * (ACLED's numeric `iso` column); the store keeps ISO 3166-1 alpha-2.
 */
interface CountryData {
  readonly name: { readonly common: string; readonly official: string };
  readonly cca2: string;
  readonly cca3: string;
  readonly ccn3: string;
  readonly altSpellings: readonly string[];
}

export interface Country {
  readonly code: string;
  readonly name: string;
  /** ISO 3166-1 numeric (ACLED's `iso` column). */
  readonly numeric: number;
}

const require = createRequire(import.meta.url);
let index: Map<string, Country> | null = null;
/** Values as given, looked up before: imports ask for the same few countries millions of times. */
const seen = new Map<string, Country | null>();

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** Names datasets use that world-countries spells otherwise. */
const EXTRA_NAMES: Record<string, string> = {
  "democratic republic of congo": "CD",
  "democratic republic of the congo": "CD",
  "republic of congo": "CG",
  "congo brazzaville": "CG",
  "ivory coast": "CI",
  "east timor": "TL",
  "myanmar burma": "MM",
  burma: "MM",
  "palestinian territories": "PS",
  "west bank and gaza strip": "PS",
  "russian federation": "RU",
  "west germany frg": "DE",
  "united states": "US",
  "united kingdom": "GB",
  "great britain": "GB",
  "south korea": "KR",
  "north korea": "KP",
  kosovo: "XK",
  eswatini: "SZ",
  swaziland: "SZ",
  "czech republic": "CZ",
  "bosnia herzegovina": "BA",
  "cabo verde": "CV",
  "yemen north yemen": "YE",
};

function build(): Map<string, Country> {
  const data = require("world-countries") as CountryData[];
  const map = new Map<string, Country>();
  for (const c of data) {
    const country = { code: c.cca2, name: c.name.common, numeric: Number(c.ccn3) };
    for (const key of [c.cca2, c.cca3, c.name.common, c.name.official, ...c.altSpellings]) map.set(fold(key), country);
    map.set(String(Number(c.ccn3)), country);
  }
  for (const [name, code] of Object.entries(EXTRA_NAMES)) {
    const c = map.get(fold(code));
    if (c) map.set(name, c);
  }
  return map;
}

/** The country a name, alpha-2, alpha-3 or numeric code stands for, or null. */
export function lookupCountry(value: string | number | null | undefined): Country | null {
  if (value === null || value === undefined || value === "") return null;
  index ??= build();
  const raw = String(value);
  const cached = seen.get(raw);
  if (cached !== undefined) return cached;
  const found = index.get(fold(raw.trim())) ?? null;
  if (seen.size < 10_000) seen.set(raw, found);
  return found;
}
