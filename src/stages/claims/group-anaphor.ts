import type { Article } from "../../core/article.js";
import type { ActorMention, ClaimMention } from "../../core/annotations.js";
import { tokenSpan } from "../../text/evidence.js";
import { CLAIM_OBJECTS, CLAIM_VERBS, NEGATIONS } from "./find-claims.js";
import { tokenRange } from "./token-range.js";

/** Nouns a story uses to name again a group it has named: "the group", "the militants". */
const GROUP_NOUNS = new Set(["group", "organisation", "organization", "movement", "outfit", "militia", "militants"]);
/** Words between the article and the noun: "the jihadist group", "the al-Qaeda-linked group". */
const DESCRIPTORS_MAX = 3;
/** How many sentences back the named group may stand. */
const SENTENCES_BACK = 3;

/**
 * "Islamic State militants attacked a bus ... The group claimed responsibility in a statement on
 * Friday": a claim whose subject names again the group the story last named. The claim is that
 * group's, said by itself; its evidence is the claiming clause, and the actor's span the name.
 * Only groups: a state's forces are never the group a claim refers back to.
 */
export function groupAnaphorClaims(article: Article, actors: readonly ActorMention[]): ClaimMention[] {
  const t = article.tokens;
  const groups = actors
    .filter((m) => m.kind === "organisation" && m.actorType !== "state forces")
    .map((m) => ({ m, r: tokenRange(article, m.span) }))
    .filter((x): x is { m: ActorMention; r: [number, number] } => x.r !== null)
    .sort((a, b) => a.r[0] - b.r[0]);
  const out: ClaimMention[] = [];
  let g = -1;
  for (let s = 0; s < article.sentences.length; s++) {
    const { firstToken: start, endToken: stop } = article.sentences[s]!;
    while (g + 1 < groups.length && groups[g + 1]!.r[1] <= start) g++;
    if (g < 0 || (t.sentence[groups[g]!.r[0]] as number) < s - SENTENCES_BACK) continue;
    // the subject opens the sentence: "The group claimed", "The jihadist group has claimed"
    if (t.key[start] !== "the") continue;
    let noun = start + 1;
    while (noun < stop && noun - start <= DESCRIPTORS_MAX && !GROUP_NOUNS.has(t.key[noun] as string)) noun++;
    if (!GROUP_NOUNS.has(t.key[noun] as string)) continue;
    let verb = noun + 1;
    while (verb < stop && verb - noun <= 3 && t.pos[verb] !== "VERB" && !CLAIM_VERBS.has(t.key[verb] as string)) {
      if (NEGATIONS.has(t.key[verb] as string)) break;
      verb++;
    }
    if (!CLAIM_VERBS.has(t.key[verb] as string)) continue;
    let object = -1;
    for (let j = verb + 1; j < Math.min(stop, verb + 4) && object < 0; j++)
      if (CLAIM_OBJECTS.has(t.key[j] as string)) object = j;
    if (object < 0) continue;
    // "The group, Islamic State, claimed": a name in the clause is its own claimant
    if (g + 1 < groups.length && groups[g + 1]!.r[0] < object) continue;
    const named = groups[g]!.m;
    out.push({
      kind: "claim",
      actor: named.span,
      actorName: named.name,
      by: tokenSpan(article, start, noun),
      span: tokenSpan(article, start, object),
      rule: "claim.group-anaphor",
      confidence: 0.75,
      sentence: s,
    });
  }
  return out;
}
