import type { ParsedResult } from "chrono-node";
import type { TokenTable } from "../../core/article.js";
import type { DatePrecision } from "../../core/annotations.js";
import {
  addDays,
  daysBetween,
  fromTime,
  monthOf,
  monthRange,
  weekdayOf,
  weekOf,
  yearOf,
  yearRange,
  ymd,
} from "./calendar.js";
import type { Reference } from "./reference.js";

/** A date expression resolved to a calendar range, in tokens, before it becomes a DateMention. */
export interface ResolvedDate {
  readonly first: number;
  readonly end: number;
  readonly start: string;
  readonly endDate: string;
  readonly precision: DatePrecision;
  readonly anchor: "absolute" | "publication";
  readonly rule: string;
}

/** Why a parse was dropped, for `--explain`. */
export interface Dropped {
  readonly first: number;
  readonly end: number;
  readonly reason: string;
}

// Words that tie an expression to the time of writing; without one, a relative parse is a duration
// ("for three days"), a future ("in three days") or a time of day alone ("at 10:30").
const PAST_MARKERS = new Set([
  "yesterday",
  "today",
  "tonight",
  "ago",
  "last",
  "past",
  "this",
  "earlier",
  "previous",
  "overnight",
]);
const FUTURE_MARKERS = new Set(["next", "tomorrow", "coming", "upcoming"]);
// A date after these is a bound or a deadline, not the day something happened.
const NOT_WHEN = new Set(["since", "until", "till", "by", "before", "after"]);
const LEADING = new Set(["on", "in", "at", "of", "during", "the"]);
const WEEK_UNITS = new Set(["week", "weeks", "weekend"]);
const MONTH_UNITS = new Set(["month", "months"]);
const YEAR_UNITS = new Set(["year", "years"]);
const VERB_MONTHS = new Set(["may", "march"]);
const MONTH_OPENERS = new Set(["in", "early", "late", "mid", "during", "of", "last", "this", "mid-"]);
// "late last month", "early August": kept in the evidence, the precision stays the month's.
const PART_OF_PERIOD = new Set(["early", "late", "mid", "mid-", "earlier", "later"]);

/** The tokens [first, end) that a character range of the text overlaps ("August" in "mid-August" gives that token). */
export function tokensOf(
  t: TokenTable,
  from: number,
  to: number,
  windowFirst: number,
  windowEnd: number,
): { first: number; end: number } | null {
  let first = -1;
  let end = -1;
  for (let k = windowFirst; k < windowEnd; k++) {
    if ((t.start[k] as number) < to && (t.end[k] as number) > from) {
      if (first < 0) first = k;
      end = k + 1;
    }
  }
  return first < 0 ? null : { first, end };
}

function range(start: number, end: number, precision: DatePrecision) {
  return { start: fromTime(start), endDate: fromTime(end), precision };
}

/** The latest y-m-d on or before the reference, when the year is not given. */
function latestMonthDay(ref: number, m: number, d: number): number {
  const y = yearOf(ref);
  const t = ymd(y, m, d);
  return t > ref ? ymd(y - 1, m, d) : t;
}

function precisionOfRange(start: number, end: number): DatePrecision {
  const days = daysBetween(start, end);
  return days <= 0 ? "day" : days <= 7 ? "week" : days <= 31 ? "month" : "year";
}

/**
 * Resolves one chrono-node parse into the past of the reference date. chrono reads the words; the
 * rules here decide what they mean for an event already reported: "on Friday" is the latest Friday
 * on or before the reference, "in August" the latest August, "30 December" in a January story the
 * December before; "last week" and "last month" are week and month ranges; durations, futures and
 * times of day alone are dropped.
 */
