import type { RuleContext } from "./context.js";

const BE = new Set(["was", "were", "is", "are", "been", "being", "be", "got", "get"]);
const SKIP_POS = new Set(["AUX", "ADV", "PART"]);
const SKIP_KEYS = new Set(["(", ")", ",", "-", "reportedly", "allegedly", "apparently", "then", "later"]);
const REACH = 5;
const OF_REACH = 6;
const OF_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "PUNCT", "NUM"]);

function deedAt(c: RuleContext, i: number, limit: number): number {
  const { lex } = c;
  const t = c.article.tokens;
  const m =
    lex.agentVerbs.longestAt(t, i, limit) ??
    lex.victimVerbs.longestAt(t, i, limit) ??
    lex.targetVerbs.longestAt(t, i, limit);
  return m ? m.end : -1;
}

const OBJECT_POS = new Set(["NUM", "DET", "PROPN", "PRON"]);

/**
 * A deed word the tagger read as a noun still acts when an object follows it ("Israeli troops shot
 * dead two Palestinians", "shot two"), which a noun ("the shooting") does not take.
 */
function hasObject(c: RuleContext, deedEnd: number): boolean {
  const t = c.article.tokens;
  if (deedEnd >= t.count || t.sentence[deedEnd] !== t.sentence[deedEnd - 1]) return false;
  return t.key[deedEnd] === "dead" || OBJECT_POS.has(t.pos[deedEnd] as string);
}

/**
 * How the phrase [first, end) acts as the doer, or null: subject of a deed verb ("gunmen opened
 * fire", "the FMLN has attacked"), not of a passive one ("the bus was attacked"); or the agent
 * after "by" ("killed by unidentified men", "carried out by the ELN").
 */
export function agentive(c: RuleContext, first: number, end: number): string | null {
  const t = c.article.tokens;
  const s = c.article.sentences[t.sentence[first] as number];
  if (!s) return null;
  let passive = false;
  // "Fighters of the M23 rebel group raped ...": past the group the doers belong to
  let from = end;
  if (t.key[from] === "of") {
    let k = from + 1;
    while (k < s.endToken && k - from <= OF_REACH && OF_POS.has(t.pos[k] as string) && t.key[k] !== ",") k++;
    if (k > from + 1) from = k;
  }
  for (let j = from, d = 0; j < s.endToken && d < REACH; j++, d++) {
    const key = t.key[j] as string;
    const deedEnd = deedAt(c, j, s.endToken);
    if (deedEnd > 0 && (t.pos[j] !== "NOUN" || hasObject(c, deedEnd))) return passive ? null : "subject";
    if (BE.has(key)) passive = true;
    if (!SKIP_POS.has(t.pos[j] as string) && !SKIP_KEYS.has(key)) break;
  }
  // "by the armed Basque separatist group ETA": descriptors between "by" and the name
  let k = first - 1;
  while (
    k >= s.firstToken &&
    first - k <= 6 &&
    (t.key[k] === "the" || t.pos[k] === "ADJ" || t.pos[k] === "NOUN" || t.pos[k] === "PROPN")
  )
    k--;
  if (k >= s.firstToken && t.key[k] === "by") {
    for (let j = k - 1, d = 0; j >= s.firstToken && d < REACH; j--, d++) {
      if (deedAt(c, j, k) > 0) return "by";
    }
  }
  return null;
}
