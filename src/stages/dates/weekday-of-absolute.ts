import type { Article } from "../../core/article.js";
import type { DateMention } from "../../core/annotations.js";
import { tokenRange } from "../claims/token-range.js";
import { toTime, weekdayOf } from "./calendar.js";

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** A weekday word the reference-free article also dates in full. */
export interface WeekdayOfAbsolute {
  readonly first: number;
  readonly end: number;
  /** The absolute date it names, YYYY-MM-DD. */
  readonly day: string;
}

/**
 * In an article with no publication date, "Sunday" cannot be reckoned back from the day the story
 * was filed; but the latest day the article dates in full is as near to the story's "now" as the
 * text tells, so a weekday that falls on it is that day ("Sunday's explosion ... on December 11,
 * 2016"). Other weekdays stay undated: they may lie after it ("identified him in court Friday" in
 * a story about April 1995); so does a possessive one ("Saturday's attack"), which refers back to
 * an event already told, a day's name ("Bloody Friday"), and a weekday in the full date's own
 * sentence ("the attack on Friday followed the bombing of 15 October"). `taken` marks tokens
 * already read as part of a date.
 */
export function weekdaysOfAbsolute(
  article: Article,
  dates: readonly DateMention[],
  taken: (token: number) => boolean,
): WeekdayOfAbsolute[] {
  const t = article.tokens;
  let latest: DateMention | null = null;
  for (const d of dates) {
    if (d.anchor !== "absolute" || d.precision !== "day" || d.start !== d.end) continue;
    if (toTime(d.start) !== null && (latest === null || d.start > latest.start)) latest = d;
  }
  const range = latest && tokenRange(article, latest.span);
  if (!latest || !range) return [];
  // "The attack on Friday followed the bombing of 15 October": beside the full date, another day
  const sentence = t.sentence[range[0]];
  const weekday = weekdayOf(toTime(latest.start) as number);
  const out: WeekdayOfAbsolute[] = [];
  for (let i = 0; i < t.count; i++) {
    // "Saturday's attack" names an event already told, not a new one to date
    if (WEEKDAYS.indexOf(t.key[i] as string) !== weekday || taken(i) || t.key[i + 1] === "'s") continue;
    if (t.sentence[i] === sentence) continue;
    // "Bloody Friday", "Good Friday": a day's name, not a date
    if (!article.caseless && i > 0 && t.sentence[i - 1] === t.sentence[i] && /^\p{Lu}/u.test(t.value[i - 1] as string))
      continue;
    out.push({ first: i, end: i + 1, day: latest.start });
  }
  return out;
}
