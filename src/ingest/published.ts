import { SitrepError } from "../core/errors.js";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * A publication date given by the user or a file: ISO date or date-time (the date part is kept),
 * or an RFC 2822 / other date string that Date understands (feeds). Null for null or "";
 * anything else is a coded error naming where it was found.
 */
export function parsePublished(value: unknown, where: { file: string; line?: number; field?: string }): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value !== "string") throw new SitrepError("E_DATE_INVALID", `got ${JSON.stringify(value)}`, where);
  const s = value.trim();
  const iso = ISO_DATE.exec(s);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!isCalendarDate(y, m, d)) throw new SitrepError("E_DATE_INVALID", `got "${s}"`, where);
    return s.slice(0, 10);
  }
  const t = Date.parse(s);
  if (Number.isNaN(t) || !/\d{4}/.test(s)) throw new SitrepError("E_DATE_INVALID", `got "${s}"`, where);
  return new Date(t).toISOString().slice(0, 10);
}
