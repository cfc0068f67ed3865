/**
 * How many gold entities of a MUC-4 split have a mention that some candidate phrase matches
 * exactly (after the scorer's normalisation): the recall ceiling of candidate-based selection.
 *
 *   node dist/scripts/dev/muc4-ceiling.js [--split muc4-train]
 */
import { candidatePhrases } from "../../src/stages/roles/noun-phrases.js";
import { MUC_ROLES, mucArticle, mucNormalise, readMuc } from "./muc4-data.js";

const i = process.argv.indexOf("--split");
const split = i >= 0 ? (process.argv[i + 1] as string) : "muc4-train";
const total: Record<string, number> = {};
const found: Record<string, number> = {};
const missed: Record<string, Map<string, number>> = {};
let candidates = 0;
for (const doc of readMuc(split)) {
  const article = mucArticle(doc);
  const seen = new Set<string>();
  for (const s of article.sentences) {
    for (const p of candidatePhrases(article, s.firstToken, s.endToken)) {
      const text = article.text.slice(article.tokens.start[p.first], article.tokens.end[p.end - 1]);
      seen.add(mucNormalise(text));
    }
  }
  candidates += seen.size;
  for (const role of MUC_ROLES) {
    for (const entity of doc.gold?.[role] ?? []) {
      total[role] = (total[role] ?? 0) + 1;
      if (entity.some((m) => seen.has(mucNormalise(m)))) found[role] = (found[role] ?? 0) + 1;
      else {
        const m = (missed[role] ??= new Map());
        m.set(entity.join(" | "), (m.get(entity.join(" | ")) ?? 0) + 1);
      }
    }
  }
}
for (const role of MUC_ROLES) {
  console.log(
    `${role}: ${found[role] ?? 0}/${total[role] ?? 0} = ${(((found[role] ?? 0) / (total[role] ?? 1)) * 100).toFixed(1)}%`,
  );
  if (process.argv.includes("--show"))
    console.log(
      [...(missed[role] ?? [])]
        .slice(0, 40)
        .map(([k]) => `   ${k}`)
        .join("\n"),
    );
}
console.log(`candidates per document: ${(candidates / readMuc(split).length).toFixed(0)}`);
