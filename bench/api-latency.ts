/**
 * The workbench's data on 200,000 events: p50 / p95 / max latency of the map (clustered for the
 * zoom and view) and the timeline, over HTTP from a listening server, for a spread of filters —
 * none, a country, several countries, a type, a year, an actor, a death toll, words, a province,
 * and combinations. Budget: p95 under 200 ms for every filter. Measured twice: warm (the filter
 * asked before, as when the map pans) and cold (the database changed just before each request, so
 * that the filter's events are asked of the store again). The database is api-data.ts's.
 * Run: node dist/bench/api-latency.js   (SITREP_API_BENCH_EVENTS to change the size; see api-data.ts)
 */
import Database from "better-sqlite3";
import { requestFilter } from "../src/api/resolve-filter.js";
import { buildServer } from "../src/api/server.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { ensureApiBenchDb } from "./api-data.js";

const BUDGET_MS = 200;
const RUNS = 25;
const COLD_RUNS = 20;

const FILTERS: Record<string, string> = {
  "no filter": "",
  "country=Afghanistan": "country=Afghanistan",
  "3 Sahel countries": "country=ML,BF,NE",
  "type=Battles": "type=Battles",
  "one year": "since=2022-01-01&until=2022-12-31",
  "actor=Taliban": "actor=Taliban",
  "minKilled=10": "minKilled=10",
  "text=Shabaab": "text=Shabaab",
  "one province": "admin1=Nigeria%20Province%203",
  "country+type+since": "country=AF&type=Explosions%2FRemote%20violence&since=2021-01-01",
  "sub-type+minKilled": "subType=Suicide%20bomb&minKilled=5",
};

const VIEWS: Record<string, string> = {
  "map world z2": "zoom=2&bounds=-180,-85,180,85",
  "map region z5": "zoom=5&bounds=55,25,80,40",
  "map local z9": "zoom=9&bounds=68.5,34,70,35",
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function time(url: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${Buffer.from(body).toString().slice(0, 200)}`);
  return { ms, bytes: body.byteLength };
}

const dbFile = await ensureApiBenchDb();
const store = SqliteStore.open(dbFile);
// Long reload interval: cold requests measure the store's answer for the filter, not snapshot reloads.
const app = await buildServer(store, { facts: { checkEveryMs: 0, minReloadMs: 3_600_000 } });
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api`;
const counts = await store.counts();
const tLoad = performance.now();
await time(`${base}/map?zoom=2`);
const loadMs = performance.now() - tLoad;

// The in-memory answers must be the store's: every filter's total is checked against the SQL count first.
for (const [name, filter] of Object.entries(FILTERS)) {
  const api = (await (await fetch(`${base}/events?limit=1${filter ? `&${filter}` : ""}`)).json()) as { total: number };
  const single = new Set(["since", "until", "text", "near", "bbox"]);
  const query = Object.fromEntries(
    Array.from(new URLSearchParams(filter).entries(), ([k, v]) => [
      k,
      k === "minKilled" ? Number(v) : single.has(k) ? v : [v],
    ]),
  );
  const sql = await store.queryEvents({ filter: await requestFilter(query), limit: 0 });
  if (api.total !== sql.total)
    throw new Error(`api-latency: ${name}: the API counts ${api.total} events, the store ${sql.total}`);
}

// A second connection writes a decision row: the store's change token moves, as when anyone edits.
const writer = new Database(dbFile);
const touch = writer.prepare(
  "INSERT INTO decisions (kind, event_ids, payload, by, note, at) VALUES ('bench', '[]', '{}', 'bench', NULL, ?)",
);
const bump = async () => {
  touch.run(new Date().toISOString());
};

const endpoints: Record<string, (filter: string) => string> = {
  ...Object.fromEntries(
    Object.entries(VIEWS).map(([name, view]) => [name, (f: string) => `${base}/map?${view}${f ? `&${f}` : ""}`]),
  ),
  timeline: (f) => `${base}/timeline${f ? `?${f}` : ""}`,
  "table page": (f) => `${base}/events?limit=50${f ? `&${f}` : ""}`,
};

console.log(
  `api-latency: ${counts.events.toLocaleString("en")} events; first request (loads the facts snapshot) ${loadMs.toFixed(0)} ms; over HTTP`,
);
let over = 0;
for (const [mode, runs, before] of [
  ["warm", RUNS, async () => {}],
  ["cold", COLD_RUNS, bump],
] as const) {
  console.log(
    `  -- ${mode}: ${runs} requests per filter and endpoint${mode === "warm" ? " after 3 warm-up" : ", each after a write by another connection"}`,
  );
  console.log(
    `  ${"endpoint".padEnd(15)} ${"filter".padEnd(21)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"max ms".padStart(7)} ${"KB".padStart(6)}`,
  );
  const worst: Record<string, number> = {};
  for (const [endpoint, urlOf] of Object.entries(endpoints)) {
    const all: number[] = [];
    for (const [name, filter] of Object.entries(FILTERS)) {
      const url = urlOf(filter);
      if (mode === "warm") for (let i = 0; i < 3; i++) await time(url);
      const ms: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        await before();
        const r = await time(url);
        ms.push(r.ms);
        bytes = r.bytes;
      }
      ms.sort((a, b) => a - b);
      all.push(...ms);
      const p95 = percentile(ms, 95);
      worst[endpoint] = Math.max(worst[endpoint] ?? 0, p95);
      const flag = p95 > BUDGET_MS && endpoint !== "table page" ? "  OVER BUDGET" : "";
      if (flag) over++;
      console.log(
        `  ${endpoint.padEnd(15)} ${name.padEnd(21)} ${percentile(ms, 50).toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(7)} ${(ms.at(-1) as number).toFixed(1).padStart(7)} ${(bytes / 1024).toFixed(1).padStart(6)}${flag}`,
      );
    }
    all.sort((a, b) => a - b);
    console.log(
      `  ${endpoint.padEnd(15)} ${"ALL FILTERS".padEnd(21)} ${percentile(all, 50).toFixed(1).padStart(7)} ${percentile(all, 95).toFixed(1).padStart(7)} ${(all.at(-1) as number).toFixed(1).padStart(7)}`,
    );
  }
  console.log(
    `  ${mode}: worst p95 per endpoint: ${Object.entries(worst)
      .map(([e, v]) => `${e} ${v.toFixed(1)} ms`)
      .join("; ")}`,
  );
}
console.log(
  `  budget ${BUDGET_MS} ms p95 for map and timeline: ${over ? `${over} case(s) over` : "met"}; RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
);
writer.close();
await app.close();
await store.close();
process.exitCode = over ? 1 : 0;
