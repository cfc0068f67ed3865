import type { RoleFiller } from "../../../core/annotations.js";
import { isCapitalised } from "../../../geo/scan.js";
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
/** Small words inside a name: "Organisation for the Prohibition of Chemical Weapons". */
const NAME_JOINERS = new Set(["of", "for", "the", "and", "against"]);

/**
 * The weapon words at `first` end a capitalised name joined by "of" or "for" ("the Organisation
 * for the Prohibition of Chemical Weapons", "Bureau of Alcohol, Tobacco, Firearms"): an
 * organisation, not what was used.
 */
function inOrganisationName(c: RuleContext, first: number, sentenceStart: number): boolean {
  const t = c.article.tokens;
  if (c.article.caseless || !isCapitalised(t.value[first] as string)) return false;
  let joined = false;
  let words = 0;
  for (let k = first - 1; k >= sentenceStart && first - k <= 8; k--) {
    const key = t.key[k] as string;
    if (NAME_JOINERS.has(key)) joined ||= key === "of" || key === "for";
    else if (isCapitalised(t.value[k] as string) || key === ",") words += key === "," ? 0 : 1;
    else break;
  }
  return joined && words >= 2;
}
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
    if (inOrganisationName(c, m.first, sentence.firstToken)) continue;
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
