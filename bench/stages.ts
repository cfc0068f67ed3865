/**
 * Where the time of `extract` goes: wall time of article building and of each stage over all of
 * muc4-train, after one warm-up pass. Run: node dist/bench/stages.js  (part of `npm run bench`).
 */
import { defaultPipeline } from "../src/stages/index.js";
import { buildArticle } from "../src/text/article.js";
import { articleInput, fmt, readDevJsonl } from "./shared-data.js";

const docs = readDevJsonl("muc4-train.jsonl");
const pipeline = defaultPipeline();
const BUILD = "(article: normalise + wink-nlp)";

function pass(timings: Map<string, number>): void {
  for (const d of docs) {
    const t0 = performance.now();
    const article = buildArticle(articleInput(d));
    timings.set(BUILD, (timings.get(BUILD) ?? 0) + performance.now() - t0);
    pipeline.run(article, { timings });
  }
}

pass(new Map());
const timings = new Map<string, number>();
pass(timings);
const total = [...timings.values()].reduce((a, b) => a + b, 0);
console.log(`stage times on muc4-train (${docs.length} articles), warm:`);
for (const [name, ms] of timings)
  console.log(`  ${name.padEnd(34)} ${fmt(ms / 1000, 3)} s  ${fmt((100 * ms) / total, 1)}%`);
console.log(`  ${"total".padEnd(34)} ${fmt(total / 1000, 3)} s`);
