/**
 * Times the dates, sources and figures stages on an article set (default: muc4-train) and reports
 * words per second for them alone, apart from building the articles (wink-nlp).
 * Usage: node dist/bench/time-dates-figures-sources.js [FILE.jsonl] [ROUNDS]
 */
import { readFileSync } from "node:fs";
import type { Article } from "../src/core/article.js";
import type { Annotations } from "../src/core/annotations.js";
import type { AnyStage } from "../src/pipeline/stage.js";
import { datesStage } from "../src/stages/dates/stage.js";
import { figuresStage } from "../src/stages/figures/stage.js";
import { sourcesStage } from "../src/stages/sources/stage.js";
import { buildArticle } from "../src/text/article.js";

const file = process.argv[2] ?? new URL("../../../shared/data/dev/muc4-train.jsonl", import.meta.url).pathname;
const rounds = Number(process.argv[3] ?? 3);

const t0 = performance.now();
const articles: Article[] = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l, i) => {
    const j = JSON.parse(l) as { id: string; text: string; published: string | null };
    return buildArticle({ id: j.id, raw: j.text, title: null, published: j.published, origin: { file, line: i + 1 } });
  });
const build = performance.now() - t0;
const words = articles.reduce((n, a) => n + a.wordCount, 0);
const tokens = articles.reduce((n, a) => n + a.tokens.count, 0);

const stages: AnyStage[] = [datesStage, sourcesStage, figuresStage];
// One warm-up pass loads the lexicons and lets the JIT settle.
const counts: Record<string, number> = {};
for (const a of articles) {
  let ann: Partial<Annotations> = {};
  for (const s of stages) ann = { ...ann, ...s.run({ article: a, annotations: ann, trace: null }) };
  for (const k of ["dates", "sources", "figures"] as const) counts[k] = (counts[k] ?? 0) + (ann[k]?.length ?? 0);
}
const per: Record<string, number[]> = { dates: [], sources: [], figures: [] };
for (let r = 0; r < rounds; r++) {
  const spent: Record<string, number> = { dates: 0, sources: 0, figures: 0 };
  for (const a of articles) {
    let ann: Partial<Annotations> = {};
    for (const s of stages) {
      const t = performance.now();
      ann = { ...ann, ...s.run({ article: a, annotations: ann, trace: null }) };
      spent[s.name] = (spent[s.name] ?? 0) + performance.now() - t;
    }
  }
  for (const k of Object.keys(per)) per[k]!.push(spent[k]!);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
let total = 0;
console.log(
  `${articles.length} articles, ${words} words, ${tokens} tokens; articles built in ${(build / 1000).toFixed(2)} s`,
);
for (const k of Object.keys(per)) {
  const ms = median(per[k]!);
  total += ms;
  console.log(`${k.padEnd(8)} ${(ms / 1000).toFixed(3)} s  ${counts[k]} mentions`);
}
console.log(
  `together ${(total / 1000).toFixed(3)} s  ${Math.round(words / (total / 1000)).toLocaleString("en")} words/s`,
);
