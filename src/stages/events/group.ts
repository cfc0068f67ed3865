import type { PlaceMention, TriggerMention } from "../../core/annotations.js";
import type { Tracer } from "../../pipeline/stage.js";
import { compatible } from "../../taxonomy/cues.js";
import type { Taxonomy } from "../../taxonomy/load.js";
import { familyOf } from "../../taxonomy/typing.js";
import type { ArticleIndex } from "./article-index.js";
import { addTrigger, newDraft, pastMark, type Draft } from "./draft.js";

/** How many earlier events a new mention is compared with: bounded, so merging stays linear. */
const LOOKBACK = 8;
/**
 * How many sentences after an event's last mention an unplaced mention may still be about it;
 * further on, a mention joins it only by naming its place (stories move on to history and context).
 */
const GAP = 8;

/** Another event the story reports (not one it recalls) was told after `e` was last told. */
function toldSince(events: readonly Draft[], e: Draft): boolean {
  const last = e.sentences[e.sentences.length - 1] as number;
  for (let k = events.length - 1; k >= Math.max(0, events.length - LOOKBACK); k--) {
    const o = events[k] as Draft;
    if (o !== e && !pastMark(o.otherEvent) && (o.sentences[o.sentences.length - 1] as number) > last) return true;
  }
  return false;
}

/**
 * An undated event the lead tells once and the story never tells again as its own: in a
 * subordinate clause, as the cause or occasion of the one reported ("Police arrest suspects after
 * Kabul blast"), or as the headline of a story about an earlier event ("Syrian government accused
 * of chlorine attack" over the attack of April 2018).
 */
const toldOnlyInLead = (e: Draft, headline: boolean): boolean =>
  (e.subordinate || headline) && e.dates.length === 0 && e.sentences.length === 1 && e.sentences[0] === 0;

/** Marks that let two mentions be one event: the same, or "another" beside none (it is a mark of the sentence). */
function sameStanding(a: Draft["otherEvent"], b: Draft["otherEvent"]): boolean {
  if (a === b) return true;
  return (a === null && b === "distinct") || (a === "distinct" && b === null);
}

/** Every family of `from` is one of `into`'s or joins one of them (seized weapons join a clash; a protest does not join an attack). */
function joinsInto(tax: Taxonomy, from: Iterable<string>, into: ReadonlySet<string>): boolean {
  for (const f of from) {
    if (into.has(f)) continue;
    if (!(tax.joins.get(f) ?? []).some((g) => into.has(g))) return false;
  }
  return true;
}

export function familiesMeet(tax: Taxonomy, a: Iterable<string>, b: Iterable<string>): boolean {
  const bs = [...b];
  for (const f of a) for (const g of bs) if (compatible(tax, f, g)) return true;
  return false;
}

/**
 * The events of one sentence: its triggers grouped by family (an attack and the arrests after it
 * are two ACLED events; the tear gas at a protest is part of the protest), a trigger placed in
 * another event by its words ("after another attack") or in a subordinate clause about another
 * event ("students rioted after police shot a student") kept apart, and the casualty words ("dead",
 * "injured") given to the nearest group of violence (not to a prisoner exchange "of dead fighters").
 */
export function sentenceGroups(
  tax: Taxonomy,
  idx: ArticleIndex,
  triggers: readonly TriggerMention[],
  nextId: () => number,
): Draft[] {
  const groups: Draft[] = [];
  const harm: TriggerMention[] = [];
  for (const t of triggers) {
    const family = familyOf(tax, t.cue ?? "attack");
    if (family === "any") {
      harm.push(t);
      continue;
    }
    const other = t.otherEvent ?? null;
    const sub = t.subordinate === true;
    // A clause about another event ("rioted after police shot a student") is an event of its own;
    // "In another attack, gunmen fired on a patrol": the mark of another event covers the sentence.
    const g = groups.find(
      (d) => sameStanding(d.otherEvent, other) && d.subordinate === sub && familiesMeet(tax, [family], d.families),
    );
    if (g) {
      addTrigger(g, t, family);
      if (other === "distinct") g.otherEvent = "distinct";
    } else groups.push(newDraft(nextId(), t, family));
  }
  foldFightingIntoTakeover(groups);
  foldCrowdIntoCrowd(tax, groups);
  joinCasualtyWords(tax, idx, groups, harm, nextId);
  return groups;
}

