/**
 * Scores the bare learned role model (no rules) on a MUC-4 split: the selected candidates become
 * the fillers of one event per article, in the format score-muc4.mjs reads.
 *
 *   node dist/scripts/dev/muc4-model.js [--split muc4-dev] [--model FILE] > /tmp/pred.jsonl
 */
import { readFileSync } from "node:fs";
import { MODEL_ROLES } from "../../src/learn/labels.js";
import { checkModelFile } from "../../src/learn/model-file.js";
import { RoleModel, defaultRoleModel } from "../../src/learn/role-model.js";
import { tokenSpan, toEvidence } from "../../src/text/evidence.js";
import { mucArticle, readMuc } from "./muc4-data.js";

function arg(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : null;
}

const split = arg("split") ?? "muc4-dev";
const modelPath = arg("model");
const model = modelPath
  ? new RoleModel(checkModelFile(JSON.parse(readFileSync(modelPath, "utf8")), modelPath))
  : defaultRoleModel();
const scale = Number(arg("threshold-scale") ?? "1");
const thresholds = model.entity.thresholds.map((t) => t * scale);

for (const doc of readMuc(split)) {
  const article = mucArticle(doc);
  const out = model.analyse(article, thresholds);
  const event: Record<string, unknown[]> = Object.fromEntries(MODEL_ROLES.map((r) => [r, []]));
  for (const s of out.selected) {
    const m = s.candidate.mentions[0]!;
    const ev = toEvidence(article, tokenSpan(article, m.first, m.end - 1));
    if (ev)
      (event[MODEL_ROLES[s.role] as string] as unknown[]).push({ ...ev, p: Math.round(s.probability * 100) / 100 });
  }
  process.stdout.write(`${JSON.stringify({ id: doc.id, relevance: out.relevance, events: [event] })}\n`);
}
