import type { TokenTable } from "../../core/article.js";
import { addDays, weekdayOf } from "./calendar.js";

/** "over the weekend" and its like, as the tokens that say it. */
export interface WeekendMention {
  readonly first: number;
  readonly end: number;
}

const BEFORE_THE = new Set(["over", "during", "at", "on", "across", "through"]);

/**
 * "Killed over the weekend": news says so of the last Saturday and Sunday, which chrono-node does
 * not read. The phrase is found by its tokens ("over/during/at/on the weekend"); "this weekend"
 * and "last weekend" chrono reads itself.
 */
export function weekendMentions(t: TokenTable, first: number, limit: number): WeekendMention[] {
  const out: WeekendMention[] = [];
  for (let k = first + 2; k < limit; k++) {
    if (t.key[k] !== "weekend" || t.key[k - 1] !== "the" || !BEFORE_THE.has(t.key[k - 2] as string)) continue;
    out.push({ first: k - 1, end: k + 1 });
  }
  return out;
}

/**
 * The weekend on or before the reference day: up to the reference day when it is a Saturday or a
 * Sunday, else the Saturday and Sunday before it. Times are UTC midnights.
 */
export function lastWeekend(ref: number): { start: number; end: number } {
  const day = weekdayOf(ref); // 0 Sunday ... 6 Saturday
  if (day === 6) return { start: ref, end: ref };
  if (day === 0) return { start: addDays(ref, -1), end: ref };
  const saturday = addDays(ref, -(day + 1));
  return { start: saturday, end: addDays(saturday, 1) };
}
