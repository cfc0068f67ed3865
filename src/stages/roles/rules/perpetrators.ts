import type { RoleFiller } from "../../../core/annotations.js";
import type { Tracer } from "../../../pipeline/stage.js";
import { individualsPhrases } from "../../../actors/individuals.js";
import { tokenSpan } from "../../../text/evidence.js";
import { agentive } from "./agent.js";
import { isReporter, type RuleContext } from "./context.js";

const BRACKETS = new Set(["(", ")", "[", "]", "-", "'s"]);

/** What is struck, not striking: "Hamas targets", "PKK positions" are the group's, and were hit. */
const STRUCK = new Set(["target", "targets", "position", "positions", "base", "bases", "hideout", "hideouts"]);

/** "a PKK attack", "IS attacks", "the FMLN's offensive": the group names the deed it did. */
function attackOf(c: RuleContext, first: number, end: number): string | null {
  const t = c.article.tokens;
  let j = end;
  if (t.key[j] === "'s" || t.key[j] === "'") j++;
  return j < t.count &&
    c.trigger[j] &&
    t.pos[j] === "NOUN" &&
    !STRUCK.has(t.key[j] as string) &&
    t.sentence[j] === t.sentence[first]
    ? "attack-of"
    : null;
}

/** "mortar fire from the Islamic State", "rockets from Hamas": the weapons come from the group. */
function fireFrom(c: RuleContext, first: number): string | null {
  const t = c.article.tokens;
  const start = c.article.sentences[t.sentence[first] as number]?.firstToken ?? 0;
  let k = first - 1;
  while (k > start && first - k <= 4 && (t.key[k] === "the" || t.pos[k] === "ADJ")) k--;
  if (k <= start || t.key[k] !== "from") return null;
  for (let j = k - 1; j >= Math.max(start, k - 3); j--) {
    // "hill posts seized from the MNDAA": what is taken from a group was the group's
    if (TAKEN.has(t.key[j] as string)) return null;
    if (c.trigger[j] || c.lex.weapons.longestAt(t, j, k)) return "fire-from";
  }
  return null;
}

const TAKEN = new Set(["seized", "captured", "recaptured", "retaken", "taken", "wrested", "won", "liberated", "freed"]);

const JOINT_GAP = new Set(["DET", "ADJ", "NOUN"]);

/** "Sudan's army and the paramilitary Rapid Support Forces clashed": the group after "and" is a subject. */
function jointWith(c: RuleContext, end: number, subjects: ReadonlySet<number>): boolean {
  const t = c.article.tokens;
  if (t.key[end] !== "and") return false;
  let k = end + 1;
  while (k < t.count && k - end <= 3 && (c.actorAt[k] as number) < 0 && JOINT_GAP.has(t.pos[k] as string)) k++;
  const b = c.actorAt[k] as number;
  return b >= 0 && subjects.has(b);
}

/**
 * Perpetrators by hand rules, in sentences that report an event: people from the perpetrators
 * lexicon as doers ("two suicide bombers carried out", "killed by gunmen"); organisations as
 * doers, and as the group the doers belong to ("IS-K suicide bombers", "FMLN urban guerrillas").
 * Whoever reports or comments on the event is left out, however the sentence reads.
 */
export function perpetratorFillers(c: RuleContext, trace: Tracer | null): RoleFiller[] {
  const { article } = c;
  const t = article.tokens;
  const out: RoleFiller[] = [];
  const agentPeople: { first: number; end: number }[] = [];
  for (const p of individualsPhrases(article)) {
    const s = t.sentence[p.first] as number;
    if (!c.eventSentences.has(s) || (c.actorAt[p.head] as number) >= 0) continue;
    const how = agentive(c, p.first, p.end) ?? (c.trigger[p.head] ? "named-by-deed" : null);
    if (!how) continue;
    const span = tokenSpan(article, p.first, p.end - 1);
    if (isReporter(c, p.first, p.end)) {
      trace?.note("roles.drop.reporter", span, "who reports or comments is not a perpetrator");
      continue;
    }
    agentPeople.push({ first: p.first, end: p.end });
    out.push({
      span,
      rule: `roles.perpetrator-individuals.${how}`,
      confidence: how === "named-by-deed" ? 0.7 : 0.8,
      role: "perpetratorIndividuals",
      name: null,
      category: p.category,
      sentence: s,
    });
  }
  // "Israeli troops shot dead two Palestinians": the men act for their country's forces.
  for (const f of c.forces) {
    const s = t.sentence[f.first] as number;
    if (!c.eventSentences.has(s)) continue;
    const how = agentive(c, f.first, f.end);
    if (!how || isReporter(c, f.first, f.end)) continue;
    out.push({
      span: f.mention.span,
      rule: `roles.perpetrator-org.forces-${how}`,
      confidence: 0.8,
      role: "perpetratorOrgs",
      name: f.mention.name,
      category: f.mention.actorType,
      sentence: s,
    });
  }
  // Later actors first, so that the first of "the army and the RSF clashed" sees the second's role.
  const subjects = new Set<number>();
  for (let ai = c.actors.length - 1; ai >= 0; ai--) {
    const a = c.actors[ai]!;
    const m = a.mention;
    if (m.kind !== "organisation") continue;
    const s = t.sentence[a.first] as number;
    if (!c.eventSentences.has(s)) continue;
    let how = agentive(c, a.first, a.end) ?? attackOf(c, a.first, a.end) ?? fireFrom(c, a.first);
    if (!how && jointWith(c, a.end, subjects)) how = "subject-joint";
    if (how === "subject" || how === "subject-joint") subjects.add(ai);
    if (!how) {
      // the group of the doers: "IS-K suicide bombers", "Islamic State-Khorasan (IS-K) suicide bombers"
      let j = a.end;
      while (
        j < a.end + 4 &&
        j < t.count &&
        (BRACKETS.has(t.key[j] as string) ||
          ((c.actorAt[j] as number) >= 0 && c.actors[c.actorAt[j] as number]?.mention.kind === "organisation"))
      )
        j++;
      if (agentPeople.some((p) => p.first <= j && j < p.end)) how = "group-of-doers";
      // "Fighters of the M23 rebel group": the group after "of" the doers
      const of = t.key[a.first - 1] === "the" ? a.first - 2 : a.first - 1;
      if (!how && t.key[of] === "of" && agentPeople.some((p) => p.end === of)) how = "group-of-doers";
    }
    if (!how) continue;
    const span = m.span;
    if (isReporter(c, a.first, a.end)) {
      trace?.note("roles.drop.reporter", span, "who reports or comments is not a perpetrator");
      continue;
    }
    out.push({
      span,
      rule: `roles.perpetrator-org.${how}`,
      confidence: 0.8,
      role: "perpetratorOrgs",
      name: m.name,
      category: m.actorType,
      sentence: s,
    });
  }
  return out;
}
