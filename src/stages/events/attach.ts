import type {
  ClaimMention,
  DateMention,
  FigureMention,
  PlaceMention,
  RoleFiller,
  SourceMention,
} from "../../core/annotations.js";
import type { Span } from "../../core/span.js";
import type { Tracer } from "../../pipeline/stage.js";
import type { Taxonomy } from "../../taxonomy/load.js";
import type { ArticleIndex } from "./article-index.js";
import type { Draft } from "./draft.js";
import { SentenceDrafts } from "./nearest.js";

/** A date given against another event ("a week after another attack"), resolved once events are dated. */
export interface RelativeDate {
  readonly mention: DateMention;
  /** The event the date is reckoned from: the one the sentence is about, before the mention. */
  readonly from: Draft | null;
  readonly to: Draft;
}

function index(idx: ArticleIndex, drafts: readonly Draft[]): SentenceDrafts {
  const sd = new SentenceDrafts(idx);
  for (const d of drafts) for (const t of d.triggers) sd.add(d, t);
  return sd;
}

/**
 * Places and dates go to the event of their sentence whose trigger is nearest (an item after its
 * trigger is preferred: "a bombing at a mosque in Kandahar"). A date a reporting word separates
 * from the trigger dates the report ("On Saturday, IS claimed ... a bombing"), not the event. A
 * date against another event ("a week after another attack") dates the event after it.
 */
export function attachPlacesAndDates(
  idx: ArticleIndex,
  groups: readonly Draft[],
  places: readonly PlaceMention[],
  dates: readonly DateMention[],
  actors: readonly { span: Span }[],
): RelativeDate[] {
  const sd = index(idx, groups);
  const inName = insideActor(actors);
  // Places of a sentence that tells no event, and sentences whose events got a place of their own.
  const setting = new Map<number, PlaceMention[]>();
  const placed = new Set<number>();
  for (const p of places) {
    // "Kurdistan" in "the Kurdistan Workers Party" names a group, not where the event happened.
    if (inName(p.span)) continue;
    const s = idx.sentenceOf(p.span);
    const d = sd.nearest(s, idx.tokenOf(p.span.start), { from: laterPartFrom(idx, s, idx.tokenOf(p.span.start)) });
    if (!d) {
      if (SETTING.has(p.featureType) && setsScene(idx, p)) setting.set(s, [...(setting.get(s) ?? []), p]);
      continue;
    }
    placed.add(s);
    d.places.push(p);
    if (!idx.locative(p.span)) d.weakPlaces.add(p);
  }
  // "The chain of events began when a patrol received reports of a house fire in the town of
  // Qatraneh. The officers responding to the call came under fire": a sentence that sets the scene
  // places the events of the next sentence of its paragraph when that one names no place.
  for (const [s, ps] of setting) {
    if (placed.has(s + 1) || idx.paragraphOf(s + 1) !== idx.paragraphOf(s)) continue;
    const d = sd.drafts(s + 1)[0];
    if (d) d.places.push(...ps);
  }
  const relative: RelativeDate[] = [];
  // The day heading a sentence that tells no event, by sentence.
  const day = new Map<number, DateMention>();
  for (const m of dates) {
    const s = idx.sentenceOf(m.span);
    const tok = idx.tokenOf(m.span.start);
    if (namesStreet(idx, m)) continue;
    // "10/15/2021: An assailant detonated ...": a date heading its sentence before a colon (incident
    // summaries, chronologies) dates the sentence's events however far their words are.
    const heads =
      tok === idx.article.sentences[s]?.firstToken && idx.article.tokens.key[idx.tokenOf(m.span.end - 1) + 1] === ":";
    if (heads && !sd.has(s) && m.anchor !== "event") day.set(s, m);
    if (m.anchor === "event") {
      const to = sd.nearest(s, idx.tokenOf(m.span.end - 1), { beforePenalty: 0.2, reach: 12 });
      const from = sd.nearest(s, tok, { beforePenalty: 10, reach: 30 });
      if (to) relative.push({ mention: m, from: from === to ? null : from, to });
      continue;
    }
    const d = sd.nearest(s, tok, {
      skipReported: true,
      reach: heads ? Infinity : 20,
      from: laterPartFrom(idx, s, tok),
    });
    if (d && datesTheStatement(idx, tok)) d.statementDates.add(m);
    d?.dates.push(m);
    d?.dateSentence.set(m, s);
  }
  // "08/17/2017: An assailant drove a van into pedestrians along Las Ramblas. At least 13 people
  // were killed in the attack.": the date heading a sentence that tells no event dates the events
  // of the next sentence of its paragraph when they have none.
  for (const [s, m] of day) {
    if (idx.paragraphOf(s + 1) !== idx.paragraphOf(s)) continue;
    const next = sd.drafts(s + 1);
    if (next.length === 0 || next.some((d) => d.dates.length > 0)) continue;
    (next[0] as Draft).dates.push(m);
    (next[0] as Draft).dateSentence.set(m, s + 1);
  }
  return relative;
}

