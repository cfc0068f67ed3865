import type { Article } from "../../core/article.js";
import type { ActorMention, ClaimMention } from "../../core/annotations.js";
import { tokenSpan } from "../../text/evidence.js";
import { PhraseIndex } from "../../text/phrases.js";
import { tokenRange } from "./token-range.js";

/**
 * Who says a group did it, from the words around the group's name in one sentence:
 *  - claim: "the Islamic State claimed responsibility", "an IS-claimed attack", "responsibility
 *    was claimed by the FMLN", "an attack claimed by the Taliban";
 *  - accusation: "officials blamed the PKK", "the attack was blamed on al-Shabaab", "police said
 *    the ELN was behind the attack";
 *  - suspicion: "suspected Boko Haram militants", "gunmen believed to be members of the X";
 *  - denial: "the Taliban denied involvement".
 * Each pattern is a bounded look at a few tokens beside an actor: linear in the text.
 */

interface Actor {
  readonly first: number;
  readonly end: number;
  readonly mention: ActorMention;
}

const CLAIM_VERBS = new Set([
  "claimed",
  "claims",
  "claim",
  "claiming",
  "took",
  "take",
  "takes",
  "taken",
  "taking",
  "accepted",
  "accepts",
  "assumed",
  "assumes",
  "admitted",
  "admits",
]);
const CLAIM_OBJECTS = new Set(["responsibility", "credit", "authorship"]);
const ACCUSE_VERBS = new Set(["blamed", "blames", "blame", "blaming", "accused", "accuses", "accuse", "accusing"]);
const PASSIVE_TO = new Set(["blamed", "attributed", "ascribed", "imputed"]);
const SUSPECT_BEFORE = new Set([
  "suspected",
  "alleged",
  "presumed",
  "purported",
  "suspect",
  "presumably",
  "allegedly",
  "reportedly",
  "possibly",
  "probably",
]);
const BELIEF = new Set(["suspected", "believed", "thought", "presumed", "alleged", "said"]);
const DENY_VERBS = new Set([
  "denied",
  "denies",
  "deny",
  "denying",
  "rejected",
  "rejects",
  "reject",
  "disclaimed",
  "disowned",
]);
const BEHIND = new PhraseIndex<string>(
  [
    "was behind",
    "were behind",
    "is behind",
    "are behind",
    "was responsible",
    "were responsible",
    "is responsible",
    "are responsible",
    "carried out",
    "perpetrated",
    "committed",
    "had carried out",
    "had perpetrated",
    "had committed",
    "staged",
    "masterminded",
    "orchestrated",
  ].map((p) => [p, p] as const),
);
const REPORTING = new Set([
  "said",
  "says",
  "say",
  "stated",
  "told",
  "believe",
  "believed",
  "believes",
  "suspect",
  "suspected",
  "suspects",
  "claimed",
  "alleged",
  "charged",
  "reported",
  "added",
  "affirmed",
  "indicated",
  "asserted",
  "announced",
  "concluded",
  "concludes",
  "determined",
  "established",
  "found",
]);
const SUBJECT_POS = new Set(["NOUN", "PROPN", "ADJ", "NUM", "DET"]);
const POINT = new Set(["point", "points", "pointed", "pointing"]);
/** Participles that describe a group before its name. */
const DESCRIBING = new Set(["outlawed", "banned", "armed", "proscribed", "militant", "extremist", "jihadist"]);
const DESCRIPTORS_MAX = 6;
/** "has not (yet) claimed", "never claimed": no claim. */
const NEGATIONS = new Set(["not", "n't", "never", "no", "nobody", "yet"]);
const WINDOW = 8;

function actorsBySentence(article: Article, actors: readonly ActorMention[]): Map<number, Actor[]> {
  const out = new Map<number, Actor[]>();
  for (const m of actors) {
    const r = tokenRange(article, m.span);
    if (!r) continue;
    const s = article.tokens.sentence[r[0]] as number;
    const list = out.get(s) ?? [];
    list.push({ first: r[0], end: r[1], mention: m });
    out.set(s, list);
  }
  return out;
}

/** The noun phrase ending right before token `end` (the subject of a verb there): [first, end). */
function subjectBefore(article: Article, verb: number, sentenceStart: number): [number, number] | null {
  const t = article.tokens;
  let end = verb;
  while (
    end - 1 >= sentenceStart &&
    (t.pos[end - 1] === "AUX" || t.pos[end - 1] === "ADV" || t.pos[end - 1] === "PART")
  )
    end--;
  let first = end;
  while (first - 1 >= sentenceStart && end - first < 6 && SUBJECT_POS.has(t.pos[first - 1] as string)) first--;
  while (first < end && t.pos[first] === "DET") first++;
  return first < end ? [first, end] : null;
}

