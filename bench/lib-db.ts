/**
 * Shared by the database benchmarks: a generator of ACLED-shaped rows (deterministic, so runs
 * compare) and the one-million-row SQLite database the query benchmark measures.
 */
import { createWriteStream, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ACLED_COLUMNS } from "../src/import/acled.js";
import { csvLine } from "../src/export/csv-cell.js";
import { mulberry32 } from "../src/util/random.js";

const SUB_TYPES: readonly [string, string][] = [
  ["Battles", "Armed clash"],
  ["Battles", "Government regains territory"],
  ["Explosions/Remote violence", "Shelling/artillery/missile attack"],
  ["Explosions/Remote violence", "Air/drone strike"],
  ["Explosions/Remote violence", "Remote explosive/landmine/IED"],
  ["Explosions/Remote violence", "Suicide bomb"],
  ["Violence against civilians", "Attack"],
  ["Violence against civilians", "Abduction/forced disappearance"],
  ["Protests", "Peaceful protest"],
  ["Protests", "Protest with intervention"],
  ["Riots", "Violent demonstration"],
  ["Riots", "Mob violence"],
  ["Strategic developments", "Arrests"],
  ["Strategic developments", "Looting/property destruction"],
];
const COUNTRIES: readonly [string, number, number][] = [
  ["Afghanistan", 34.5, 69.2],
  ["Pakistan", 33.7, 73.0],
  ["Iraq", 33.3, 44.4],
  ["Syria", 33.5, 36.3],
  ["Yemen", 15.4, 44.2],
  ["Nigeria", 9.1, 7.4],
  ["Mali", 12.6, -8.0],
  ["Burkina Faso", 12.4, -1.5],
  ["Niger", 13.5, 2.1],
  ["Somalia", 2.0, 45.3],
  ["Ethiopia", 9.0, 38.7],
  ["Sudan", 15.5, 32.5],
  ["South Sudan", 4.9, 31.6],
  ["Democratic Republic of Congo", -4.3, 15.3],
  ["Cameroon", 3.9, 11.5],
  ["Mozambique", -25.9, 32.6],
  ["Libya", 32.9, 13.2],
  ["Egypt", 30.0, 31.2],
  ["Ukraine", 50.4, 30.5],
  ["Myanmar", 19.7, 96.1],
  ["Philippines", 14.6, 121.0],
  ["India", 28.6, 77.2],
  ["Bangladesh", 23.8, 90.4],
  ["Mexico", 19.4, -99.1],
  ["Colombia", 4.7, -74.1],
  ["Brazil", -15.8, -47.9],
  ["Venezuela", 10.5, -66.9],
  ["Haiti", 18.5, -72.3],
  ["Kenya", -1.3, 36.8],
  ["Uganda", 0.3, 32.6],
];
const ACTORS = [
  "Islamic State Khorasan Province",
  "Taliban",
  "Al Shabaab",
  "JNIM",
  "Boko Haram",
  "Military Forces",
  "Police Forces",
  "Unidentified Armed Group",
  "Rioters",
  "Protesters",
  "Fulani Ethnic Militia",
  "Houthis",
];

const DAY = 86_400_000;
const START = Date.UTC(2018, 0, 1);

export function* acledRows(n: number, seed = 1): Generator<string> {
  const r = mulberry32(seed);
  yield csvLine(ACLED_COLUMNS);
  for (let i = 0; i < n; i++) {
    const [country, clat, clon] = COUNTRIES[Math.floor(r() * COUNTRIES.length)] as [string, number, number];
    const [type, sub] = SUB_TYPES[Math.floor(r() * SUB_TYPES.length)] as [string, string];
    const date = new Date(START + Math.floor(r() * 2555) * DAY).toISOString().slice(0, 10);
    const admin = Math.floor(r() * 12);
    const lat = Math.round((clat + (r() - 0.5) * 6) * 1e4) / 1e4;
    const lon = Math.round((clon + (r() - 0.5) * 6) * 1e4) / 1e4;
    const fatalities = r() < 0.6 ? 0 : Math.floor(r() ** 3 * 60);
    const actor1 = ACTORS[Math.floor(r() * ACTORS.length)] as string;
    const civilians = r() < 0.4;
    const values: Record<string, string | number> = {
      event_id_cnty: `BEN${i}`,
      event_date: date,
      year: Number(date.slice(0, 4)),
      time_precision: r() < 0.9 ? 1 : 2,
      disorder_type: "Political violence",
      event_type: type,
      sub_event_type: sub,
      actor1,
      inter1: "2",
      actor2: civilians ? `Civilians (${country})` : (ACTORS[Math.floor(r() * ACTORS.length)] as string),
      inter2: civilians ? "7" : "1",
      civilian_targeting: civilians ? "Civilian targeting" : "",
      country,
      admin1: `${country} Province ${admin}`,
      admin2: `District ${admin}-${Math.floor(r() * 8)}`,
      location: `Town ${admin}-${Math.floor(r() * 40)}`,
      latitude: lat,
      longitude: lon,
      geo_precision: 1 + Math.floor(r() * 3),
      source: "Local outlet; National outlet",
      notes: `On ${date}, ${actor1} ${sub.toLowerCase()} near Town ${admin}; ${fatalities} reported fatalities according to local sources and officials.`,
      fatalities,
      timestamp: 1700000000,
    };
    yield csvLine(ACLED_COLUMNS.map((c) => values[c] ?? ""));
  }
}

/** Writes n generated rows to a CSV file (streamed, with back-pressure). */
export async function writeAcledCsv(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  let buf = "";
  for (const line of acledRows(n)) {
    buf += line;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once("drain", () => r()));
      buf = "";
    }
  }
  out.write(buf);
  await new Promise<void>((r) => out.end(() => r()));
}

export const BENCH_ROWS = Number(process.env.SITREP_BENCH_ROWS ?? 1_000_000);
export const benchCsvPath = () => join(tmpdir(), `sitrep-bench-acled-${BENCH_ROWS}.csv`);
export const benchDbPath = () => join(tmpdir(), `sitrep-bench-${BENCH_ROWS}.db`);

export async function ensureCsv(): Promise<string> {
  const path = benchCsvPath();
  if (!existsSync(path)) await writeAcledCsv(path, BENCH_ROWS);
  return path;
}

export const isMain = (url: string) =>
  process.argv[1] !== undefined && url.endsWith(process.argv[1].replace(/^.*\//, "/"));
