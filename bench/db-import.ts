/**
 * Importing ACLED-shaped rows into SQLite: rows per second and the wall time for the whole file
 * (target: one million rows in under 60 s). The database it leaves is the one db-query measures.
 */
import { rmSync } from "node:fs";
import { importFile } from "../src/import/import.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { BENCH_ROWS, benchDbPath, ensureCsv, isMain } from "./lib-db.js";

export async function run(): Promise<{ rows: number; seconds: number; rowsPerSecond: number; problems: number }> {
  const csv = await ensureCsv();
  const db = benchDbPath();
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const store = SqliteStore.open(db);
  const t0 = process.hrtime.bigint();
  const s = await importFile(store, csv);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  store.exec("ANALYZE");
  await store.close();
  const result = { rows: s.rows, seconds: Math.round(seconds * 10) / 10, rowsPerSecond: Math.round(s.rows / seconds), problems: s.problems.length };
  console.log(`db-import: ${BENCH_ROWS} ACLED rows into SQLite in ${result.seconds} s (${result.rowsPerSecond} rows/s), ${result.problems} rejected; peak RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
  return result;
}

if (isMain(import.meta.url)) await run();
