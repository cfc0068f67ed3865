import type { Article } from "../../core/article.js";
import type { TriggerMention } from "../../core/annotations.js";
import type { SentenceView } from "./sentence-view.js";

/** The furthest any modality or background cue reaches (the largest window in the lexicons). */
const REACH = 8;

export interface ModalityDecision {
  readonly modality: TriggerMention["modality"];
  /** The rule that decided, for the trace ("modality.negated:no"), or null when asserted. */
  readonly rule: string | null;
}

const toModality = (kind: string): TriggerMention["modality"] => (kind === "negated" ? "negated" : "hypothetical");

/**
 * Whether the trigger in tokens [first, end) reports a real event: a cue within its window on the
 * same side and in the same clause makes it negated ("no one was hurt", "denied carrying out the
 * attack") or hypothetical ("threatened to attack", "could strike", "attacks on Shiites are
 * common"); an infinitive trigger ("plans to attack") is hypothetical unless a verb like "began"
 * makes it real. Only a bounded window is read, so the cost does not grow with the sentence.
 */
export function modalityOf(article: Article, view: SentenceView, first: number, end: number): ModalityDecision {
  const stop = Math.max(view.first, first - REACH);
  for (let j = first - 1; j >= stop; j--) {
    const hit = view.modalEndingAt(j);
    if (hit && hit.value.kind !== "ignore" && hit.value.side !== "after" && first - hit.end <= hit.value.window) {
      return {
        modality: toModality(hit.value.kind),
        rule: `modality.${hit.value.kind}:${cueWords(article, hit.first, hit.end)}`,
      };
    }
    if (view.boundaryBetween(j, j + 1)) break;
  }
  const limit = Math.min(view.end, end + REACH);
  for (let j = end; j < limit; j++) {
    if (view.boundaryBetween(j, j + 1)) break;
    const hit = view.modalStartingAt(j);
    if (hit && hit.value.kind !== "ignore" && hit.value.side !== "before" && hit.first - end <= hit.value.window) {
      return {
        modality: toModality(hit.value.kind),
        rule: `modality.${hit.value.kind}:${cueWords(article, hit.first, hit.end)}`,
      };
    }
  }
  if (view.inShortQuote(first)) return { modality: "hypothetical", rule: "modality.quoted-words" };
  const t = article.tokens;
  if (first - 1 >= view.first && t.key[first - 1] === "to" && t.pos[first] === "VERB" && !view.isRealisTo(first - 2)) {
    return { modality: "hypothetical", rule: "modality.infinitive" };
  }
  return { modality: "asserted", rule: null };
}

export interface BackgroundDecision {
  readonly kind: "earlier" | "distinct" | "calendar";
  readonly words: string;
}

const RANK_OF_KIND = { distinct: 0, calendar: 1, earlier: 2 } as const;

/**
 * A cue in the trigger's clause that places it in another event ("last month's", "another"), or
 * null. An "earlier" cue outweighs a "distinct" one: "a week after another attack" is earlier.
 */
export function backgroundCue(
  article: Article,
  view: SentenceView,
  first: number,
  end: number,
): BackgroundDecision | null {
  let found: BackgroundDecision | null = null;
  const take = (hit: { first: number; end: number; value: { kind: "earlier" | "distinct" | "calendar" } }) => {
    if (hit.value.kind === "calendar" && (article.published || !isMonthName(article, hit.first))) return;
    const kind = hit.value.kind;
    if (!found || RANK_OF_KIND[kind] > RANK_OF_KIND[found.kind]) {
      found = { kind, words: cueWords(article, hit.first, hit.end) };
    }
  };
  // The time of a clause reaches into the clauses hung on it ("Dec. 10 bombings that killed 44").
  const stop = Math.max(view.first, first - REACH);
  for (let j = first - 1; j >= stop; j--) {
    const hit = view.backgroundEndingAt(j);
    if (hit && hit.value.side !== "after" && first - hit.end <= hit.value.window) take(hit);
    if (view.hardBoundaryBetween(j, j + 1)) break;
  }
  const limit = Math.min(view.end, end + REACH);
  for (let j = end; j < limit; j++) {
    if (view.hardBoundaryBetween(j, j + 1)) break;
    const hit = view.backgroundStartingAt(j);
    if (hit && hit.value.side !== "before" && hit.first - end <= hit.value.window) take(hit);
  }
  const year = yearBefore(article, view, first);
  if (year) found = { kind: "earlier", words: year };
  return found;
}

const YEAR = /^(19|20)\d\d$/;
/** How close before a trigger a year names it: "the 2015 attack", "a deadly 2017 chemical weapons attack". */
const YEAR_REACH = 4;