const TAKEOVER = new Set(["regain", "capture.territory"]);

/** How a town changes hands, told in a subordinate clause beside its taking: the cue's family. */
const HOW_TAKEN = new Map([
  ["clash", "violence"],
  ["transfer", "transfer"],
]);

/**
 * Folds into the sentence's main-clause group that `isMain` picks every subordinate group of the
 * same standing whose triggers all have a family to join it with (`joinedAs`), given back per
 * trigger; such a subordinate clause tells part of the main event, not an event of its own.
 */
function foldSubordinateInto(
  groups: Draft[],
  isMain: (g: Draft) => boolean,
  joinedAs: (t: TriggerMention) => string | undefined,
): void {
  const main = groups.find((g) => !g.subordinate && isMain(g));
  if (!main) return;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === main || !g.subordinate || !sameStanding(g.otherEvent, main.otherEvent)) continue;
    if (!g.triggers.every((t) => joinedAs(t) !== undefined)) continue;
    for (const t of g.triggers) addTrigger(main, t, joinedAs(t) as string);
    groups.splice(i, 1);
  }
}

/**
 * "Soldiers recaptured the town after two days of fighting with ELN guerrillas", "Al Shabaab took
 * control of the town after government troops withdrew": the fighting or the withdrawal a
 * subordinate clause tells is how the town was taken, one ACLED event (Government regains
 * territory; Non-violent transfer of territory), not an earlier event of its own.
 */
function foldFightingIntoTakeover(groups: Draft[]): void {
  foldSubordinateInto(
    groups,
    (g) => g.triggers.some((t) => TAKEOVER.has(t.cue ?? "")),
    (t) => HOW_TAKEN.get(t.cue ?? ""),
  );
}

/**
 * "Rioters torch shops after clashes between communities": crowds told in a subordinate clause
 * beside the crowds of the main one are the same unrest, one ACLED event; "rioted after police
 * shot a student" stays two, the shooting being no crowd's.
 */
function foldCrowdIntoCrowd(tax: Taxonomy, groups: Draft[]): void {
  foldSubordinateInto(
    groups,
    (g) => g.families.has("demonstration"),
    (t) => (familyOf(tax, t.cue ?? "attack") === "demonstration" ? "demonstration" : undefined),
  );
}

/**
 * Gives each casualty word ("dead", "injured") to the group whose trigger is nearest it (one after
 * it counting half again as far) among the groups of violence or demonstration in its own kind of
 * clause; with none, it makes a group of its own. Two passes over the triggers in text order, so a
 * sentence of any length costs linear time.
 */
function joinCasualtyWords(
  tax: Taxonomy,
  idx: ArticleIndex,
  groups: Draft[],
  harm: readonly TriggerMention[],
  nextId: () => number,
): void {
  if (harm.length === 0) return;
  const joinable = tax.joins.get("any") ?? [];
  const positions: { token: number; group: Draft; sub: boolean }[] = [];
  for (const g of groups) {
    if (![...g.families].some((f) => joinable.includes(f))) continue;
    for (const m of g.triggers)
      positions.push({ token: idx.tokenOf(m.span.start), group: g, sub: m.subordinate === true });
  }
  positions.sort((a, b) => a.token - b.token);
  const tokens = harm.map((t) => idx.tokenOf(t.span.start));
  const before: ({ token: number; group: Draft } | null)[] = new Array(harm.length).fill(null);
  const after: ({ token: number; group: Draft } | null)[] = new Array(harm.length).fill(null);
  for (const sub of [false, true]) {
    let p = 0;
    let last: { token: number; group: Draft } | null = null;
    harm.forEach((t, i) => {
      if ((t.subordinate === true) !== sub) return;
      while (p < positions.length && (positions[p] as { token: number }).token <= (tokens[i] as number)) {
        const pos = positions[p++]!;
        if (pos.sub === sub) last = pos;
      }
      before[i] = last;
    });
    p = positions.length - 1;
    let next: { token: number; group: Draft } | null = null;
    for (let i = harm.length - 1; i >= 0; i--) {
      if ((harm[i]!.subordinate === true) !== sub) continue;
      while (p >= 0 && (positions[p] as { token: number }).token > (tokens[i] as number)) {
        const pos = positions[p--]!;
        if (pos.sub === sub) next = pos;
      }
      after[i] = next;
    }
  }
  const own = new Map<boolean, Draft>();
  harm.forEach((t, i) => {
    const tok = tokens[i] as number;
    const b = before[i];
    const a = after[i];
    const db = b ? tok - b.token : Infinity;
    const da = a ? (a.token - tok) * 1.5 : Infinity;
    const best = (db <= da ? b?.group : a?.group) ?? own.get(t.subordinate === true);
    if (best) addTrigger(best, t, "any");
    else {
      const g = newDraft(nextId(), t, "any");
      own.set(t.subordinate === true, g);
      groups.push(g);
    }
  });
}

