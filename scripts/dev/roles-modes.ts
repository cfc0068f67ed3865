/**
 * Runs the whole extraction with the roles stage in one of its modes, to compare hand rules,
 * the learned model and both on a development set:
 *
 *   node dist/scripts/dev/roles-modes.js FILE.jsonl --use model,claims,perpetrators,targets,victims,weapons > pred.jsonl
 *   node ../shared/eval/score-muc4.mjs pred.jsonl GOLD.jsonl
 */
import { readInputs } from "../../src/ingest/inputs.js";
import { toArticleResult } from "../../src/output/record.js";
import { buildArticle } from "../../src/text/article.js";
import { createPipeline } from "../../src/pipeline/runner.js";
import type { AnyStage, Stage } from "../../src/pipeline/stage.js";
import { DEFAULT_REFINERS, DEFAULT_STAGES } from "../../src/stages/index.js";
import { ALL_SOURCES, findRoles, rolesStage, type RolesOptions } from "../../src/stages/roles/stage.js";

const file = process.argv[2];
const i = process.argv.indexOf("--use");
const use = new Set((i >= 0 ? (process.argv[i + 1] ?? "") : Object.keys(ALL_SOURCES).join(",")).split(","));
if (!file || [...use].some((u) => !(u in ALL_SOURCES))) {
  process.stderr.write(`usage: roles-modes.js FILE.jsonl --use ${Object.keys(ALL_SOURCES).join(",")}\n`);
  process.exit(2);
}
const options: RolesOptions = Object.fromEntries(
  Object.keys(ALL_SOURCES).map((k) => [k, use.has(k)]),
) as unknown as RolesOptions;
const roles: Stage<"roles"> = { ...rolesStage, run: (input) => ({ roles: findRoles(input, options) }) };
const stages: AnyStage[] = DEFAULT_STAGES.map((s) => (s.name === "roles" ? roles : s));
const pipeline = createPipeline(stages, DEFAULT_REFINERS);

for await (const item of readInputs([file])) {
  if ("problem" in item) continue;
  const run = pipeline.run(buildArticle(item.article));
  const result = toArticleResult(run.article, run.annotations.events ?? [], run.annotations.sources ?? []);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
