/**
 * `npm run bench`: runs every benchmark in its own process (so that peak RSS is its own), pinned to
 * one core when taskset is available, and prints their figures. Needs ../shared/data/dev (or
 * SITREP_SHARED_DIR). Pass names to run only some: npm run bench -- extract geo-load
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith(".js") && f !== "run.js" && f !== "shared-data.js" && !f.startsWith("lib-"))
  .map((f) => basename(f, ".js"))
  .sort((a, b) => (a === "extract" ? -1 : b === "extract" ? 1 : a.localeCompare(b)))
  .filter((name) => only.length === 0 || only.includes(name));

const taskset = ["/usr/bin/taskset", "/bin/taskset"].find((p) => existsSync(p));
let failed = 0;
for (const name of benches) {
  console.log(`\n== ${name}`);
  const file = join(here, `${name}.js`);
  const cmd = taskset ? [taskset, "-c", "0", process.execPath, file] : [process.execPath, file];
  const r = spawnSync(cmd[0] as string, cmd.slice(1), { stdio: "inherit" });
  if (r.status !== 0) {
    failed++;
    console.log(`   (${name} failed with status ${r.status})`);
  }
}
process.exitCode = failed ? 1 : 0;
