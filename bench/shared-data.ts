import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArticleInput } from "../src/core/article.js";
import { projectPath } from "../src/util/paths.js";

/**
 * The development data the benchmarks run on lives outside the project (../shared/data/dev, or
 * SITREP_SHARED_DIR): it is evaluation data, not part of sitrep.
 */
export function devDataPath(name: string): string {
  const base = process.env.SITREP_SHARED_DIR ?? projectPath("..", "shared");
  const path = join(base, "data", "dev", name);
  if (!existsSync(path)) {
    throw new Error(`benchmark data not found: ${path} (set SITREP_SHARED_DIR to the folder that holds data/dev)`);
  }
  return path;
}

export interface DevArticle {
  readonly id: string;
  readonly published: string | null;
  readonly title: string | null;
  readonly text: string;
}

export function readDevJsonl(name: string): DevArticle[] {
  return readFileSync(devDataPath(name), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevArticle);
}

/** A development article as the pipeline takes it (buildArticle), its id standing for its file. */
export const articleInput = (d: DevArticle): ArticleInput => ({
  id: d.id,
  raw: d.text,
  title: d.title,
  published: d.published,
  origin: { file: d.id },
});

/** Peak resident set size of this process so far, in MB. */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