const SPECIFIC = new Set(["city", "admin2"]);
/** A place the geoparser is unsure of ("St. Paul" in a church's name) does not keep two mentions apart. */
export const SURE_PLACE = 0.5;
const firm = (d: Draft, p: PlaceMention) => !d.weakPlaces.has(p) && p.confidence >= SURE_PLACE;
const LOCAL = new Set(["city", "admin2", "admin1"]);
const placeKey = (p: PlaceMention) => (p.geonameId !== null ? `g${p.geonameId}` : `${p.name}|${p.countryCode ?? ""}`);

function specificPlaces(d: Draft): Set<string> {
  return new Set(d.places.filter((p) => SPECIFIC.has(p.featureType) && firm(d, p)).map(placeKey));
}

function countries(d: Draft): Set<string> {
  return new Set(
    d.places
      .filter((p) => firm(d, p))
      .map((p) => p.countryCode)
      .filter((c): c is string => c !== null),
  );
}

const disjoint = (a: Set<string>, b: Set<string>) => a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));
const shares = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

/** A place lies in (or is) another: the same place, or a town in the province named. */
function within(p: PlaceMention, q: PlaceMention): boolean {
  if (placeKey(p) === placeKey(q)) return true;
  return (
    q.featureType === "admin1" &&
    p.countryCode === q.countryCode &&
    p.admin1 !== null &&
    (p.admin1 === q.admin1 || p.admin1 === q.name)
  );
}

/** Both drafts name towns, districts or provinces, and none of one lies in one of the other. */
function placesApart(a: Draft, b: Draft): boolean {
  const pa = a.places.filter((p) => LOCAL.has(p.featureType) && firm(a, p));
  const pb = b.places.filter((p) => LOCAL.has(p.featureType) && firm(b, p));
  if (pa.length === 0 || pb.length === 0) return false;
  return !pa.some((p) => pb.some((q) => within(p, q) || within(q, p)));
}

/** Why two drafts cannot be one event (ACLED: one place, one day), or null when they can. */
export function conflict(a: Draft, b: Draft): string | null {
  if (placesApart(a, b)) return "place";
  if (disjoint(countries(a), countries(b))) return "country";
  const da = a.dates.find((d) => d.precision === "day");
  const db = b.dates.find((d) => d.precision === "day");
  if (da && db && Math.abs(Date.parse(da.start) - Date.parse(db.start)) > 864e5) return "date";
  return null;
}

function sameDay(a: Draft, b: Draft): boolean {
  const da = a.dates.find((d) => d.precision === "day");
  const db = b.dates.find((d) => d.precision === "day");
  return da !== undefined && db !== undefined && da.start === db.start;
}

export function mergeInto(e: Draft, g: Draft): void {
  for (const t of g.triggers) addTrigger(e, t, [...g.families][0] ?? "any");
  for (const f of g.families) e.families.add(f);
  e.places.push(...g.places);
  for (const p of g.weakPlaces) e.weakPlaces.add(p);
  e.dates.push(...g.dates);
  for (const [m, s] of g.dateSentence) e.dateSentence.set(m, s);
  for (const m of g.statementDates) e.statementDates.add(m);
  e.how.push("coref");
  // A later sentence explaining the blast as an accident rules the whole event out.
  e.vetoed ??= g.vetoed;
}

