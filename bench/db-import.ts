/**
 * Importing ACLED-shaped rows into SQLite: rows per second and the wall time for the whole file
 * (target: one million rows in under 60 s). The database it leaves is the one db-query measures.
 */
import { rmSync, statSync } from "node:fs";
import { importFile } from "../src/import/import.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { BENCH_ROWS, benchDbPath, ensureCsv, isMain } from "./lib-db.js";
import { peakRssMb } from "./shared-data.js";

export async function run(): Promise<{
  rows: number;
  seconds: number;
  cpuSeconds: number;
  rowsPerSecond: number;
  problems: number;
}> {
  const csv = await ensureCsv();
  const db = benchDbPath();
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const store = SqliteStore.open(db);
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const s = await importFile(store, csv);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  store.exec("ANALYZE");
  await store.close();
  const result = {
    rows: s.rows,
    seconds: Math.round(seconds * 10) / 10,
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
    rowsPerSecond: Math.round(s.rows / seconds),
    problems: s.problems.length,
  };
  // CPU time beside wall time: on a shared machine the wall time also counts other processes' turns.
  console.log(
    `db-import: ${BENCH_ROWS} ACLED rows into SQLite in ${result.seconds} s wall, ${result.cpuSeconds} s CPU (${result.rowsPerSecond} rows/s), ` +
      `${result.problems} rejected; database ${Math.round(statSync(db).size / 1e6)} MB; peak RSS ${Math.round(peakRssMb())} MB`,
  );
  return result;
}

if (isMain(import.meta.url)) await run();
