import { roleLexicons } from "../../actors/lexicons.js";
import type { PlaceMention, TriggerMention } from "../../core/annotations.js";
import type { EventFrame, EventLocation } from "../../core/frame.js";
import { placePrecision } from "../../geo/precision.js";
import type { Stage, StageInput } from "../../pipeline/stage.js";
import { typingCues } from "../../taxonomy/cues.js";
import { taxonomy } from "../../taxonomy/load.js";
import { typeOf, type Typed } from "../../taxonomy/typing.js";
import { ArticleIndex } from "./article-index.js";
import { absoluteDate, attachPlacesAndDates, attachRest, resolveRelativeDates } from "./attach.js";
import type { Draft } from "./draft.js";
import { toFrame } from "./frame.js";
import { consolidateByPlace, foldCountryLevel, foldPlaceless, mergeAcrossSentences, sentenceGroups } from "./group.js";
import { chooseLocation, placeKey } from "./location.js";
import { headlineTokens } from "../../text/headline.js";
import { keepOutOfOrdinaryStories, keepPolitical } from "./politics.js";
import { decideRoles, salience } from "./role.js";
import { findSite } from "./site.js";
import { ruleOutHolds, vetoOf } from "./veto.js";

const EMPTY: readonly never[] = [];
/** The sentence of the draft's first trigger opens with one of its dates ("In 2020, ..."). */
function opensWithItsTime(idx: ArticleIndex, d: Draft): boolean {
  const s = d.sentences[0];
  const sentence = s === undefined ? undefined : idx.article.sentences[s];
  if (!sentence) return false;
  return d.dates.some((m) => d.dateSentence.get(m) === s && idx.tokenOf(m.span.start) <= sentence.firstToken + 1);
}

/** A dateline place ("SAN SALVADOR, 3 JAN 90 --", "KABUL (Reuters) -") opens the article. */
const DATELINE_TOKENS = 8;

/** The article's first word token. */
function firstWord(input: StageInput): number {
  const t = input.article.tokens;
  let i = 0;
  while (i < t.count && t.type[i] !== "word") i++;
  return i;
}

function datelinePlace(input: StageInput, idx: ArticleIndex): PlaceMention | null {
  for (const p of input.annotations.places ?? EMPTY) {
    const town = p.featureType === "city" || p.featureType === "admin2";
    // The geoparser knows a dateline after a headline ("Gunmen kill 14 ...\n\nOUAGADOUGOU, March 12
    // (Reuters) -"); one that opens the article ("KABUL (Reuters) -", "MANAGUA (NICARAGUA), 26 AUG
    // 89") counts too, but not a town in its first words ("Organizers of a London rally").
    if (p.rule === "place.dateline") return town ? p : null;
    const tok = idx.tokenOf(p.span.start);
    if (tok >= 0 && tok < DATELINE_TOKENS && tok === firstWord(input) && town) return p;
  }
  return null;
}

/** A per-draft cache of `f`, recomputed when `version(d)` changes (a merge adds triggers or places). */
function memo<T>(f: (d: Draft) => T, version: (d: Draft) => number): (d: Draft) => T {
  const cache = new Map<Draft, { v: number; value: T }>();
  return (d) => {
    const hit = cache.get(d);
    const v = version(d);
    if (hit && hit.v === v) return hit.value;
    const value = f(d);
    cache.set(d, { v, value });
    return value;
  };
}

/** Words before a place that make it where someone comes from, not where the event is ("visiting from Canada"). */
const ORIGIN = new Set(["from"]);
/** ...unless a distance says the event is near it ("25 km from Kabul"). */
const DISTANCE = new Set(["km", "kilometres", "kilometers", "miles", "metres", "meters", "away", "far"]);

function originTest(idx: ArticleIndex): (p: PlaceMention) => boolean {
  const t = idx.article.tokens;
  return (p) => {
    const tok = idx.tokenOf(p.span.start);
    return tok > 0 && ORIGIN.has(t.key[tok - 1] as string) && !DISTANCE.has(t.key[tok - 2] as string);
  };
}

