import type { RoleFiller } from "../../../core/annotations.js";
import { tokenSpan } from "../../../text/evidence.js";
import type { RuleContext } from "./context.js";

/** Weapons found rather than used are not the event's weapons: "seized an M-16 rifle". */
const FOUND = new Set(["seized", "found", "captured", "confiscated", "recovered", "discovered", "defused", "deactivated", "dismantled", "cache", "arsenal"]);

/** Weapons by hand rules: a weapons-lexicon phrase in a sentence that reports an event, unless it was found or seized. */
export function weaponFillers(c: RuleContext): RoleFiller[] {
  const { article } = c;
  const t = article.tokens;
  const out: RoleFiller[] = [];
  for (const m of c.lex.weapons.findAll(t)) {
    const s = t.sentence[m.first] as number;
    if (!c.eventSentences.has(s)) continue;
    const sentence = article.sentences[s]!;
    let found = false;
    for (let k = Math.max(sentence.firstToken, m.first - 5); k < m.first && !found; k++) found = FOUND.has(t.key[k] as string);
    if (found) continue;
    const entry = m.values[0]!;
    out.push({
      span: tokenSpan(article, m.first, m.end - 1),
      rule: "roles.weapons.lexicon",
      confidence: 0.75,
      role: "weapons",
      name: entry.name,
      category: entry.category || null,
      sentence: s,
    });
  }
  return out;
}
