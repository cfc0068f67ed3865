import type { Article } from "../../core/article.js";
import type { SentenceView } from "./sentence-view.js";

const AGENT: Readonly<Record<string, string>> = {
  "a.state": "agent.state",
  "a.armed": "agent.armed",
  "a.generic": "agent.armed",
  "a.protester": "agent.crowd",
  "a.crowd": "agent.crowd",
  "a.force": "agent.force",
  "a.air": "agent.air",
};
const PATIENT: Readonly<Record<string, string>> = {
  "a.air": "patient.state",
  "a.state": "patient.state",
  "a.force": "patient.state",
  "a.armed": "patient.armed",
  "a.generic": "patient.armed",
  "a.protester": "patient.civ",
  "a.crowd": "patient.civ",
  "v.civ": "patient.civ",
};
const PASSIVE_AUX = new Set(["was", "were", "been", "being", "is", "are", "be", "got", "get"]);
const COME = new Set(["came", "come", "comes", "coming"]);
const AGENT_REACH = 8;
const PATIENT_REACH = 6;
/** The subject of a passive may be a long list: "Four members of the Jordanian security forces and a woman ... were killed". */
const PASSIVE_PATIENT_REACH = 12;

/** The nearest actor class walking from token `from` by `step`, within `reach`, not crossing a clause boundary. */
function nearestActor(view: SentenceView, from: number, step: 1 | -1, reach: number): string | undefined {
  for (let k = 0, j = from; k < reach && j >= view.first && j < view.end; k++, j += step) {
    // Forward, a boundary word at j ends the clause before j; backward, it ends it after j.
    if (step === 1 && view.boundaryBetween(j, j + 1)) return undefined;
    const cls = view.actorAt[j - view.first];
    if (cls) return cls;
    if (step === -1 && view.boundaryBetween(j, j + 1)) return undefined;
  }
  return undefined;
}

/** Who is hit, of several ("four members of the security forces and a woman"): state forces first, then armed men, then civilians. */
const PATIENT_ORDER = ["a.state", "a.force", "a.air", "a.armed", "a.generic", "a.protester", "a.crowd", "v.civ"];

/** The weightiest actor class of the clause walking from `from` by `step` within `reach`. */
function weightiestActor(view: SentenceView, from: number, step: 1 | -1, reach: number): string | undefined {
  let best: string | undefined;
  for (let k = 0, j = from; k < reach && j >= view.first && j < view.end; k++, j += step) {
    if (step === 1 && view.boundaryBetween(j, j + 1)) break;
    const cls = view.actorAt[j - view.first];
    if (cls && (best === undefined || PATIENT_ORDER.indexOf(cls) < PATIENT_ORDER.indexOf(best))) best = cls;
    if (step === -1 && view.boundaryBetween(j, j + 1)) break;
  }
  return best;
}

/** What follows a verb that takes no object: "29 soldiers killed when ...", "... killed in the attack". */
const TOLL_VERBS = new Set(["killed", "wounded", "injured", "slain", "abducted", "kidnapped"]);
const NO_OBJECT_AFTER = new Set(["when", "while", "as", "during", "in", "on", "near", "at", "by", ",", "."]);

/**
 * "mourning for 29 soldiers killed when jihadists attacked": a count of people, then the deed with
 * no object after it, is the toll of those hit (a passive without its auxiliary), not soldiers who
 * killed.
 */
function reducedPassive(article: Article, view: SentenceView, first: number, end: number): boolean {
  const t = article.tokens;
  if (!TOLL_VERBS.has(t.key[first] as string) || !NO_OBJECT_AFTER.has(t.key[end] as string)) return false;
  for (let k = first - 1; k >= Math.max(view.first, first - 3); k--) if (t.pos[k] === "NUM") return true;
  return false;
}

/**
 * Who acts and who is hit around a trigger, as features typing reads ("agent.state",
 * "patient.civ"): a shallow reading of the clause, without a parse. Active voice: the actor before
 * is the agent and the one after the patient; passive ("were killed", "was attacked by"): the
 * actor before is the patient and the one after "by" the agent.
 */
export function participants(article: Article, view: SentenceView, first: number, end: number): string[] {
  const t = article.tokens;
  // "The officers came under fire": the subject of "come under" is hit, as in a passive.
  const comeUnder =
    (COME.has(t.key[first] as string) && t.key[first + 1] === "under") ||
    (first - 2 >= view.first && COME.has(t.key[first - 2] as string) && t.key[first - 1] === "under");
  const passive =
    comeUnder ||
    reducedPassive(article, view, first, end) ||
    (t.pos[first] === "VERB" &&
      ((first - 1 >= view.first && PASSIVE_AUX.has(t.key[first - 1] as string)) ||
        (first - 2 >= view.first && PASSIVE_AUX.has(t.key[first - 2] as string))));
  const out: string[] = [];
  let agent: string | undefined;
  for (let j = end; j < Math.min(view.end, end + 5); j++) {
    if (t.key[j] === "by") {
      agent = nearestActor(view, j + 1, 1, 4);
      break;
    }
    // "regain territory held by the CPC": the agent of another verb
    if (t.pos[j] === "VERB") break;
  }
  let patient: string | undefined;
  if (passive) patient = weightiestActor(view, first - 1, -1, PASSIVE_PATIENT_REACH);
  else {
    agent ??= nearestActor(view, first - 1, -1, AGENT_REACH);
    patient = weightiestActor(view, end, 1, PATIENT_REACH);
  }
  if (agent && AGENT[agent]) out.push(AGENT[agent] as string);
  if (patient && PATIENT[patient]) out.push(PATIENT[patient] as string);
  return out;
}

/**
 * What was captured: weapons ("weapons were seized"), territory ("captured the port of Mokha",
 * "the town was seized") or people ("captured two militants").
 */
export function captureSense(article: Article, view: SentenceView, first: number, end: number): string {
  for (let j = Math.max(view.first, first - 6); j < Math.min(view.end, end + 6); j++) {
    const cls = classAt(view, j);
    if (cls === "w.cache") return "capture.weapons";
  }
  for (let j = end; j < Math.min(view.end, end + 8); j++) {
    if (view.placeAt[j - view.first] || classAt(view, j) === "c.territory") return "capture.territory";
    // "captured IS' last remaining territory": a possessive actor modifies what was captured.
    if (view.actorAt[j - view.first] && !POSSESSIVE.has(article.tokens.key[j + 1] as string)) break;
  }
  for (let j = first - 1; j >= Math.max(view.first, first - 4); j--) {
    if (view.placeAt[j - view.first] || classAt(view, j) === "c.territory") return "capture.territory";
  }
  return "capture.people";
}

const POSSESSIVE = new Set(["'s", "'"]);

/** What a captured thing is, by its cue classes: weapons ("pistols", "landmines"), territory, or neither. */
const WEAPONS = new Set(["w.cache", "w.firearm", "w.explosive", "w.ied", "w.shell", "grenade", "bomb"]);

function classAt(view: SentenceView, token: number): string | undefined {
  const hit = view.cueStartingAt(token);
  if (!hit) return undefined;
  // "seized by gunmen": the gunmen's guns are no cache
  if (hit.value.classes.some((c) => c.startsWith("a."))) return undefined;
  if (hit.value.classes.some((c) => WEAPONS.has(c))) return "w.cache";
  return hit.value.classes.includes("c.territory") ? "c.territory" : undefined;
}