/**
 * "The strike came a day after Israeli tanks pushed deeper into Rafah, where ...": a place or date
 * after the "after" belongs to the earlier event told there, not to the strike before it. The
 * token from which triggers may take the item at `tok`, or undefined.
 */
function laterPartFrom(idx: ArticleIndex, s: number, tok: number): number | undefined {
  const after = idx.cameAfter(s);
  return after >= 0 && tok > after ? after : undefined;
}

/**
 * "The OPCW said on Wednesday that the Syrian air force was responsible for a chlorine attack",
 * "the army said on Monday it had killed about 100 jihadists": a date right after a reporting
 * word dates the statement.
 */
function datesTheStatement(idx: ArticleIndex, first: number): boolean {
  const t = idx.article.tokens;
  return idx.reportingAt(t.key[first - 1] === "on" ? first - 2 : first - 1);
}

/** Kinds of place a scene-setting sentence hands to the next one: towns, districts and sites. */
const SETTING: ReadonlySet<PlaceMention["featureType"]> = new Set(["city", "admin2", "site"]);
const SCENE_WORDS = new Set([
  "in",
  "at",
  "near",
  "outside",
  "inside",
  "to",
  "into",
  "across",
  "around",
  "throughout",
  "within",
]);
/** Before "of": "the town of Qatraneh", "west of Boston". */
const TOWN_WORDS = new Set([
  "town",
  "village",
  "city",
  "district",
  "area",
  "north",
  "south",
  "east",
  "west",
  "outskirts",
]);

/** "in Mastung", "in the town of Qatraneh": a place told as where something happens, not "a London vigil". */
function setsScene(idx: ArticleIndex, p: PlaceMention): boolean {
  const t = idx.article.tokens;
  const tok = idx.tokenOf(p.span.start);
  const k1 = t.key[tok - 1] as string;
  const k2 = t.key[tok - 2] as string;
  // "in northern Kandahar", "to the capital": one determiner or adjective may stand between.
  const between = t.pos[tok - 1] === "DET" || t.pos[tok - 1] === "ADJ";
  return SCENE_WORDS.has(k1) || (between && SCENE_WORDS.has(k2)) || (k1 === "of" && TOWN_WORDS.has(k2));
}

/** Whether a span lies inside an actor's name: binary search over the actor spans, sorted once. */
function insideActor(actors: readonly { span: Span }[]): (span: Span) => boolean {
  const spans = actors.map((a) => a.span).sort((a, b) => a.start - b.start);
  return (span) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((spans[mid] as Span).start <= span.start) lo = mid + 1;
      else hi = mid;
    }
    // Names do not nest, so only the last one starting at or before the span can hold it.
    const a = spans[lo - 1];
    return a !== undefined && a.start <= span.start && span.end <= a.end && a.end - a.start > span.end - span.start;
  };
}

