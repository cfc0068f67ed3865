import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | null = null;

/**
 * The directory that holds sitrep's package.json, found by walking up from this module, so that
 * data files resolve the same from src/ (tests) and from dist/src/ (the built CLI).
 */
export function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("sitrep's package.json not found above " + fileURLToPath(import.meta.url));
    dir = up;
  }
  root = dir;
  return root;
}

/** A path inside the project: projectPath("data", "taxonomy.json"). */
export const projectPath = (...parts: string[]): string => join(projectRoot(), ...parts);