/** The place (town, district or province) an event is placed in, for merging the events of one place; null above that. */
function townKey(location: EventLocation | null): string | null {
  if (!location) return null;
  const ft = location.place.featureType;
  return ft === "city" || ft === "site" || ft === "admin2" || ft === "admin1" ? placeKey(location.place) : null;
}

/**
 * An event told without a place of its own ("Seven people have been arrested in connection with
 * the blast") happened where the event it is told with did: it takes the place of an event
 * sharing one of its sentences.
 */
function inheritLocations(
  drafts: readonly Draft[],
  located: Map<Draft, { location: EventLocation | null; rule: string | null }>,
): void {
  const bySentence = new Map<number, Draft[]>();
  for (const d of drafts) {
    for (const s of d.sentences) {
      const list = bySentence.get(s);
      if (list) list.push(d);
      else bySentence.set(s, [d]);
    }
  }
  for (const d of drafts) {
    if (located.get(d)?.location) continue;
    for (const s of d.sentences) {
      const other = (bySentence.get(s) ?? []).find((e) => e !== d && located.get(e)?.location);
      if (other) {
        located.set(d, { location: located.get(other)?.location ?? null, rule: "location.same-sentence-event" });
        break;
      }
    }
  }
}

/**
 * A bomber among the dead of a blast that killed others too ("At least 63 people, including the
 * assailant, were killed"): the attacker died in their own attack, ACLED's suicide bomb.
 */
function bomberAmongDead(d: Draft, cues: ReadonlySet<string>): boolean {
  if (!cues.has("explode") && !cues.has("bomb")) return false;
  return d.figures.some((f) => f.kind === "killed" && (f.perpetrators ?? 0) > 0 && f.best > (f.perpetrators ?? 0));
}

/** Words before a noun that point back to an event already told: "the blast", "this attack". */
const BACK = new Set(["the", "this", "that", "its", "their"]);

/**
 * Whether a mention names its event by a noun that points back ("The blast destroyed the bus"); a
 * noun for the people who did it ("The attacker, shot dead by police") names no event.
 */
function refersBack(idx: ArticleIndex, d: Draft): boolean {
  const t = idx.article.tokens;
  const doers = roleLexicons().perpetrators;
  return d.triggers.some((m) => {
    const tok = idx.tokenOf(m.span.start);
    return tok > 0 && t.pos[tok] === "NOUN" && BACK.has(t.key[tok - 1] as string) && !doers.longestAt(t, tok, tok + 3);
  });
}

/**
 * "The Cafetería Rolando bombing was an attack on 13 September 1974 at the Rolando cafe": in an
 * article without a publication date, the month that dates its lead is the article's own time, not
 * the mark of an earlier event; the lead's main-clause events lose the mark, so that later mentions
 * of the same event join them. A lead event told in a subordinate clause ("the provisions were
 * first implemented after a series of attacks on November 13, 2015") keeps it.
 */
function ownTimeOfLead(article: StageInput["article"], groups: readonly Draft[], trace: StageInput["trace"]): void {
  if (article.published) return;
  const lead = groups[0]?.sentences[0];
  for (const g of groups) {
    if (g.sentences[0] !== lead) break;
    if (g.otherEvent !== "calendar" || g.subordinate) continue;
    g.otherEvent = null;
    trace?.note("frame.lead-calendar", g.triggers[0]!.span, "the lead's month is the article's own time");
  }
}

/**
 * ACLED codes an abduction during which people are killed or injured as an attack ("Assailants
 * stormed the college, shot the Christians and held others hostage ... 152 people were killed"):
 * told with an assault (a strong attack or firing word) and casualties, it is typed without its
 * hostage-taking. A kidnapping with no assault keeps its type whatever befell the hostages later.
 */