/** How far a year reaches through the relative clause it heads: "since 2017, when a general was killed". */
const YEAR_WHEN_REACH = 9;

/**
 * A year right before the trigger, or heading the "when" clause it stands in, earlier than the
 * publication year (any year when that is unknown).
 */
function yearBefore(article: Article, view: SentenceView, first: number): string | null {
  const t = article.tokens;
  const published = article.published ? Number(article.published.slice(0, 4)) : Infinity;
  let reach = YEAR_REACH;
  for (let j = first - 1; j >= Math.max(view.first, first - YEAR_WHEN_REACH); j--) {
    const v = t.value[j] as string;
    if (YEAR.test(v) && Number(v) < published && first - j <= reach) return v;
    if (view.boundaryBetween(j, j + 1)) {
      const k = t.key[j] as string;
      if (k === "when" || (k === "," && t.key[j + 1] === "when")) reach = YEAR_WHEN_REACH;
      else break;
    }
  }
  return null;
}

/** How long an opening adjunct may be: "In April,", "Last month,", "In October 1986,". */
const OPENER = 5;

/**
 * A time set at the head of the sentence ("In April, more than two dozen fighters were killed
 * ...") covers every trigger of it: a background cue or an earlier year before the first comma.
 */
export function openingTime(article: Article, view: SentenceView): BackgroundDecision | null {
  const t = article.tokens;
  let comma = -1;
  for (let j = view.first; j < Math.min(view.end, view.first + OPENER + 1); j++) {
    if (t.key[j] === ",") {
      comma = j;
      break;
    }
  }
  if (comma < 0) return null;
  const published = article.published ? Number(article.published.slice(0, 4)) : Infinity;
  for (let j = view.first; j < comma; j++) {
    const hit = view.backgroundStartingAt(j);
    if (hit && hit.end <= comma && hit.value.kind !== "distinct") {
      if (hit.value.kind === "calendar" && (article.published || !isMonthName(article, hit.first))) continue;
      return { kind: hit.value.kind, words: cueWords(article, hit.first, hit.end) };
    }
    const v = t.value[j] as string;
    if (YEAR.test(v) && Number(v) < published) return { kind: "earlier", words: v };
  }
  return null;
}

/** A month name as a word of the calendar: lower case only in caseless text ("may" is no cue at all). */
function isMonthName(article: Article, first: number): boolean {
  const v = article.tokens.value[first] as string;
  return article.caseless || /^\p{Lu}/u.test(v);
}

function cueWords(article: Article, first: number, end: number): string {
  return article.tokens.lower.slice(first, end).join(" ");
}

/** Words that date a sentence of its own: a weekday, a month, "yesterday". */
const OWN_TIME = new Set([
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "today",
  "yesterday",
  "tonight",
  "overnight",
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "week",
  "month",
]);
const PERFECT = new Set(["have", "has", "'ve"]);
/** How far after "since" the year of the period stands: "since the toppling of Hosni Mubarak's regime in 2011". */
const SINCE_REACH = 10;

/**
 * "Persecution has spiked since the toppling of Mubarak's regime in 2011. Dozens have been killed in
 * sectarian clashes": a sentence with no time of its own, after a sentence that opens a period of
 * years ("since ... 2011"), may sum up that period. Returns the words of that period, or null; read
 * once per sentence (the sentence and the one before).
 */
export function periodBefore(article: Article, view: SentenceView): string | null {
  const t = article.tokens;
  const s = t.sentence[view.first] as number;
  const before = article.sentences[s - 1];
  if (!before) return null;
  for (let j = view.first; j < view.end; j++)
    if (OWN_TIME.has(t.key[j] as string) || YEAR.test(t.value[j] as string)) return null;
  for (let j = before.firstToken; j < before.endToken; j++) {
    if (t.key[j] !== "since") continue;
    for (let k = j + 1; k < Math.min(before.endToken, j + SINCE_REACH + 1); k++)
      if (YEAR.test(t.value[k] as string)) return `since ... ${t.value[k] as string}`;
  }
  return null;
}

/** A trigger in the present perfect ("have been killed") within a period the sentence before opened: recalled. */
export function periodSummed(
  article: Article,
  view: SentenceView,
  first: number,
  period: string | null,
): BackgroundDecision | null {
  if (!period) return null;
  const t = article.tokens;
  for (let j = first - 1; j >= Math.max(view.first, first - 4); j--) {
    if (PERFECT.has(t.key[j] as string)) return { kind: "earlier", words: period };
  }
  return null;
}