/**
 * Joins the sentence groups that tell the same event ("a suicide bombing at a mosque in Kandahar"
 * ... "The strike on Friday" ... "separate strikes on various portions of the mosque"): a group
 * joins the latest earlier event of a compatible family with no conflicting place or day. A group
 * marked as another event ("another attack") starts its own; one marked as earlier ("last month's
 * bombing") joins only an earlier event; an unmarked mention joins an earlier event only when it
 * names the same place, else it is about the reported event. Casualty-only groups ("70 were
 * injured") join the latest event.
 */
export function mergeAcrossSentences(
  tax: Taxonomy,
  groups: readonly Draft[],
  trace: Tracer | null,
  refersBack: (d: Draft) => boolean = () => true,
  headline = false,
  opensWithItsTime: (d: Draft) => boolean = () => false,
): Draft[] {
  const events: Draft[] = [];
  for (const g of groups) {
    const harmOnly = g.families.size === 1 && g.families.has("any");
    let target: Draft | null = null;
    if (g.otherEvent !== "distinct") {
      for (let k = events.length - 1; k >= Math.max(0, events.length - LOOKBACK); k--) {
        const e = events[k] as Draft;
        // Groups of one sentence were kept apart on purpose; both may still be mentions of an earlier event.
        if (e.sentences[0] === g.sentences[0]) continue;
        if (harmOnly) {
          target = e;
          break;
        }
        // Across sentences a mention joins an event of its own family: a protest told in one
        // sentence is not the killing of civilians a speaker deplores in the next.
        if (![...g.families].some((f) => e.families.has(f))) continue;
        // A month-dated mention that names its event by a definite word ("issued a statement on 15
        // September ... defending the bombing") is about the event already told, not an earlier one.
        // "Police arrest suspects after Kabul blast ... in connection with a bombing at a Kabul mosque
        // last week": an undated event told only as the cause of another is the earlier one told next.
        const toldAsCause = toldOnlyInLead(e, headline);
        if (
          pastMark(g.otherEvent) &&
          !pastMark(e.otherEvent) &&
          !toldAsCause &&
          !(g.otherEvent === "calendar" && refersBack(g))
        )
          continue;
        const samePlace = shares(specificPlaces(g), specificPlaces(e));
        if (g.otherEvent === null && pastMark(e.otherEvent) && !samePlace) continue;
        // Recalled events are told in a sentence or two: a recalled mention further on that does not
        // name the same place is another recalled event ("since 2017, when a general was killed ...
        // In April, more than two dozen fighters were killed").
        const lastOfE = e.sentences[e.sentences.length - 1] as number;
        if (pastMark(g.otherEvent) && pastMark(e.otherEvent) && !samePlace && (g.sentences[0] as number) - lastOfE > 1)
          continue;
        // "In 2020, Boko Haram fighters killed 110 rice farmers at Koshobe": a recalled event told
        // under a time of its own is another one than the recalled event just told elsewhere
        if (pastMark(g.otherEvent) && pastMark(e.otherEvent) && !samePlace && opensWithItsTime(g)) continue;
        if ((g.sentences[0] as number) - (e.sentences[e.sentences.length - 1] as number) > GAP && !samePlace) continue;
        const why = conflict(g, e);
        if (why) {
          trace?.note(
            "frame.no-merge",
            g.triggers[0]!.span,
            `not the event of sentence ${e.sentences[0]}: different ${why}`,
          );
          continue;
        }
        // The story has gone back to another of its events since this one was last told: a mention
        // that does not name its place is about that one, or the lead, not this one.
        if (k > 0 && !samePlace && !(toldAsCause && pastMark(g.otherEvent)) && toldSince(events, e)) continue;
        target = e;
        break;
      }
    }
    const continued = harmOnly ? null : continuation(tax, events, g, refersBack);
    if (continued) {
      // It goes on telling the recalled event: that event stays told as it was first told.
      trace?.note(
        "frame.coref",
        g.triggers[0]!.span,
        `goes on telling the event of sentence ${continued.sentences[0]}`,
      );
      const subordinate = continued.subordinate;
      mergeInto(continued, g);
      continued.subordinate = subordinate;
    } else if (target) {
      trace?.note("frame.coref", g.triggers[0]!.span, `same event as the one in sentence ${target.sentences[0]}`);
      if (pastMark(g.otherEvent) && !pastMark(target.otherEvent) && toldOnlyInLead(target, headline))
        target.otherEvent = g.otherEvent;
      mergeInto(target, g);
    } else if (harmOnly || g.vetoed) {
      trace?.note("frame.drop.casualties-only", g.triggers[0]!.span, "casualty words with no event to join");
    } else events.push(g);
  }
  return events;
}