function assaultWithHostages(d: Draft, typed: Typed): boolean {
  if (typed.info.name !== "Abduction/forced disappearance") return false;
  const assault = d.triggers.some((t) => (t.cue === "attack" || t.cue === "fire") && !t.rule.includes(".weak"));
  return assault && d.figures.some((f) => (f.kind === "killed" || f.kind === "injured") && f.best > 0);
}
const HOSTAGE_CUES = new Set(["abduct", "hostage"]);
const ASSAULT_TYPES = new Set(["Attack", "Armed clash"]);

/**
 * Assembles the article's events from the trigger mentions: sentence groups, vetoes, merging of the
 * mentions of one event across sentences, reported vs background, then places, dates, figures,
 * role fillers, claims and sources attached, and the type decided by the taxonomy's precedence
 * over all the event's cues. Works with whatever the earlier stages provide.
 */
export function assembleEvents(input: StageInput): EventFrame[] {
  const tax = taxonomy();
  const { article, annotations: ann, trace } = input;
  const bySentence = new Map<number, TriggerMention[]>();
  for (const t of [...(ann.triggers ?? EMPTY)].sort((a, b) => a.span.start - b.span.start)) {
    if (t.modality !== "asserted") {
      trace?.note(`frame.drop.${t.modality}`, t.span, `a ${t.modality} trigger reports no event`);
      continue;
    }
    const list = bySentence.get(t.sentence);
    if (list) list.push(t);
    else bySentence.set(t.sentence, [t]);
  }
  const idx = new ArticleIndex(article, tax, bySentence.keys());
  let nextId = 0;
  const groups: Draft[] = [];
  for (const s of [...bySentence.keys()].sort((a, b) => a - b)) {
    for (const g of sentenceGroups(tax, idx, bySentence.get(s) as TriggerMention[], () => nextId++)) {
      const veto = vetoOf(tax, g);
      if (veto?.kind === "drop") {
        trace?.note(`frame.veto.${veto.cls}`, g.triggers[0]!.span, "no political violence in this sentence");
        continue;
      }
      if (veto?.kind === "background") g.otherEvent = "earlier";
      if (veto?.kind === "rule-out") g.vetoed = veto.cls;
      groups.push(g);
    }
  }
  ownTimeOfLead(article, groups, trace);
  const relative = attachPlacesAndDates(idx, groups, ann.places ?? EMPTY, ann.dates ?? EMPTY, ann.actors ?? EMPTY);
  const merged = mergeAcrossSentences(
    tax,
    groups,
    trace,
    (d) => refersBack(idx, d),
    headlineTokens(article) > 0,
    (d) => opensWithItsTime(idx, d),
  ).filter((d) => {
    if (!ruleOutHolds(tax, d)) return true;
    trace?.note(`frame.veto.${d.vetoed}`, d.triggers[0]!.span, "the event is explained as no political violence");
    return false;
  });
  const origin = originTest(idx);
  const dateline = datelinePlace(input, idx);
  // Both are asked many times per draft while drafts are compared; a merge changes the draft's
  // triggers and places, so an answer is kept with the counts it was computed from.
  const locate = memo(
    (d) =>
      chooseLocation(
        d.places,
        origin,
        (p) => d.weakPlaces.has(p),
        (p) => p === dateline,
      ),
    (d) => d.places.length,
  );
  const subType = memo(
    (d) => typeOf(tax, typingCues(tax, d.triggers))?.info.name ?? null,
    (d) => d.triggers.length,
  );
  const consolidated = foldCountryLevel(
    tax,
    consolidateByPlace(tax, merged, (d) => townKey(locate(d)), subType, trace),
    (d) => locate(d)?.place ?? null,
    trace,
  );
  const drafts = keepOutOfOrdinaryStories(
    tax,
    article,
    keepPolitical(
      tax,
      foldPlaceless(tax, consolidated, (d) => locate(d) !== null, trace),
      subType,
      trace,
    ),
    subType,
    trace,
  );

  let main = decideRoles(article, tax, drafts, absoluteDate);
  resolveRelativeDates(relative, main, trace);
  main = decideRoles(article, tax, drafts, (d) => absoluteDate(d) ?? d.dates[0] ?? null);
  attachRest(
    tax,
    idx,
    drafts,
    main,
    {
      figures: ann.figures ?? EMPTY,
      roles: ann.roles ?? EMPTY,
      claims: ann.claims ?? EMPTY,
      sources: ann.sources ?? EMPTY,
    },
    trace,
  );

  const located = new Map<Draft, { location: EventLocation | null; rule: string | null }>();
  for (const d of drafts) located.set(d, { location: locate(d), rule: null });
  inheritLocations(drafts, located);
  const sites = new Map(drafts.map((d) => [d, findSite(article, tax, idx, d)] as const));
  // The first placed event of each standing at each kind of site.
  const placedAtSite = new Map<string, Draft>();
  for (const d of drafts) {
    const site = sites.get(d);
    const key = site ? `${d.role}|${site.name}` : null;
    if (key && located.get(d)?.location && !placedAtSite.has(key)) placedAtSite.set(key, d);
  }
  const frames: { frame: EventFrame; order: number }[] = [];
  for (const d of drafts) {
    const cues = typingCues(tax, d.triggers);
    if (bomberAmongDead(d, cues)) cues.add("suicide");
    let typed = typeOf(tax, cues);
    if (!typed) continue;
    if (assaultWithHostages(d, typed)) {
      const assault = typeOf(tax, new Set([...cues].filter((c) => !HOSTAGE_CUES.has(c))));
      if (assault && ASSAULT_TYPES.has(assault.info.name)) typed = assault;
    }
    let { location, rule: locationRule } = located.get(d) ?? { location: null, rule: null };
    if (!location && dateline && d.role === "reported") {
      location = { place: dateline, precision: placePrecision(dateline.featureType) };
      locationRule = "location.dateline";
    }
    const site = sites.get(d) ?? null;
    if (!location && site) {
      // "Hundreds of demonstrators gathered outside the cathedral": the site of an event the article
      // has placed ("a bomb blast ripped through a Coptic church" in Cairo) places this one too.
      const same = placedAtSite.get(`${d.role}|${site.name}`);
      if (same) {
        location = located.get(same)?.location ?? null;
        locationRule = "location.same-site";
      }
    }
    const frame = toFrame(
      article,
      tax,
      d,
      typed,
      cues,
      location,
      locationRule ?? (location ? null : "location.none"),
      site,
    );
    frames.push({ frame, order: d.role === "reported" ? salience(d) : 1e9 + (d.sentences[0] ?? 0) });
  }
  return withoutStrayMentions(
    frames.sort((a, b) => a.order - b.order).map((f) => f.frame),
    trace,
  );
}

/**
 * ACLED codes no event without a place: beside a reported event the article places, a reported
 * mention that found no place, no date and no one who did it or was hit ("reports of widespread
 * atrocities, men shot and women raped", told in a rally's story) is a remark, not an event. The
 * article's lead event is always kept.
 */
function withoutStrayMentions(frames: EventFrame[], trace: StageInput["trace"]): EventFrame[] {
  if (!frames.some((f) => f.role === "reported" && f.location)) return frames;
  return frames.filter((f, i) => {
    const stray =
      i > 0 &&
      f.role === "reported" &&
      !f.location &&
      !f.date &&
      f.perpetratorOrgs.length + f.perpetratorIndividuals.length + f.victims.length + f.targets.length === 0;
    if (stray)
      trace?.note(
        "frame.drop.stray",
        f.triggers[0]!.span,
        "no place, time or participant beside placed events: a remark",
      );
    return !stray;
  });
}

/** Event frames: the article's reported events first (the main one leading), then the ones it recalls. */
export const eventsStage: Stage<"events"> = {
  name: "events",
  requires: ["places", "dates", "sources", "figures", "actors", "triggers", "roles", "claims"],
  provides: ["events"],
  run: (input) => ({ events: assembleEvents(input) }),
};
