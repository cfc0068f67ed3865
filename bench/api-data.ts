/**
 * The database the API benchmarks run on: 200,000 ACLED-shaped events (bench/lib-db.ts's
 * deterministic generator: 30 countries, 14 sub-event types, 12 actors, seven years), imported
 * through `importFile` as a user would, then ANALYZEd. Kept in the temp folder between runs and
 * made again when the schema changes. Run alone it times the generation:
 *   node dist/bench/api-data.js   (SITREP_API_BENCH_EVENTS to change the size)
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { importFile } from "../src/import/import.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { isMain, writeAcledCsv } from "./lib-db.js";

export const API_BENCH_EVENTS = Number(process.env.SITREP_API_BENCH_EVENTS ?? 200_000);

/** Whether a cached database opens with this version's schema (a schema change makes it stale). */
async function usable(db: string): Promise<boolean> {
  if (!existsSync(db)) return false;
  try {
    await SqliteStore.open(db).close();
    return true;
  } catch {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db}${suffix}`, { force: true });
    return false;
  }
}

export async function ensureApiBenchDb(): Promise<string> {
  const db = join(tmpdir(), `sitrep-bench-api-${API_BENCH_EVENTS}.db`);
  if (await usable(db)) return db;
  const csv = join(tmpdir(), `sitrep-bench-api-${API_BENCH_EVENTS}.csv`);
  const t0 = performance.now();
  await writeAcledCsv(csv, API_BENCH_EVENTS);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db}.part${suffix}`, { force: true });
  const store = SqliteStore.open(`${db}.part`);
  const summary = await importFile(store, csv, { resolve: false });
  await store.close();
  // Statistics for the planner, as a maintained database would have.
  const raw = new Database(`${db}.part`);
  raw.exec("ANALYZE");
  raw.pragma("wal_checkpoint(TRUNCATE)");
  raw.close();
  for (const suffix of ["-wal", "-shm"]) rmSync(`${db}.part${suffix}`, { force: true });
  renameSync(`${db}.part`, db);
  rmSync(csv, { force: true });
  console.log(`  generated ${summary.rows} events in ${((performance.now() - t0) / 1000).toFixed(1)} s (${db})`);
  return db;
}

if (isMain(import.meta.url)) {
  const t0 = performance.now();
  const db = await ensureApiBenchDb();
  console.log(
    `api-data: ${API_BENCH_EVENTS.toLocaleString("en")} events ready in ${((performance.now() - t0) / 1000).toFixed(1)} s at ${db}`,
  );
}
