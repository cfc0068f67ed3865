import type { Article } from "../../core/article.js";
import type { RoleFiller } from "../../core/annotations.js";
import type { EventFrame, EventLocation } from "../../core/frame.js";
import type { Taxonomy } from "../../taxonomy/load.js";
import type { SubEventTypeInfo } from "../../taxonomy/types.js";
import type { Typed } from "../../taxonomy/typing.js";
import { forceOfNoun, stateForceEntry } from "../../actors/dictionary.js";
import { claimedRule } from "../roles/claimed.js";
import { absoluteDate } from "./attach.js";
import type { Draft } from "./draft.js";
import { summariseAll } from "./figures.js";

/** The GTD attack type: the sub-event type's, refined by what the cues say (an assassination, a hijacking, a siege). */
export function gtdAttackType(info: SubEventTypeInfo, cues: ReadonlySet<string>): string | null {
  if (info.family !== "violence" && info.family !== "property" && info.name !== "Mob violence") return info.gtd;
  if (cues.has("hijack")) return "Hijacking";
  if (cues.has("barricade") && cues.has("hostage")) return "Hostage Taking (Barricade Incident)";
  if (cues.has("assassinate") && info.eventType !== "Explosions/Remote violence") return "Assassination";
  return info.gtd;
}

/**
 * One filler per span, and one per organisation: a group named twice ("the Kurdistan Workers
 * Party (PKK)", "ETA ... ETA") is one actor, given by its first mention. Any other filler whose
 * words come again ("the Shiite mosque" in the headline and in the story) is one too, given by
 * its surest mention.
 */
function dedupe(article: Article, fillers: readonly RoleFiller[]): RoleFiller[] {
  const seen = new Set<string>();
  const once: RoleFiller[] = [];
  for (const f of [...fillers].sort((a, b) => a.span.start - b.span.start)) {
    const k = `${f.role}:${f.span.start}:${f.span.end}`;
    const actor = f.role === "perpetratorOrgs" && f.name ? `${f.role}:=${f.name.toLowerCase()}` : null;
    if (seen.has(k) || (actor && seen.has(actor))) continue;
    seen.add(k);
    if (actor) seen.add(actor);
    once.push(f);
  }
  const surest = new Map<string, RoleFiller>();
  const keyOf = (f: RoleFiller) =>
    f.role === "perpetratorOrgs" && f.name
      ? `${f.span.start}`
      : `${f.role}:${article.text.slice(f.span.start, f.span.end).toLowerCase()}`;
  for (const f of once) {
    const k = keyOf(f);
    const kept = surest.get(k);
    if (!kept || f.confidence > kept.confidence) surest.set(k, f);
  }
  return [...surest.values()].sort((a, b) => a.span.start - b.span.start);
}

const uniqueBySpan = <T extends { span: { start: number; end: number } }>(items: readonly T[]): T[] => {
  const seen = new Set<string>();
  return [...items]
    .sort((a, b) => a.span.start - b.span.start)
    .filter((x) => {
      const k = `${x.span.start}:${x.span.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
};

const ATTRIBUTING = new Set(["claim", "accusation", "suspicion"]);

/**
 * The perpetrator an event's claims name when the roles stage found none in its sentences: the
 * group that claimed it, or that officials accuse or suspect ("an IS-claimed attack", GTD's
 * claimed perpetrator). A denial names no one. The claim itself stays in `claims`.
 */
function perpetratorsFromClaims(d: Draft): RoleFiller[] {
  const out: RoleFiller[] = [];
  const seen = new Set<string>();
  for (const c of d.claims) {
    if (!ATTRIBUTING.has(c.kind) || (c.kind !== "claim" && !c.actorName)) continue;
    const key = `${c.actor.start}:${c.actor.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      span: c.actor,
      rule: `perpetrator.from-${c.kind}`,
      confidence: c.confidence * 0.8,
      role: "perpetratorOrgs",
      name: c.actorName,
      category: null,
      sentence: c.sentence,
    });
  }
  return out;
}

