import type { RoleFiller } from "../../../core/annotations.js";
import { stateForceNounIndex } from "../../../actors/dictionary.js";
import { tokenSpan } from "../../../text/evidence.js";
import { agentive } from "./agent.js";
import { isReporter, type RuleContext } from "./context.js";
import { stateMeans } from "./state-means.js";

/** The rule of a filler that names a state's forces without naming the state ("police fired"). */
const BARE_FORCE_RULE = "roles.perpetrator-org.bare-force";

/** Words before a force noun that make it someone else's: "rebel army", "Taliban fighters". */
const NOT_THE_STATE = new Set(["rebel", "rebels", "militia", "private", "foreign", "opposition"]);

/** Prepositions whose object a force noun is ("a vehicle of police soldiers", "fire on troops"). */
const OBJECT_OF = new Set([
  "of",
  "on",
  "at",
  "against",
  "with",
  "for",
  "from",
  "into",
  "to",
  "toward",
  "towards",
  "near",
  "among",
  "between",
  "targeting",
]);

const PASSIVE_BE = new Set(["was", "were", "been", "being"]);

/**
 * "...before he was shot dead by police": forces acting on someone the story has already told of
 * (a pronoun), most often the attacker, respond to the event.
 */
function strikesOneTold(c: RuleContext, first: number, from: number): boolean {
  const t = c.article.tokens;
  let by = first - 1;
  if (by >= from && t.key[by] === "the") by--;
  if (by < from || t.key[by] !== "by") return false;
  for (let j = by - 1; j > from && by - j <= 6; j--) {
    if (!PASSIVE_BE.has(t.key[j] as string)) continue;
    let subject = j - 1;
    while (subject > from && (t.pos[subject] === "ADV" || t.pos[subject] === "AUX")) subject--;
    return t.pos[subject] === "PRON";
  }
  return false;
}

/**
 * "Police opened fire on protesters", "soldiers shot dead three": the state's forces acting, the
 * state unnamed. The filler keeps the words (category state forces, no name); the event names
 * the forces of the country where it took place, as ACLED coders do ("Police Forces of
 * Bangladesh"), from the branch its words give (events/frame.ts). Only the
 * doer of a deed in a sentence that reports an event; a force named with its country ("Israeli
 * troops") is an actor of its own and is not read here.
 */
export function bareForceFillers(c: RuleContext): RoleFiller[] {
  const { article } = c;
  const t = article.tokens;
  const out: RoleFiller[] = [];
  const named = new Uint8Array(t.count);
  for (const f of c.forces) for (let i = f.first; i < f.end; i++) named[i] = 1;
  for (const s of c.eventSentences) {
    const sentence = article.sentences[s];
    if (!sentence) continue;
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const m = stateForceNounIndex().longestAt(t, i, sentence.endToken);
      if (!m) continue;
      // past its modifiers ("mercenary police soldiers"): a preposition before makes it an object
      let lead = i - 1;
      while (lead >= sentence.firstToken && (t.pos[lead] === "ADJ" || t.pos[lead] === "NOUN")) lead--;
      if (lead >= sentence.firstToken && OBJECT_OF.has(t.key[lead] as string)) {
        i = m.end - 1;
        continue;
      }
      const before = i - 1 >= sentence.firstToken ? i - 1 : -1;
      const owned =
        before >= 0 &&
        (t.pos[before] === "PROPN" || NOT_THE_STATE.has(t.key[before] as string) || t.key[before] === "'s");
      let inActor = false;
      for (let k = m.first; k < m.end; k++) if ((c.actorAt[k] as number) >= 0 || named[k]) inActor = true;
      // "a military air strike", "army shelling": what only armies strike with names the doer
      // wherever the phrase stands in the sentence
      const wielded = m.values[0]?.force === "military" && stateMeans().longestAt(t, m.end, sentence.endToken) !== null;
      if (
        !owned &&
        !inActor &&
        (wielded || agentive(c, m.first, m.end)) &&
        !isReporter(c, m.first, m.end) &&
        !strikesOneTold(c, m.first, sentence.firstToken)
      ) {
        out.push({
          span: tokenSpan(article, m.first, m.end - 1),
          rule: BARE_FORCE_RULE,
          confidence: 0.7,
          role: "perpetratorOrgs",
          name: null,
          category: "state forces",
          sentence: s,
        });
      }
      i = m.end - 1;
    }
  }
  return out;
}
