import type { RoleFiller } from "../../../core/annotations.js";
import { tokenSpan } from "../../../text/evidence.js";
import type { RuleContext } from "./context.js";

/** Weapons found rather than used are not the event's weapons: "seized an M-16 rifle", "a rifle ... were seized". */
const FOUND = new Set([
  "seized",
  "found",
  "captured",
  "confiscated",
  "recovered",
  "discovered",
  "defused",
  "deactivated",
  "dismantled",
  "cache",
  "arsenal",
  "seizure",
]);
const CLAUSE_END = new Set([".", ";", ":", "but", "while", "whereas"]);
const AFTER = 10;

/** Weapons by hand rules: a weapons-lexicon phrase in a sentence that reports an event, unless it was found or seized. */
export function weaponFillers(c: RuleContext): RoleFiller[] {
  const { article } = c;
  const t = article.tokens;
  const out: RoleFiller[] = [];
  const matches = c.lex.weapons.findAll(t);
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    // "an M-16 rifle": adjacent weapon words make one weapon, named by the last
    let end = m.end;
    while (k + 1 < matches.length && matches[k + 1]!.first === end) end = matches[++k]!.end;
    const s = t.sentence[m.first] as number;
    if (!c.eventSentences.has(s)) continue;
    const sentence = article.sentences[s]!;
    let found = false;
    for (let j = Math.max(sentence.firstToken, m.first - 5); j < m.first && !found; j++)
      found = FOUND.has(t.key[j] as string);
    for (
      let j = end;
      j < Math.min(sentence.endToken, end + AFTER) && !found && !CLAUSE_END.has(t.key[j] as string);
      j++
    )
      found = FOUND.has(t.key[j] as string);
    if (found) continue;
    const entry = matches[k]!.values[0]!;
    out.push({
      span: tokenSpan(article, m.first, end - 1),
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