/** "9 October Avenue", "25 January Square": a date followed by a street word names a street. */
function namesStreet(idx: ArticleIndex, m: DateMention): boolean {
  const next = idx.tokenOf(m.span.end - 1) + 1;
  if (next >= idx.article.tokens.count) return false;
  return idx.tax.sites.longestAt(idx.article.tokens, next, next + 1)?.values[0] === "street";
}

const DAY = 864e5;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const FINENESS: Readonly<Record<DateMention["precision"], number>> = { day: 0, week: 1, month: 2, year: 3 };

/**
 * The date of a draft read against the calendar or the publication: the finest one ("on Friday"
 * beats "in 2016"), the earliest told among equals.
 */
export function absoluteDate(d: Draft): DateMention | null {
  return eventDate(d, false) ?? eventDate(d, true);
}

function eventDate(d: Draft, statements: boolean): DateMention | null {
  let best: DateMention | null = null;
  const lead = d.sentences[0];
  for (const m of d.dates) {
    if (m.anchor === "event" || d.statementDates.has(m) !== statements) continue;
    // A bare year told in a later sentence ("a series of bombings in 2016") dates a summary, not the event.
    if (m.precision === "year" && d.dateSentence.get(m) !== lead) continue;
    if (!best || FINENESS[m.precision] < FINENESS[best.precision]) best = m;
  }
  return best;
}

/** Dates the events that a relative date points to, from the event it is reckoned from (else the main event). */
export function resolveRelativeDates(
  relative: readonly RelativeDate[],
  main: Draft | null,
  trace: Tracer | null,
): void {
  for (const r of relative) {
    if (absoluteDate(r.to)) continue;
    const base = (r.from && absoluteDate(r.from)) ?? (main && main !== r.to ? absoluteDate(main) : null);
    // Days counted from a month or a year give no day.
    if (!base || r.mention.offsetDays === undefined || base.precision === "month" || base.precision === "year")
      continue;
    const day = iso(Date.parse(base.start) + r.mention.offsetDays * DAY);
    r.to.dates.push({ ...r.mention, start: day, end: day, rule: `${r.mention.rule}>from-event` });
    trace?.note("frame.date.relative", r.mention.span, `${r.mention.offsetDays} days from ${base.start}: ${day}`);
  }
}

export interface Attachable {
  readonly figures: readonly FigureMention[];
  readonly roles: readonly RoleFiller[];
  readonly claims: readonly ClaimMention[];
  readonly sources: readonly SourceMention[];
}

/**
 * The event an item of sentence `s` belongs to: the nearest trigger's event in its sentence, else
 * the latest event told earlier in its paragraph, else the article's main event (its first event
 * when all are recalled ones) — so that a role filler or a toll given in a sentence of its own
 * still lands in an event.
 */
function owner(
  idx: ArticleIndex,
  sd: SentenceDrafts,
  lastBySentence: (s: number) => Draft | null,
  main: Draft | null,
  fallback: Draft | null,
  span: Span,
  s: number,
): { d: Draft | null; how: string } {
  const d = sd.nearest(s, idx.tokenOf(span.start));
  if (d) return { d, how: "sentence" };
  const prev = lastBySentence(s);
  if (prev) return { d: prev, how: "paragraph" };
  return { d: main ?? fallback, how: "main" };
}

/** Words with which a claimant goes on to say more: "..., adding that they had killed 40 soldiers". */
const CLAIMANT_GOES_ON = new Set(["adding", "added", "saying", "said", "claiming", "claimed", "boasting", "boasted"]);

