/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone shifts a day. */

const DAY = 86_400_000;

/** Midnight UTC of an ISO date, in milliseconds, or null for a malformed date. */
export function toTime(iso: string): number | null {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!y || !m || !d || iso.length < 10) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? t : null;
}

export const fromTime = (t: number): string => new Date(t).toISOString().slice(0, 10);

export const addDays = (t: number, days: number): number => t + days * DAY;

/** 0 = Sunday ... 6 = Saturday, as chrono-node and Date number them. */
export const weekdayOf = (t: number): number => new Date(t).getUTCDay();

export const ymd = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d);

export const yearOf = (t: number): number => new Date(t).getUTCFullYear();
export const monthOf = (t: number): number => new Date(t).getUTCMonth() + 1;

/** The Monday-to-Sunday week that holds t. */
export function weekOf(t: number): { start: number; end: number } {
  const back = (weekdayOf(t) + 6) % 7;
  const start = addDays(t, -back);
  return { start, end: addDays(start, 6) };
}

/** The calendar month y-m, first to last day. */
export function monthRange(y: number, m: number): { start: number; end: number } {
  return { start: ymd(y, m, 1), end: ymd(y, m + 1, 1) - DAY };
}

export function yearRange(y: number): { start: number; end: number } {
  return { start: ymd(y, 1, 1), end: ymd(y, 12, 31) };
}

/** Days from a to b (b - a), whole days. */
export const daysBetween = (a: number, b: number): number => Math.round((b - a) / DAY);
