/**
 * The queries behind the UI on the database db-import leaves (one million ACLED-shaped events):
 * p50 and p95 latency of each (target: p95 under 50 ms). Builds that database first when missing.
 */
import { existsSync } from "node:fs";
import type { EventFilter } from "../src/query/types.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import type { Store } from "../src/store/store.js";
import { run as runImport } from "./db-import.js";
import { benchDbPath, isMain } from "./lib-db.js";

const COUNTRIES = ["AF", "PK", "IQ", "SY", "YE", "NG", "ML", "BF", "NE", "SO", "ET", "SD", "UA", "MM", "MX", "CO"];
const TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests"];
const ITERATIONS = 60;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
}

async function time(
  name: string,
  make: (i: number) => () => Promise<unknown>,
): Promise<{ name: string; p50: number; p95: number }> {
  const ms: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const q = make(i);
    const t0 = process.hrtime.bigint();
    await q();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const r = { name, p50: Math.round(percentile(ms, 50) * 10) / 10, p95: Math.round(percentile(ms, 95) * 10) / 10 };
  console.log(`  ${name.padEnd(58)} p50 ${String(r.p50).padStart(7)} ms   p95 ${String(r.p95).padStart(7)} ms`);
  return r;
}

const month = (i: number) => `20${18 + (i % 6)}-${String(1 + (i % 12)).padStart(2, "0")}-01`;

export async function queries(store: Store): Promise<{ name: string; p50: number; p95: number }[]> {
  const cc = (i: number) => COUNTRIES[i % COUNTRIES.length] as string;
  const out = [];
  out.push(
    await time("events by country + date range + type, page 1 (with total)", (i) => () => {
      const filter: EventFilter = {
        countryCodes: [cc(i)],
        since: month(i),
        until: `${month(i).slice(0, 4)}-12-31`,
        eventTypes: [TYPES[i % TYPES.length] as string],
      };
      return store.queryEvents({ filter, limit: 50 });
    }),
  );
  out.push(
    await time("events, no filter, newest first, page 1 (with total)", () => () => store.queryEvents({ limit: 50 })),
  );
  out.push(
    await time(
      "counts and fatalities by month, one country",
      (i) => () => store.aggregate({ groupBy: "month", filter: { countryCodes: [cc(i)] } }),
    ),
  );
  out.push(
    await time(
      "counts and fatalities by month, one country, one year",
      (i) => () =>
        store.aggregate({
          groupBy: "month",
          filter: { countryCodes: [cc(i)], since: month(i), until: `${month(i).slice(0, 4)}-12-31` },
        }),
    ),
  );
  out.push(
    await time(
      "fatalities by admin1, one country",
      (i) => () => store.aggregate({ groupBy: "admin1", filter: { countryCodes: [cc(i)] } }),
    ),
  );
  out.push(
    await time(
      "map points in a 2x2 degree box",
      (i) => () =>
        store.mapPoints({
          filter: { bbox: { west: 66 + (i % 6), south: 31 + (i % 5), east: 68 + (i % 6), north: 33 + (i % 5) } },
          limit: 5000,
        }),
    ),
  );
  out.push(
    await time("counts by month, whole database (no filter)", () => () => store.aggregate({ groupBy: "month" })),
  );
  out.push(
    await time(
      "events of an actor in a country since a date, page 1 (with total)",
      (i) => () =>
        store.queryEvents({ filter: { actors: ["Taliban"], countryCodes: [cc(i)], since: month(i) }, limit: 50 }),
    ),
  );
  out.push(
    await time(
      "full-text search in notes, page 1 (with total)",
      (i) => () => store.queryEvents({ filter: { text: `Town ${i % 12} shelling` }, limit: 50 }),
    ),
  );
  return out;
}

export async function run(): Promise<{ name: string; p50: number; p95: number }[]> {
  if (!existsSync(benchDbPath())) await runImport();
  const store = SqliteStore.open(benchDbPath());
  const n = (await store.counts()).events;
  console.log(`db-query: SQLite, ${n} events, ${ITERATIONS} runs each`);
  try {
    return await queries(store);
  } finally {
    await store.close();
  }
}

if (isMain(import.meta.url)) await run();
