/**
 * Linear time on adversarial input: texts of 100 KB and 1 MB made of trigger words, modality and
 * background cues and punctuation only (one endless sentence; clauses cut by commas and quotes;
 * many short sentences). Reports the time per KB of the `triggers` and `events` stages at both
 * sizes: a ratio near 1 means linear time, a ratio near 10 quadratic.
 * Run: node dist/bench/events-adversarial.js
 */
import type { Article } from "../src/core/article.js";
import type { Annotations } from "../src/core/annotations.js";
import type { AnyStage } from "../src/pipeline/stage.js";
import { eventsStage } from "../src/stages/events/stage.js";
import { DEFAULT_STAGES } from "../src/stages/index.js";
import { triggersStage } from "../src/stages/triggers/stage.js";
import { buildArticle } from "../src/text/article.js";
import { fmt } from "./shared-data.js";

const PATTERNS: Record<string, string> = {
  "one sentence of trigger words":
    "attack bomb killed suicide bomber airstrike shelling grenade kidnapped protest riot arrested clashes ambush explosion wounded dead ",
  "clauses, quotes and cues":
    'no one was killed, "attack" after another bombing which killed, threatened to attack; last month\'s blast, protesters clashed with police ',
  "many short sentences":
    "Gunmen attacked a checkpoint. A bomb exploded. Police arrested two men. Protesters marched. ",
};

function textOf(pattern: string, bytes: number): string {
  return pattern.repeat(Math.ceil(bytes / pattern.length)).slice(0, bytes);
}

/** An earlier stage's output; a stage that fails on this input gives nothing, and the timed two work with what is left. */
function upstream(stage: AnyStage, article: Article, annotations: Partial<Annotations>): Partial<Annotations> {
  try {
    return stage.run({ article, annotations, trace: null });
  } catch (e) {
    console.log(
      `  (stage ${stage.name} failed on this input: ${e instanceof Error ? e.message : String(e)}; its output left out)`,
    );
    return {};
  }
}

/** Milliseconds of the two stages on one text, their input made by the stages before them (untimed). */
function time(text: string): number {
  const article = buildArticle({
    id: "adversarial",
    raw: text,
    title: null,
    published: "2021-10-16",
    origin: { file: "adversarial" },
  });
  let annotations: Partial<Annotations> = {};
  for (const stage of DEFAULT_STAGES) {
    if (stage.name === "triggers" || stage.name === "events") break;
    annotations = { ...annotations, ...upstream(stage, article, annotations) };
  }
  const t0 = performance.now();
  const triggers = triggersStage.run({ article, annotations, trace: null });
  const withTriggers = { ...annotations, ...triggers };
  // The stages between (roles, claims) run untimed too.
  let rest: Partial<Annotations> = withTriggers;
  const t1 = performance.now();
  for (const stage of DEFAULT_STAGES.slice(DEFAULT_STAGES.indexOf(triggersStage) + 1)) {
    if (stage.name === "events") break;
    rest = { ...rest, ...upstream(stage, article, rest) };
  }
  const t2 = performance.now();
  eventsStage.run({ article, annotations: rest, trace: null });
  const t3 = performance.now();
  return t1 - t0 + (t3 - t2);
}

console.log("triggers + events on adversarial text (ms per KB; ratio 1 MB / 100 KB)");
for (const [name, pattern] of Object.entries(PATTERNS)) {
  const small = time(textOf(pattern, 100_000)) / 100;
  const large = time(textOf(pattern, 1_000_000)) / 1000;
  console.log(
    `  ${name.padEnd(32)} 100 KB ${fmt(small, 3)} ms/KB   1 MB ${fmt(large, 3)} ms/KB   ratio ${fmt(large / small, 2)}`,
  );
}
