/**
 * Time of the actors, roles and claims stages over all of muc4-train (budget: 0.7 s together on
 * one core). Articles and the annotations the three stages read are made first and not timed;
 * each stage is timed in CPU time (less disturbed by other processes than wall time) over three
 * passes after a warm-up, and the best pass is reported.
 *   node dist/bench/roles.js   (part of `npm run bench`)
 */
import type { Annotations } from "../src/core/annotations.js";
import type { Article } from "../src/core/article.js";
import type { AnyStage } from "../src/pipeline/stage.js";
import { DEFAULT_STAGES } from "../src/stages/index.js";
import { buildArticle } from "../src/text/article.js";
import { fmt, readDevJsonl } from "./shared-data.js";

const MINE = ["actors", "roles", "claims"];
const docs = readDevJsonl("muc4-train.jsonl");
const articles: Article[] = docs.map((d) =>
  buildArticle({ id: d.id, raw: d.text, title: d.title, published: d.published, origin: { file: d.id } }),
);
const words = articles.reduce((n, a) => n + a.wordCount, 0);
const tokens = articles.reduce((n, a) => n + a.tokens.count, 0);

// What the stages before events provide, computed once (the three timed stages included).
const upTo = DEFAULT_STAGES.slice(
  0,
  DEFAULT_STAGES.findIndex((s) => s.name === "events"),
);
const inputs: Partial<Annotations>[] = articles.map((article) => {
  let annotations: Partial<Annotations> = {};
  for (const stage of upTo) annotations = { ...annotations, ...stage.run({ article, annotations, trace: null }) };
  return annotations;
});

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function timeStage(stage: AnyStage): number {
  const t0 = cpu();
  articles.forEach((article, i) => stage.run({ article, annotations: inputs[i] as Partial<Annotations>, trace: null }));
  return cpu() - t0;
}

const stages = upTo.filter((s) => MINE.includes(s.name));
for (const s of stages) timeStage(s);
const best = new Map<string, number>();
for (let pass = 0; pass < 3; pass++) {
  for (const s of stages) best.set(s.name, Math.min(best.get(s.name) ?? Infinity, timeStage(s)));
}
const total = [...best.values()].reduce((a, b) => a + b, 0);
console.log(
  `actors, roles and claims on muc4-train (${articles.length} articles, ${words} words, ${tokens} tokens), CPU time, best of 3:`,
);
for (const [name, s] of best) console.log(`  ${name.padEnd(8)} ${fmt(s, 3)} s`);
console.log(`  ${"together".padEnd(8)} ${fmt(total, 3)} s  (${fmt(words / total / 1000, 0)}k words/s; budget 0.7 s)`);