export function findClaims(article: Article, actors: readonly ActorMention[]): ClaimMention[] {
  const t = article.tokens;
  const out: ClaimMention[] = [];
  const seen = new Set<string>();
  const push = (
    kind: ClaimMention["kind"],
    a: Actor,
    from: number,
    to: number,
    by: [number, number] | null,
    rule: string,
    confidence: number,
  ) => {
    const key = `${kind}:${a.first}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({
      kind,
      actor: a.mention.span,
      actorName: a.mention.name,
      by: by ? tokenSpan(article, by[0], by[1] - 1) : null,
      span: tokenSpan(article, Math.min(from, a.first), Math.max(to, a.end) - 1),
      rule,
      confidence,
      sentence: t.sentence[a.first] as number,
    });
  };
  for (const [s, list] of actorsBySentence(article, actors)) {
    const sentence = article.sentences[s];
    if (!sentence) continue;
    const { firstToken: start, endToken: stop } = sentence;
    const key = (i: number) => (i >= start && i < stop ? (t.key[i] as string) : "");
    // "believed to have been carried out by": a belief word shortly before "by"
    const believedBefore = (by: number) => {
      for (let i = by - 1; i >= Math.max(start, by - 7); i--) if (BELIEF.has(key(i)) && key(i) !== "said") return true;
      return false;
    };
    /** Words that describe a group between a preposition and its name: "the outlawed", "armed Basque separatist group". */
    const isDescriptor = (i: number) => {
      const k = key(i);
      if (SUSPECT_BEFORE.has(k) || BELIEF.has(k)) return false;
      return k === "the" || DESCRIBING.has(k) || t.pos[i] === "NOUN" || t.pos[i] === "PROPN" || t.pos[i] === "ADJ";
    };
    // "attributed (it | the attack) to": the verb up to three words before "to"
    const attributedBefore = (to: number) => {
      for (let i = to - 1; i >= Math.max(start, to - 4); i--) if (PASSIVE_TO.has(key(i))) return true;
      return false;
    };
    for (const a of list) {
      // People, not a group, claim or deny only as a subject: "Kurdish militants claimed responsibility".
      const group = a.mention.kind === "organisation";
      // an IS-claimed attack
      if (group && key(a.end) === "-" && CLAIM_VERBS.has(key(a.end + 1))) {
        push("claim", a, a.first, a.end + 2, [a.first, a.end], "claim.compound", 0.9);
        continue;
      }
      // ACTOR (has) claimed responsibility / denied involvement; not "has not yet claimed"
      for (let i = a.end, d = 0; i < stop && d < WINDOW; i++, d++) {
        const k = key(i);
        // people claim only right before the verb: "Kurdish militants (have) claimed"
        if (!group && !CLAIM_VERBS.has(k) && !DENY_VERBS.has(k) && t.pos[i] !== "AUX") break;
        if (NEGATIONS.has(k)) break;
        if (CLAIM_VERBS.has(k)) {
          for (let j = i + 1; j < Math.min(stop, i + 5); j++) {
            if (CLAIM_OBJECTS.has(key(j))) {
              push("claim", a, a.first, j + 1, [a.first, a.end], "claim.subject", 0.9);
              break;
            }
          }
          break;
        }
        if (DENY_VERBS.has(k)) {
          push("denial", a, a.first, i + 1, [a.first, a.end], "claim.denial", 0.85);
          break;
        }
        if (t.pos[i] === "VERB" && k !== "said") break;
      }
      if (!group) continue;
      // the word before the actor's name and its descriptors ("by the armed Basque separatist group ETA")
      let lead = a.first - 1;
      while (lead > start && a.first - lead <= DESCRIPTORS_MAX && isDescriptor(lead)) lead--;
      const p1 = key(lead);
      const p2 = key(lead - 1);
      const at = lead;
      if (p1 === "by" && CLAIM_VERBS.has(p2)) push("claim", a, at - 1, a.end, [a.first, a.end], "claim.by", 0.85);
      else if (p1 === "by" && believedBefore(at)) push("suspicion", a, at, a.end, null, "claim.believed-by", 0.6);
      else if ((p1 === "on" && p2 === "blamed") || (p1 === "to" && attributedBefore(at)))
        push("accusation", a, at - 1, a.end, null, "claim.blamed-on", 0.7);
      // suspected Boko Haram militants; believed to be members of the X; the hallmarks of the X
      else if (SUSPECT_BEFORE.has(p1)) push("suspicion", a, at, a.end, null, "claim.suspected", 0.65);
      else if (
        (p1 === "be" && BELIEF.has(key(at - 2))) ||
        (p1 === "of" && p2 === "members" && BELIEF.has(key(at - 4)))
      ) {
        push("suspicion", a, at - 3, a.end, null, "claim.believed-to-be", 0.6);
      } else if (p1 === "of" && p2 === "hallmarks") push("suspicion", a, at - 1, a.end, null, "claim.hallmarks", 0.6);
      else if (p1 === "to" && POINT.has(p2)) push("suspicion", a, at - 1, a.end, null, "claim.points-to", 0.6);
      else if (p1 === "to" && p2 === "allegiance") push("suspicion", a, at - 1, a.end, null, "claim.allegiance", 0.55);
      // ACTOR is suspected / believed
      if (
        (key(a.end) === "is" || key(a.end) === "are" || key(a.end) === "was" || key(a.end) === "were") &&
        BELIEF.has(key(a.end + 1)) &&
        key(a.end + 1) !== "said"
      ) {
        push("suspicion", a, a.first, a.end + 2, null, "claim.is-suspected", 0.6);
      }
      // officials blamed ACTOR / accused ACTOR
      if (ACCUSE_VERBS.has(p1))
        push("accusation", a, at, a.end, subjectBefore(article, at, start), "claim.blamed", 0.75);
      // police said ACTOR was behind the attack
      const behind = BEHIND.longestAt(t, a.end, stop);
      if (behind) {
        let said = -1;
        for (let i = a.first - 1; i >= start && a.first - i <= WINDOW; i--) {
          if (REPORTING.has(key(i))) {
            said = i;
            break;
          }
        }
        if (said > start)
          push("accusation", a, said, behind.end, subjectBefore(article, said, start), "claim.said-behind", 0.7);
      }
    }
  }
  return out.sort((x, y) => x.span.start - y.span.start);
}
