import type { Article } from "../../core/article.js";
import type { RoleFiller } from "../../core/annotations.js";
import type { Tracer } from "../../pipeline/stage.js";
import { roleLexicons } from "../../actors/lexicons.js";
import { MODEL_ROLES } from "../../learn/labels.js";
import type { RoleModel } from "../../learn/role-model.js";
import { tokenSpan } from "../../text/evidence.js";

/**
 * Role fillers the learned model chooses (one per entity), each placed on the mention of its
 * phrase in the sentence where the model is surest it acts in its role: its first mention.
 */
export function modelFillers(
  article: Article,
  model: RoleModel,
  trace: Tracer | null,
): { fillers: RoleFiller[]; relevance: number } {
  const analysis = model.analyse(article);
  const lex = roleLexicons();
  const fillers: RoleFiller[] = [];
  for (const s of analysis.selected) {
    const m = s.candidate.mentions[0]!;
    const role = MODEL_ROLES[s.role]!;
    const span = tokenSpan(article, m.first, m.end - 1);
    let name: string | null = s.candidate.key;
    let category: string | null = null;
    if (role === "weapons") {
      const w = lex.weapons.longestAt(article.tokens, m.end - 1, m.end);
      if (w) {
        name = w.values[0]!.name;
        category = w.values[0]!.category || null;
      }
    } else if (role === "targets") {
      category = lex.targets.longestAt(article.tokens, m.end - 1, m.end)?.values[0]?.category || null;
    } else if (role === "victims") {
      category = lex.victims.longestAt(article.tokens, m.end - 1, m.end)?.values[0]?.category || null;
    }
    fillers.push({ span, rule: "roles.model", confidence: s.probability, role, name, category, sentence: m.sentence });
  }
  trace?.note("roles.model.relevance", null, `document relevance ${analysis.relevance.toFixed(2)}`);
  return { fillers, relevance: analysis.relevance };
}