/**
 * "...after a series of attacks left 130 people dead throughout Paris on November 13, 2015. The
 * terrorists struck in coordinated attacks at the Stade de France": a mention with no time of its
 * own in the sentence right after a recalled event goes on telling that event, when the story has
 * told no event of its own of that kind, or when the mention names no place and does not point back
 * with a definite word ("Germany suffered a spate of attacks over the summer. Ten people were killed
 * in separate gun, bomb, axe and machete attacks"; not "... The blast destroyed the bus").
 */
function continuation(
  tax: Taxonomy,
  events: readonly Draft[],
  g: Draft,
  refersBack: (d: Draft) => boolean,
): Draft | null {
  if (g.otherEvent !== null || g.dates.length > 0) return null;
  const s = g.sentences[0] as number;
  let prev: Draft | undefined;
  for (let k = events.length - 1; k >= Math.max(0, events.length - LOOKBACK); k--) {
    const e = events[k] as Draft;
    if (e.sentences[e.sentences.length - 1] === s - 1) {
      prev = e;
      break;
    }
  }
  if (!prev || !pastMark(prev.otherEvent)) return null;
  if (![...g.families].some((f) => prev.families.has(f)) || conflict(g, prev)) return null;
  if (g.places.length === 0 && !refersBack(g)) return prev;
  for (let k = events.length - 1; k >= Math.max(0, events.length - LOOKBACK); k--) {
    const e = events[k] as Draft;
    if (!pastMark(e.otherEvent) && familiesMeet(tax, g.families, e.families)) return null;
  }
  return prev;
}

/**
 * ACLED codes one event per actor pair, place and day: the attacks a story tells one by one in the
 * same town ("In another attack, gunmen fired on a patrol in Karak ... In a third incident, armed
 * men opened fire on a police station in Karak") are one event. Events of a compatible family at
 * the same town, with no conflicting day and the same standing (both reported or both recalled),
 * are merged; each is compared with the last few at its town only, so the pass stays linear.
 */
export function consolidateByPlace(
  tax: Taxonomy,
  drafts: readonly Draft[],
  townOf: (d: Draft) => string | null,
  typeOfDraft: (d: Draft) => string | null,
  trace: Tracer | null,
): Draft[] {
  const byTown = new Map<string, Draft[]>();
  const out: Draft[] = [];
  for (const d of drafts) {
    const town = townOf(d);
    const list = town ? (byTown.get(town) ?? []) : [];
    let target: Draft | null = null;
    for (let k = list.length - 1; k >= Math.max(0, list.length - LOOKBACK); k--) {
      const e = list[k] as Draft;
      if (!sameStanding(e.otherEvent, d.otherEvent) || !familiesMeet(tax, d.families, e.families) || conflict(d, e))
        continue;
      // Without a shared day, only mentions of the same kind of event are taken for one.
      if (!sameDay(d, e) && typeOfDraft(d) !== typeOfDraft(e)) continue;
      target = e;
      break;
    }
    if (target) {
      trace?.note(
        "frame.same-place",
        d.triggers[0]!.span,
        `same place as the event of sentence ${target.sentences[0]}: one ACLED event`,
      );
      mergeInto(target, d);
      continue;
    }
    out.push(d);
    if (town) byTown.set(town, [...list, d]);
  }
  return out;
}