/**
 * "Police opened fire on protesters in Dhaka": a state's forces named without their state are
 * those of the country where the event took place ("Police Forces of Bangladesh"), as ACLED
 * codes them; left unnamed when the event has no country, and left out when the event has
 * another doer, whom they were answering.
 */
function namedForces(article: Article, fillers: readonly RoleFiller[], location: EventLocation | null): RoleFiller[] {
  const country = location?.place.countryCode;
  const bare = (f: RoleFiller) => f.role === "perpetratorOrgs" && f.name === null && f.category === "state forces";
  // "The killer, shot dead by police": forces beside another doer answer the event.
  const others = fillers.some((f) => f.role.startsWith("perpetrator") && !bare(f));
  return fillers.flatMap((f) => {
    if (!bare(f)) return [f];
    if (others) return [];
    if (!country) return [f];
    const force = forceOfNoun(article.text.slice(f.span.start, f.span.end));
    const entry = force ? stateForceEntry(country, force) : null;
    return [entry ? { ...f, name: entry.name } : f];
  });
}

const NAMED_BY_OTHERS = new Set([claimedRule("suspicion"), claimedRule("accusation")]);

/**
 * "Police arrested dozens over suspected links to the PKK": in an arrest the group suspected or
 * accused is who was arrested, not who did the arresting.
 */
function arrested(subEventType: string, orgs: RoleFiller[]): RoleFiller[] {
  if (subEventType !== "Arrests") return orgs;
  return orgs.filter((f) => !NAMED_BY_OTHERS.has(f.rule) && !f.rule.startsWith("perpetrator.from-"));
}

/** The frame of a finished draft. */
export function toFrame(
  article: Article,
  tax: Taxonomy,
  d: Draft,
  typed: Typed,
  cues: ReadonlySet<string>,
  location: EventLocation | null,
  locationRule: string | null,
  site: EventFrame["site"],
): EventFrame {
  const roles = dedupe(article, namedForces(article, d.roles, location));
  const of = (r: RoleFiller["role"]) => roles.filter((f) => f.role === r);
  const asserted = d.triggers.filter((t) => t.modality === "asserted");
  const base = asserted.reduce((s, t) => s + t.confidence, 0) / Math.max(1, asserted.length);
  const confidence = Math.min(
    0.95,
    (base + (location ? 0.05 : 0) + (of("perpetratorOrgs").length ? 0.05 : 0) + (d.sentences.length > 1 ? 0.05 : 0)) *
      (d.role === "background" ? 0.9 : 1),
  );
  const first = d.triggers[0]!;
  const sentence = article.sentences[first.sentence];
  return {
    role: d.role,
    eventType: typed.info.eventType,
    subEventType: typed.info.name,
    gtdAttackType: gtdAttackType(typed.info, cues),
    triggers: [...d.triggers].sort((a, b) => a.span.start - b.span.start),
    location,
    site,
    date: absoluteDate(d) ?? d.dates[0] ?? null,
    perpetratorOrgs: arrested(
      typed.info.name,
      of("perpetratorOrgs").length ? of("perpetratorOrgs") : perpetratorsFromClaims(d),
    ),
    perpetratorIndividuals: of("perpetratorIndividuals"),
    targets: of("targets"),
    victims: of("victims"),
    weapons: of("weapons"),
    claims: uniqueBySpan(d.claims),
    figures: summariseAll(uniqueBySpan(d.figures)),
    sources: uniqueBySpan(d.sources),
    confidence,
    rule: [
      `frame.${d.how.join("+")}`,
      `type.${typed.rule.id}`,
      d.roleRule,
      ...(locationRule ? [locationRule] : []),
    ].join(" "),
    span: sentence ? { start: sentence.start, end: sentence.end } : first.span,
  };
}
