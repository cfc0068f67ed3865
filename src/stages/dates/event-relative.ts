import type { TokenTable } from "../../core/article.js";
import type { DatePrecision } from "../../core/annotations.js";
import { numberAt } from "../../numbers/number-words.js";

/** A date given relative to another event: "barely a week after another attack". */
export interface EventRelative {
  readonly first: number;
  readonly end: number;
  /** Days from the event the sentence is about to the other event (other − this). */
  readonly offsetDays: number;
  readonly precision: DatePrecision;
  readonly rule: string;
}

const UNIT_DAYS = new Map<string, { days: number; precision: DatePrecision }>(
  Object.entries({
    minute: { days: 0, precision: "day" },
    minutes: { days: 0, precision: "day" },
    hour: { days: 0, precision: "day" },
    hours: { days: 0, precision: "day" },
    day: { days: 1, precision: "day" },
    days: { days: 1, precision: "day" },
    week: { days: 7, precision: "week" },
    weeks: { days: 7, precision: "week" },
    fortnight: { days: 14, precision: "week" },
    month: { days: 30, precision: "month" },
    months: { days: 30, precision: "month" },
    year: { days: 365, precision: "year" },
    years: { days: 365, precision: "year" },
  }),
);
// The other event is earlier than this one ("after", "later") or later ("before", "earlier").
const DIRECTION = new Map<string, number>(
  Object.entries({ after: -1, later: -1, following: -1, before: 1, earlier: 1, prior: 1 }),
);
const HEDGES = new Set([
  "barely",
  "just",
  "only",
  "nearly",
  "almost",
  "about",
  "some",
  "roughly",
  "around",
  "exactly",
  "less",
  "more",
  "than",
  "little",
  "over",
  "under",
  "precisely",
  "mere",
]);
// "the day before", "the previous day", "the next day", "the following day", "the eve of".
const DAY_PHRASES = new Map<string, ReadonlyMap<string, number>>([
  ["day", new Map(Object.entries({ before: 1, after: -1, earlier: 1, later: -1 }))],
  ["previous", new Map(Object.entries({ day: 1, night: 1, evening: 1 }))],
  ["next", new Map(Object.entries({ day: -1, morning: -1 }))],
  ["following", new Map(Object.entries({ day: -1, morning: -1 }))],
]);

/**
 * Dates relative to another event in tokens [first, limit): a count and a unit before "after",
 * "before", "earlier" or "later" ("a week after", "two days earlier", "hours after"), and the fixed
 * phrases "the day before", "the previous day", "the next day". Durations ("for three days") have
 * no such word and are not read.
 */
export function eventRelativeDates(t: TokenTable, first: number, limit: number): EventRelative[] {
  const out: EventRelative[] = [];
  for (let k = first + 1; k < limit; k++) {
    const counted = countBefore(t, k, first);
    if (counted) {
      out.push(counted);
      continue;
    }
    const key = t.key[k] as string;
    const fixed = DAY_PHRASES.get(t.key[k - 1] as string)?.get(key);
    if (fixed === undefined || (t.key[k - 1] === "day" && t.key[k - 2] !== "the")) continue;
    // "the day before yesterday" is a date against the publication, not another event.
    if (t.key[k + 1] === "yesterday") continue;
    const start = t.key[k - 2] === "the" ? k - 2 : k - 1;
    out.push({ first: start, end: k + 1, offsetDays: fixed, precision: "day", rule: "date.event-relative-day" });
  }
  return out;
}

/** "[hedge] count unit after|before|earlier|later|prior to" with the direction word at k. */
function countBefore(t: TokenTable, k: number, first: number): EventRelative | null {
  const key = t.key[k] as string;
  const dir = DIRECTION.get(key);
  if (dir === undefined) return null;
  const unit = UNIT_DAYS.get(t.key[k - 1] as string);
  if (!unit) return null;
  // "prior" counts only as "prior to".
  const end = key === "prior" ? (t.key[k + 1] === "to" ? k + 2 : -1) : k + 1;
  if (end < 0) return null;
  // The count ends right before the unit: "a", "one", "two", "10", or none for hours ("hours after").
  let start = k - 1;
  let count = unit.days === 0 ? 0 : -1;
  for (let s = Math.max(first, k - 4); s < k - 1; s++) {
    const n = numberAt(t, s, k - 1);
    if (n && n.end === k - 1) {
      count = n.value;
      start = s;
      break;
    }
    if ((t.key[s] === "a" || t.key[s] === "an") && s === k - 2) {
      count = 1;
      start = s;
      break;
    }
  }
  if (count < 0 || (count === 0 && unit.days > 0)) return null;
  while (start - 1 >= first && HEDGES.has(t.key[start - 1] as string)) start--;
  // "detained for three days before being released": a duration, not a distance between events.
  if (start - 1 >= first && t.key[start - 1] === "for") return null;
  return {
    first: start,
    end,
    offsetDays: dir * count * unit.days || 0,
    precision: unit.precision,
    rule: "date.event-relative",
  };
}
