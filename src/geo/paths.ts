import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project directory: the nearest ancestor of this module that holds data/geo. The same code
 * runs from src/ (tests) and from dist/src/ (the built CLI), one or two levels further down.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "data", "geo"))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export const PROJECT_ROOT = findRoot();
/** The hand-made lists, reviewed in git. */
export const GEO_DATA_DIR = join(PROJECT_ROOT, "data", "geo");
/** The built gazetteer (git-ignored; made by `npm install` or `node dist/scripts/build-data.js`). */
export const GAZETTEER_PATH = process.env.SITREP_GAZETTEER ?? join(PROJECT_ROOT, "data", "build", "gazetteer.json");