/**
 * "The White House condemned the assassination ... attacks in Turkey": an event placed only at a
 * country, beside an event whose families hold its own, placed in a town, district or province of that
 * country with the same standing and no conflicting day, is a wider mention of that event, not an
 * event of its own. `placeOf` gives a draft's chosen place; the event first told wins.
 */
export function foldCountryLevel(
  tax: Taxonomy,
  drafts: readonly Draft[],
  placeOf: (d: Draft) => PlaceMention | null,
  trace: Tracer | null,
): Draft[] {
  const local = new Map<string, Draft[]>();
  for (const d of drafts) {
    const p = placeOf(d);
    if (!p || !p.countryCode || !(LOCAL.has(p.featureType) || p.featureType === "site")) continue;
    const list = local.get(p.countryCode);
    if (list) list.push(d);
    else local.set(p.countryCode, [d]);
  }
  const out: Draft[] = [];
  for (const d of drafts) {
    const p = placeOf(d);
    if (p?.featureType === "country" && p.countryCode && d.otherEvent !== "distinct") {
      const target = (local.get(p.countryCode) ?? [])
        .slice(0, LOOKBACK)
        .find((e) => e.otherEvent === d.otherEvent && joinsInto(tax, d.families, e.families) && !conflict(d, e));
      if (target) {
        trace?.note(
          "frame.country-level",
          d.triggers[0]!.span,
          `told at ${p.name} only: the event of sentence ${target.sentences[0]} in that country`,
        );
        mergeInto(target, d);
        continue;
      }
    }
    out.push(d);
  }
  return out;
}

/** Who takes part in a demonstration, or acts against it: protesters, crowds, police, tear gas, live fire. */
const AT_A_DEMONSTRATION = new Set([
  "a.protester",
  "a.crowd",
  "a.state",
  "agent.state",
  "c.intervene",
  "c.lethal",
  "c.violent",
]);

/**
 * Violence told in a later sentence belongs to a demonstration only when it involves its people or
 * the police ("police fired tear gas at the marchers"), not when a speaker at a rally tells of
 * atrocities elsewhere ("men shot and women raped"); a toll told with no one who did it ("five people
 * were killed") is the demonstration's.
 */
function partOfDemonstration(d: Draft, e: Draft): boolean {
  if (!d.families.has("violence") || e.families.has("violence") || !e.families.has("demonstration")) return true;
  if (casualtiesOnly(d)) return true;
  return d.triggers.some((t) => (t.context ?? []).some((c) => AT_A_DEMONSTRATION.has(c)));
}

const CASUALTY_CUES = new Set(["kill", "harm"]);

/** "At least five people were killed and 70 injured": a toll with no one who did it. */
function casualtiesOnly(d: Draft): boolean {
  return d.triggers.every(
    (t) =>
      CASUALTY_CUES.has(t.cue ?? "") && !(t.context ?? []).some((c) => c.startsWith("agent.") || c.startsWith("a.")),
  );
}

/**
 * ACLED codes no event without a place: a mention that found neither place nor date of its own
 * ("In a third incident, armed men opened fire on a police station", the town unrecognised) and is
 * not the article's lead is folded into the latest earlier event it can share a frame with (the
 * weapons seized after a clash are part of the clash).
 */
export function foldPlaceless(
  tax: Taxonomy,
  drafts: readonly Draft[],
  hasPlace: (d: Draft) => boolean,
  trace: Tracer | null,
): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    if (out.length > 0 && !hasPlace(d) && d.dates.length === 0) {
      let target: Draft | null = null;
      for (let k = out.length - 1; k >= Math.max(0, out.length - LOOKBACK); k--) {
        const e = out[k] as Draft;
        if (e.sentences[0] === d.sentences[0]) continue;
        if (
          sameStanding(e.otherEvent, d.otherEvent) &&
          joinsInto(tax, d.families, e.families) &&
          partOfDemonstration(d, e)
        ) {
          target = e;
          break;
        }
      }
      if (target) {
        trace?.note(
          "frame.fold-placeless",
          d.triggers[0]!.span,
          `no place of its own: told as part of the event of sentence ${target.sentences[0]}`,
        );
        mergeInto(target, d);
        continue;
      }
    }
    out.push(d);
  }
  return out;
}
