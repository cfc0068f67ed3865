import type { Article } from "../../core/article.js";
import type { RoleFiller } from "../../core/annotations.js";
import type { Tracer } from "../../pipeline/stage.js";
import { lookupActor } from "../../actors/dictionary.js";
import { roleLexicons, type LexiconEntry } from "../../actors/lexicons.js";
import { MODEL_ROLES } from "../../learn/labels.js";
import type { RoleModel } from "../../learn/role-model.js";
import { tokenSpan } from "../../text/evidence.js";
import type { PhraseIndex } from "../../text/phrases.js";

/** The lexicon entry of the longest match that ends where the phrase ends ("dynamite charge", "mosque"). */
function lexiconEntryEndingAt(
  article: Article,
  index: PhraseIndex<LexiconEntry>,
  first: number,
  end: number,
): LexiconEntry | null {
  for (let i = first; i < end; i++) {
    const m = index.longestAt(article.tokens, i, end);
    if (m && m.end === end) return m.values[0] ?? null;
  }
  return null;
}

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
    let name: string | null = null;
    let category: string | null = null;
    if (role === "perpetratorOrgs") {
      name = s.canonical;
      category = s.canonical ? (lookupActor(s.canonical)?.actorType ?? null) : null;
    } else {
      const index = {
        weapons: lex.weapons,
        targets: lex.targets,
        victims: lex.victims,
        perpetratorIndividuals: lex.perpetrators,
      }[role];
      const entry = lexiconEntryEndingAt(article, index, m.first, m.end);
      if (entry) {
        name = role === "perpetratorIndividuals" ? null : entry.name;
        category = entry.category || null;
      }
    }
    fillers.push({ span, rule: "roles.model", confidence: s.probability, role, name, category, sentence: m.sentence });
  }
  trace?.note("roles.model.relevance", null, `document relevance ${analysis.relevance.toFixed(2)}`);
  return { fillers, relevance: analysis.relevance };
}