export function resolveParse(
  t: TokenTable,
  r: ParsedResult,
  span: { first: number; end: number },
  sentenceFirst: number,
  ref: Reference | null,
): ResolvedDate | Dropped {
  let { first, end } = span;
  while (first < end - 1 && (LEADING.has(t.key[first] as string) || t.type[first] === "punctuation")) first++;
  while (end - 1 > first && t.type[end - 1] === "punctuation") end--;
  if (first - 1 >= sentenceFirst && PART_OF_PERIOD.has(t.key[first - 1] as string) && first === span.first) first--;
  const keys = new Set<string>();
  for (let k = first; k < end; k++) keys.add(t.key[k] as string);
  const before = span.first > sentenceFirst ? (t.key[span.first - 1] as string) : "";
  const drop = (reason: string): Dropped => ({ first, end, reason });
  if (NOT_WHEN.has(before) || NOT_WHEN.has(t.key[span.first] as string))
    return drop(`a bound ("${before}"), not a date of the event`);
  for (const k of keys) if (FUTURE_MARKERS.has(k)) return drop("in the future of the reference date");

  const s = r.start;
  const certain = (c: "year" | "month" | "day" | "weekday") => s.isCertain(c);
  const relative = [...keys].some((k) => PAST_MARKERS.has(k));

  // Absolute: the year is written (chrono also makes "now" and "for four hours" certain).
  let written = false;
  for (let k = first; k < end; k++) if (t.type[k] === "number") written = true;
  const casual = [...r.tags()].some((tag) => tag.startsWith("casualReference") || tag === "result/relativeDate");
  if (certain("year") && certain("month") && !relative && written && !casual) {
    const y = s.get("year") as number;
    const m = s.get("month") as number;
    if (ref && ymd(y, m, certain("day") ? (s.get("day") as number) : 1) > ref.time)
      return drop("in the future of the reference date");
    if (certain("day")) {
      const start = ymd(y, m, s.get("day") as number);
      const e = r.end?.isCertain("day")
        ? ymd(r.end.get("year") ?? y, r.end.get("month") ?? m, r.end.get("day") as number)
        : start;
      return {
        first,
        end,
        ...range(start, Math.max(start, e), precisionOfRange(start, e)),
        anchor: "absolute",
        rule: "date.absolute",
      };
    }
    const mr = monthRange(y, m);
    return { first, end, ...range(mr.start, mr.end, "month"), anchor: "absolute", rule: "date.absolute-month" };
  }
  if (!ref) return drop("no publication date or dateline to resolve it against");
  const now = ref.time;

  if (relative) {
    // "this week", "this month": the one that holds the reference date (chrono starts weeks on Sunday).
    const at = keys.has("this")
      ? now
      : Date.UTC(
          yearOf(s.date().getTime()),
          monthOf(s.date().getTime()) - 1,
          new Date(s.date().getTime()).getUTCDate(),
        );
    if (at > now) return drop("in the future of the reference date");
    if ([...keys].some((k) => YEAR_UNITS.has(k))) {
      const yr = yearRange(yearOf(at));
      return { first, end, ...range(yr.start, yr.end, "year"), anchor: "publication", rule: "date.relative-year" };
    }
    if ([...keys].some((k) => MONTH_UNITS.has(k))) {
      const mr = monthRange(yearOf(at), monthOf(at));
      return {
        first,
        end,
        ...range(mr.start, Math.min(mr.end, now), "month"),
        anchor: "publication",
        rule: "date.relative-month",
      };
    }
    if ([...keys].some((k) => WEEK_UNITS.has(k))) {
      const w = weekOf(at);
      // "last weekend": its Saturday and Sunday, not the whole week
      const from = keys.has("weekend") ? addDays(w.start, 5) : w.start;
      if (from > now) return drop("in the future of the reference date");
      return {
        first,
        end,
        ...range(from, Math.min(w.end, now), "week"),
        anchor: "publication",
        rule: "date.relative-week",
      };
    }
    if (certain("weekday") && !certain("day"))
      return weekday(first, end, s.get("weekday") as number, now, keys.has("last"));
    return { first, end, ...range(at, at, "day"), anchor: "publication", rule: "date.relative-day" };
  }
  if (certain("month") && certain("day")) {
    const m = s.get("month") as number;
    const start = latestMonthDay(now, m, s.get("day") as number);
    let e = start;
    if (r.end?.isCertain("day")) {
      const em = r.end.get("month") ?? m;
      e = ymd(yearOf(start) + (em < m ? 1 : 0), em, r.end.get("day") as number);
      if (e < start) e = start;
    }
    return {
      first,
      end,
      ...range(start, e, precisionOfRange(start, e)),
      anchor: "publication",
      rule: "date.month-day",
    };
  }
  if (certain("month")) {
    if (end - first === 1 && VERB_MONTHS.has(t.key[first] as string) && !MONTH_OPENERS.has(before))
      return drop("a verb, not a month");
    const m = s.get("month") as number;
    const y = m > monthOf(now) ? yearOf(now) - 1 : yearOf(now);
    const mr = monthRange(y, m);
    return {
      first,
      end,
      ...range(mr.start, Math.min(mr.end, now), "month"),
      anchor: "publication",
      rule: "date.month",
    };
  }
  if (certain("weekday")) return weekday(first, end, s.get("weekday") as number, now, false);
  return drop("a time of day, a duration or a future, not a date");
}

/** The latest such weekday on or before the reference ("last Friday" never the reference itself). */
function weekday(first: number, end: number, wd: number, now: number, last: boolean): ResolvedDate {
  let back = (weekdayOf(now) - wd + 7) % 7;
  if (last && back === 0) back = 7;
  const day = addDays(now, -back);
  return { first, end, ...range(day, day, "day"), anchor: "publication", rule: "date.weekday" };
}
