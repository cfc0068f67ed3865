import type { TokenTable } from "../../core/article.js";
import type { DatePrecision } from "../../core/annotations.js";

/** A date written in numbers whose day (or month too) is unknown, as a calendar range. */
export interface UnknownDay {
  readonly first: number;
  readonly end: number;
  readonly year: number;
  /** 1-12, or null when the month is unknown too. */
  readonly month: number | null;
  readonly precision: DatePrecision;
}

// "05/00/2015", "00/00/2015": month/day/year with zeros for what is not known (bounded, no backtracking).
const ZERO_DAY = /^(\d{2})\/00\/((?:19|20)\d\d)$/;

/**
 * Numeric dates that write an unknown day, or an unknown month and day, as zeros ("05/00/2015:
 * Assailants attacked ..."), the convention of incident databases such as the GTD: the month, or
 * the year. chrono-node reads no such date.
 */
export function unknownDayDates(t: TokenTable, first: number, limit: number): UnknownDay[] {
  const out: UnknownDay[] = [];
  for (let k = first; k < limit; k++) {
    if (t.type[k] !== "number") continue;
    const m = ZERO_DAY.exec(t.key[k] as string);
    if (!m) continue;
    const month = Number(m[1]);
    const year = Number(m[2]);
    if (month > 12) continue;
    out.push(
      month === 0
        ? { first: k, end: k + 1, year, month: null, precision: "year" }
        : { first: k, end: k + 1, year, month, precision: "month" },
    );
  }
  return out;
}
