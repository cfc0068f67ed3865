import type { Article } from "../../core/article.js";
import type { Tracer } from "../../pipeline/stage.js";
import type { Taxonomy } from "../../taxonomy/load.js";
import type { Draft } from "./draft.js";

/** The cue classes a draft's sentences show, its triggers' own and their circumstances. */
function cuesOf(d: Draft): Set<string> {
  const out = new Set<string>();
  for (const t of d.triggers) {
    if (t.cue) out.add(t.cue);
    for (const c of t.context ?? []) out.add(c);
  }
  return out;
}

const showsPolitics = (tax: Taxonomy, d: Draft) => [...cuesOf(d)].some((c) => tax.political.classes.has(c));

/**
 * Keeps out the events of ordinary crime (data/taxonomy/typing.json `political`): an attack or an
 * arrest with no political side in its sentences, in an article none of whose events shows one.
 * `typeOf` gives each draft's sub-event type.
 */
export function keepPolitical(
  tax: Taxonomy,
  drafts: readonly Draft[],
  typeOf: (d: Draft) => string | null,
  trace: Tracer | null,
): Draft[] {
  const political = new Set(drafts.filter((d) => showsPolitics(tax, d)));
  if (political.size > 0) return [...drafts];
  return drafts.filter((d) => {
    const type = typeOf(d);
    if (!type || !tax.political.require.has(type)) return true;
    trace?.note(
      "frame.drop.no-political-side",
      d.triggers[0]!.span,
      `${type} with no armed group, state force or protest in the story: ordinary crime`,
    );
    return false;
  });
}

/** Counts of cue classes over the whole article, read once and only when a rule below needs them. */
export function articleClasses(tax: Taxonomy, article: Article): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of tax.cues.findAll(article.tokens)) {
    for (const v of m.values) for (const c of v.classes) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}

const EXPLOSION = new Set(["explode", "bomb"]);
const NOT_IN_CRIME_STORY = new Set(["a.generic", "agent.state"]);
const ORDINARY = new Set(["Attack", "Armed clash", "Arrests"]);
const CRIME = ["n.crime", "n.illicit", "n.judicial"];
/** How many words of crime and courts make an article a crime story. */
const CRIME_STORY = 2;

/**
 * What the whole article says the story is, for events their own sentences leave open: an
 * explosion with no political side in a story that speaks of a gas leak or an accident anywhere
 * ("a gas explosion at a noodle restaurant ... The blast took place at 8:40") is the accident; an
 * attack, a clash or an arrest with no armed group, explosive or official in a story of crime and
 * courts, where no armed group appears at all (a street fight, its convictions), is ordinary crime.
 */
export function keepOutOfOrdinaryStories(
  tax: Taxonomy,
  article: Article,
  drafts: readonly Draft[],
  typeOf: (d: Draft) => string | null,
  trace: Tracer | null,
): Draft[] {
  // Gunmen and the police acting are a political side in a war story, not in a story of courts.
  const showsMore = (d: Draft) =>
    [...cuesOf(d)].some((c) => tax.political.classes.has(c) && !NOT_IN_CRIME_STORY.has(c));
  // What no accident explains: the exceptions of the accident veto (a bomb, a suicide bomber, gunmen).
  const unexplained = tax.vetoes.get("n.accident")?.unless ?? new Set<string>();
  const accidental = (d: Draft) => ![...cuesOf(d)].some((c) => unexplained.has(c));
  const explosion = (d: Draft) => accidental(d) && d.triggers.some((t) => EXPLOSION.has(t.cue ?? ""));
  const ordinary = (d: Draft) => !showsMore(d) && ORDINARY.has(typeOf(d) ?? "");
  const suspects = new Set(drafts.filter((d) => explosion(d) || ordinary(d)));
  // The whole article is read only when some event leaves its story open.
  if (suspects.size === 0) return [...drafts];
  const counts = articleClasses(tax, article);
  const accident = (counts.get("n.accident") ?? 0) > 0;
  const crime = CRIME.reduce((n, c) => n + (counts.get(c) ?? 0), 0) >= CRIME_STORY && !(counts.get("a.armed") ?? 0);
  return drafts.filter((d) => {
    if (!suspects.has(d)) return true;
    if (accident && explosion(d)) {
      trace?.note("frame.drop.accident-story", d.triggers[0]!.span, "an explosion in a story told as an accident");
      return false;
    }
    if (crime && ordinary(d)) {
      trace?.note("frame.drop.crime-story", d.triggers[0]!.span, "no armed group in a story of crime and courts");
      return false;
    }
    return true;
  });
}
