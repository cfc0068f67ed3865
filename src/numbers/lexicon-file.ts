import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SitrepError } from "../core/errors.js";

let root: string | null = null;

/**
 * The data/lexicons folder of the installation. Looked up by walking up from this module, so that
 * the same code finds it when run from src/ (tests) and from dist/src/ (the built CLI).
 */
export function lexiconDir(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "data", "lexicons");
    if (existsSync(candidate)) return (root = candidate);
    dir = dirname(dir);
  }
  throw new SitrepError("E_DATA_MISSING", "data/lexicons not found above " + dirname(fileURLToPath(import.meta.url)));
}

function read(file: string): string {
  const path = join(lexiconDir(), file);
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new SitrepError("E_DATA_MISSING", path, { file: path }, { cause: e });
  }
}

/** A JSON lexicon file under data/lexicons. */
export function readJsonLexicon<T>(file: string): T {
  try {
    return JSON.parse(read(file)) as T;
  } catch (e) {
    if (e instanceof SitrepError) throw e;
    throw new SitrepError("E_DATA_INVALID", `${file}: ${(e as Error).message}`, { file }, { cause: e });
  }
}

/**
 * The rows of a TSV lexicon under data/lexicons as objects keyed by the header line's names.
 * Blank lines and lines starting with "#" are skipped; a row whose first column is empty is an error.
 */
export function readTsvLexicon(file: string): Record<string, string>[] {
  const lines = read(file).split(/\r?\n/);
  const header = (lines[0] ?? "").split("\t").map((h) => h.trim());
  const rows: Record<string, string>[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n] as string;
    if (line.trim() === "" || line.startsWith("#")) continue;
    const cells = line.split("\t");
    const row: Record<string, string> = {};
    header.forEach((h, k) => (row[h] = (cells[k] ?? "").trim()));
    if (!row[header[0] as string])
      throw new SitrepError("E_DATA_INVALID", `${file}: empty first column`, { file, line: n + 1 });
    rows.push(row);
  }
  return rows;
}
