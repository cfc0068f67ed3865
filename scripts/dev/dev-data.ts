import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectPath } from "../../src/util/paths.js";

/**
 * The development data that tests, benchmarks and training read lives outside the project, in
 * ../shared/data/dev beside the checkout (or under SITREP_SHARED_DIR): it is evaluation data, not
 * part of sitrep, and no path to it is written down anywhere else.
 */
export function devDataDir(): string {
  return join(process.env.SITREP_SHARED_DIR ?? projectPath("..", "shared"), "data", "dev");
}

/** A file of the development data; a clear error when it is missing. */
export function devDataPath(name: string): string {
  const path = join(devDataDir(), name);
  if (!existsSync(path)) {
    throw new Error(`development data not found: ${path} (set SITREP_SHARED_DIR to the folder that holds data/dev)`);
  }
  return path;
}
