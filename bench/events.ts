/**
 * Time of the `triggers` and `events` stages on muc4-train (1,300 articles, ~540k tokens). The
 * stages before them run untimed to give them their real input; each of the two is then timed
 * alone over every article, warm (a first pass loads the lexicons and warms the JIT).
 * Budget: triggers + events within 0.4 s. Run: node dist/bench/events.js
 */
import type { Article } from "../src/core/article.js";
import type { Annotations } from "../src/core/annotations.js";
import type { StageInput } from "../src/pipeline/stage.js";
import { eventsStage } from "../src/stages/events/stage.js";
import { DEFAULT_STAGES } from "../src/stages/index.js";
import { triggersStage } from "../src/stages/triggers/stage.js";
import { buildArticle } from "../src/text/article.js";
import { fmt, readDevJsonl } from "./shared-data.js";

const BUDGET_SECS = 0.4;
const docs = readDevJsonl("muc4-train.jsonl");
const articles: Article[] = docs.map((d) =>
  buildArticle({ id: d.id, raw: d.text, title: d.title, published: d.published, origin: { file: d.id } }),
);
const tokens = articles.reduce((n, a) => n + a.tokens.count, 0);

/** Every stage's output for an article, the timed two included, so each can be run alone on its real input. */
function annotate(a: Article): Partial<Annotations> {
  let ann: Partial<Annotations> = {};
  for (const stage of DEFAULT_STAGES) ann = { ...ann, ...stage.run({ article: a, annotations: ann, trace: null }) };
  return ann;
}
const inputs = articles.map(annotate);

function time(run: (input: StageInput) => unknown): number {
  const t0 = performance.now();
  articles.forEach((article, i) => run({ article, annotations: inputs[i] as Partial<Annotations>, trace: null }));
  return (performance.now() - t0) / 1000;
}

const triggers = Math.min(time(triggersStage.run), time(triggersStage.run), time(triggersStage.run));
const events = Math.min(time(eventsStage.run), time(eventsStage.run), time(eventsStage.run));
const frames = inputs.reduce((n, a) => n + (a.events?.length ?? 0), 0);
const total = triggers + events;
console.log(
  `triggers + events on muc4-train: ${articles.length} articles, ${fmt(tokens)} tokens, ${frames} event frames`,
);
console.log(`  triggers   ${fmt(triggers, 3)} s  ${fmt(tokens / triggers)} tokens/s`);
console.log(`  events     ${fmt(events, 3)} s  ${fmt(tokens / events)} tokens/s`);
console.log(`  together   ${fmt(total, 3)} s  (budget ${BUDGET_SECS} s: ${total <= BUDGET_SECS ? "within" : "OVER"})`);
