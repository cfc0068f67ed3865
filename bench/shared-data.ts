import { readFileSync } from "node:fs";
import type { ArticleInput } from "../src/core/article.js";
import { devDataPath } from "../scripts/dev/dev-data.js";

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
