import type { RoleFiller, RoleName } from "../../../core/annotations.js";
import type { LexiconEntry } from "../../../actors/lexicons.js";
import type { PhraseIndex, PhraseMatch } from "../../../text/phrases.js";
import { tokenSpan } from "../../../text/evidence.js";
import { withModifiers, type RuleContext } from "./context.js";

/** Prepositions that put a target or victim after an attack word: "a bombing at a mosque". */
const AT = new Set(["at", "on", "against", "targeting", "targeted", "near", "outside", "inside", "into", "in"]);
const BE = new Set(["was", "were", "is", "are", "been", "being", "had", "have", "has"]);
/** Between a verb and its object: "killed at least 41 people", "burned two buses". */
const BETWEEN = new Set([
  "at",
  "least",
  "more",
  "than",
  "about",
  "some",
  "nearly",
  "almost",
  "over",
  "up",
  "to",
  "around",
  "the",
  "a",
  "an",
  "two",
  "three",
  "several",
  "dozens",
  "of",
  "scores",
  "hundreds",
]);
const REACH = 6;
const NONE = new Set(["no", "none", "neither"]);

type How = "object" | "passive-subject" | "after-attack";

/** How the phrase [first, end) is what a deed acts on, by the verbs given; null when it is not. */
function patient(c: RuleContext, verbs: PhraseIndex<unknown>, first: number, end: number): How | null {
  const t = c.article.tokens;
  const s = c.article.sentences[t.sentence[first] as number]!;
  // object: a verb, then numbers and determiners, then the phrase
  for (let j = first - 1, d = 0; j >= s.firstToken && d < REACH; j--, d++) {
    const m = verbs.longestAt(t, j, first);
    if (m && m.end >= j + 1 && (m.end === first || allBetween(c, m.end, first))) {
      return t.pos[first - 1] === "ADP" && !BETWEEN.has(t.key[first - 1] as string) ? null : "object";
    }
    if (!(BETWEEN.has(t.key[j] as string) || t.pos[j] === "NUM" || t.pos[j] === "ADJ" || t.pos[j] === "DET")) break;
  }
  // passive subject: the phrase, then was/were, then the verb
  let j = end;
  let be = false;
  for (let d = 0; j < s.endToken && d < 4; j++, d++) {
    if (BE.has(t.key[j] as string)) be = true;
    else if (t.pos[j] !== "ADV") break;
  }
  if (be && j < s.endToken && verbs.longestAt(t, j, s.endToken)) return "passive-subject";
  // after an attack word: "attack on worshippers", "bombing at a mosque"
  const before = first - 1;
  if (before >= s.firstToken && AT.has(t.key[before] as string)) {
    for (let k = before - 1, d = 0; k >= s.firstToken && d < REACH; k--, d++) if (c.trigger[k]) return "after-attack";
  }
  return null;
}

function allBetween(c: RuleContext, from: number, to: number): boolean {
  const t = c.article.tokens;
  for (let i = from; i < to; i++)
    if (!(BETWEEN.has(t.key[i] as string) || t.pos[i] === "NUM" || t.pos[i] === "ADJ" || t.pos[i] === "DET"))
      return false;
  return true;
}

/**
 * Targets or victims by hand rules: a lexicon phrase (with its modifiers) in a sentence that
 * reports an event, as the object of a deed verb, the subject of a passive one or the complement
 * of an attack word.
 */
export function thingFillers(
  c: RuleContext,
  role: RoleName,
  index: PhraseIndex<LexiconEntry>,
  verbs: PhraseIndex<unknown>,
): RoleFiller[] {
  const { article } = c;
  const t = article.tokens;
  const out: RoleFiller[] = [];
  for (const m of index.findAll(t) as PhraseMatch<LexiconEntry>[]) {
    const s = t.sentence[m.first] as number;
    if (!c.eventSentences.has(s) || (c.actorAt[m.first] as number) >= 0) continue;
    // "the mosque's security": a possessor is not what was hit
    if (t.key[m.end] === "'s") continue;
    const [first, end] = withModifiers(c, m.first, m.end);
    // "no civilians were killed", "none of the passengers": no one was hit
    if (NONE.has(t.key[first - 1] as string) || NONE.has(t.key[first] as string)) continue;
    const how = patient(c, verbs, first, end);
    if (!how) continue;
    const entry = m.values[0]!;
    out.push({
      span: tokenSpan(article, first, end - 1),
      rule: `roles.${role}.${how}`,
      confidence: how === "after-attack" ? 0.75 : 0.8,
      role,
      name: entry.name,
      category: entry.category || null,
      sentence: s,
    });
  }
  return out;
}
