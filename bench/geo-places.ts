/**
 * The places stage on all of muc4-train (1,300 capitals-only articles, ~540k tokens) and on the
 * cased TR-News articles: time spent in the stage alone, articles built beforehand, gazetteer
 * loaded beforehand. Budget: 0.8 s on muc4-train.
 *   node dist/bench/geo-places.js [../shared/data/dev]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Article } from "../src/core/article.js";
import { gazetteer } from "../src/geo/gazetteer.js";
import { placesStage } from "../src/stages/places/stage.js";
import { buildArticle } from "../src/text/article.js";
import { devDataDir } from "../scripts/dev/dev-data.js";

const dir = process.argv[2] ?? devDataDir();

function articles(name: string): Article[] {
  return readFileSync(join(dir, `${name}.jsonl`), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; text: string; published: string | null })
    .map((a) => buildArticle({ id: a.id, raw: a.text, title: null, published: a.published, origin: { file: name } }));
}

gazetteer();
for (const name of ["muc4-train", "trnews"]) {
  const docs = articles(name);
  const tokens = docs.reduce((s, a) => s + a.tokens.count, 0);
  const words = docs.reduce((s, a) => s + a.wordCount, 0);
  let best = Infinity;
  let places = 0;
  for (let run = 0; run < 3; run++) {
    places = 0;
    const t0 = performance.now();
    for (const article of docs) places += placesStage.run({ article, annotations: {}, trace: null }).places.length;
    best = Math.min(best, performance.now() - t0);
  }
  process.stdout.write(
    `places stage on ${name}: ${docs.length} articles, ${tokens} tokens, ${places} places in ${best.toFixed(0)} ms ` +
      `(best of 3; ${((words / best) * 1000).toFixed(0)} words/s)\n`,
  );
}
