import { isCalendarDate } from "./published.js";

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/* Wire datelines near the top of a story:
 *   "SAN SALVADOR, 15 NOV 89 --"        (day month year, two-digit years are 19xx/20xx)
 *   "KABUL, Oct. 16, 2021 (Reuters) -"  (month day, year)
 * Bounded quantifiers only: linear in the (short) head it is given. */
const DAY_MONTH_YEAR = /\b(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{2}|\d{4})\b/;
const MONTH_DAY_YEAR = /\b([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})\b/;

function year(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n >= 50 ? 1900 + n : 2000 + n;
}

function iso(y: number, m: number, d: number): string | null {
  if (!isCalendarDate(y, m, d)) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * The date of a dateline in the first line(s) of a story, ISO, or null. Only the head of the text
 * (the first 200 characters, up to the first " -- " or " - ") is looked at.
 */
export function datelineDate(text: string): string | null {
  const head = text.slice(0, 200);
  const dash = head.search(/\s--?\s/);
  const region = dash > 0 ? head.slice(0, dash) : (head.split("\n")[0] ?? "");
  const a = DAY_MONTH_YEAR.exec(region);
  if (a) {
    const m = MONTHS[(a[2] as string).toLowerCase()];
    if (m) return iso(year(a[3] as string), m, Number(a[1]));
  }
  const b = MONTH_DAY_YEAR.exec(region);
  if (b) {
    const m = MONTHS[(b[1] as string).toLowerCase()];
    if (m) return iso(year(b[3] as string), m, Number(b[2]));
  }
  return null;
}