/** Attaches figures, role fillers, claims and sources to the assembled events. */
export function attachRest(
  tax: Taxonomy,
  idx: ArticleIndex,
  drafts: readonly Draft[],
  main: Draft | null,
  items: Attachable,
  trace: Tracer | null,
): void {
  const sd = index(idx, drafts);
  // The latest event of each paragraph up to each sentence: one pass over the sentences.
  const latest: (Draft | null)[] = new Array(idx.article.sentences.length).fill(null);
  let current: Draft | null = null;
  let paragraph = -1;
  const firstSentence = new Map<Draft, number>();
  for (const d of drafts) firstSentence.set(d, d.sentences[0] ?? 0);
  for (let s = 0; s < latest.length; s++) {
    const p = idx.paragraphOf(s);
    if (p !== paragraph) {
      current = null;
      paragraph = p;
    }
    latest[s] = current;
    const here = sd.drafts(s);
    if (here.length) current = here[here.length - 1] as Draft;
  }
  const lastBySentence = (s: number) => latest[s] ?? null;

  // "Al Shabaab said ... its fighters had carried out the attack, adding that they had killed 40
  // soldiers": a toll the claimant goes on to give is its own, which UCDP and ACLED do not take
  // for the count ("claimed responsibility for a bombing that killed 41" is the story's toll).
  const claimedFrom = new Map<number, number>();
  const t = idx.article.tokens;
  for (const c of items.claims) {
    if (c.kind !== "claim" || claimedFrom.has(c.sentence)) continue;
    const stop = idx.article.sentences[c.sentence]?.endToken ?? 0;
    for (let k = idx.tokenOf(c.span.end - 1) + 1; k < stop; k++)
      if (CLAIMANT_GOES_ON.has(t.key[k] as string)) {
        claimedFrom.set(c.sentence, t.start[k] as number);
        break;
      }
  }
  for (const f of items.figures) {
    const s = idx.sentenceOf(f.span);
    const claim = claimedFrom.get(s);
    if (claim !== undefined && f.span.start > claim) {
      trace?.note("frame.figure.claimant", f.span, "a toll the claimant gives is not counted");
      continue;
    }
    owner(idx, sd, lastBySentence, main, drafts[0] ?? null, f.span, s).d?.figures.push(f);
  }
  for (const r of items.roles) {
    const { d, how } = owner(idx, sd, lastBySentence, main, drafts[0] ?? null, r.span, r.sentence);
    if (!d) continue;
    if (r.role.startsWith("perpetrator") && isReporter(tax, idx, r.span, items.sources)) {
      trace?.note(
        "frame.drop.reporter-as-perpetrator",
        r.span,
        "who reports or comments on an event is not its perpetrator",
      );
      continue;
    }
    if (how !== "sentence")
      trace?.note(`frame.role.${how}`, r.span, `${r.role} given to the event of sentence ${d.sentences[0]}`);
    d.roles.push(r);
  }
  for (const c of items.claims) {
    const d = owner(idx, sd, lastBySentence, main, drafts[0] ?? null, c.span, c.sentence).d;
    // "X claimed responsibility for the incident" after the story has told what followed (the
    // rescue, the hostages' release, the attackers killed elsewhere): the claim is about the
    // event the article reports, not the last one told.
    if (c.anaphoric && main && d && d !== main && d.role === "reported" && main.role === "reported") {
      trace?.note(
        "frame.claim.anaphoric",
        c.span,
        `refers back: given to the main event (sentence ${main.sentences[0]})`,
      );
      main.claims.push(c);
    } else d?.claims.push(c);
  }
  for (const src of items.sources) {
    const d = sd.nearest(src.sentence, idx.tokenOf(src.span.start));
    if (d) d.sources.push(src);
    else if (src.kind === "outlet") {
      // An outlet the article cites anywhere reports its own events.
      for (const e of drafts) if (e.role === "reported") e.sources.push(src);
    } else main?.sources.push(src);
  }
}

function isReporter(tax: Taxonomy, idx: ArticleIndex, span: Span, sources: readonly SourceMention[]): boolean {
  // An organisation cited as a source may well be the perpetrator ("IS said in a statement"); an outlet or an official is not.
  for (const s of sources) {
    if (s.kind !== "organisation" && s.span.start < span.end && span.start < s.span.end) return true;
  }
  const first = idx.tokenOf(span.start);
  const last = idx.tokenOf(Math.max(span.start, span.end - 1));
  return tax.reporters.findAll(idx.article.tokens, first, last + 1).length > 0;
}
