import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SitrepError } from "../core/errors.js";

let root: string | null = null;

/**
 * The package root (the folder holding data/), found by walking up from this module: the same
 * code runs from src/ under vitest and from dist/src/ when built.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "data"))) {
      root = dir;
      return dir;
    }
    dir = dirname(dir);
  }
  throw new SitrepError("E_DATA_MISSING", "cannot find the data/ folder above the sitrep modules");
}

/** Reads a file under data/ (path relative to data/), with a coded error when it is missing. */
export function readDataFile(relative: string): string {
  const path = join(packageRoot(), "data", relative);
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new SitrepError("E_DATA_MISSING", `data/${relative}`, { file: path }, { cause: e });
  }
}

/**
 * Rows of a TSV file with a header line, as objects keyed by the header's column names. Lines
 * starting with # and blank lines are skipped; a row with too few columns is a coded error.
 */
export function readTsv(relative: string): Record<string, string>[] {
  const lines = readDataFile(relative).split(/\r?\n/);
  const header = (lines[0] ?? "").split("\t").map((h) => h.trim());
  const rows: Record<string, string>[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.trim() || line.startsWith("#")) continue;
    const cells = line.split("\t");
    if (cells.length < header.length - 1) {
      throw new SitrepError("E_DATA_INVALID", `expected ${header.length} columns, found ${cells.length}`, {
        file: `data/${relative}`,
        line: i + 1,
      });
    }
    const row: Record<string, string> = {};
    header.forEach((h, j) => (row[h] = (cells[j] ?? "").trim()));
    rows.push(row);
  }
  return rows;
}
