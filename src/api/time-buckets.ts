/**
 * Time buckets for the timeline: choosing the interval for a date span and listing every bucket
 * of a span, so that a chart shows quiet periods as zeros rather than joining the busy ones.
 */
export type Interval = "day" | "week" | "month" | "year";

const DAY = 86_400_000;
const parse = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** About a hundred to a few hundred bars: enough to see a trend, few enough to draw fast. */
export function intervalFor(from: string, to: string): Interval {
  const days = (parse(to) - parse(from)) / DAY;
  if (days <= 120) return "day";
  if (days <= 4 * 365) return "week";
  if (days <= 40 * 365) return "month";
  return "year";
}

/** The first day of the bucket holding `day` (ISO weeks start on Monday). */
export function bucketStart(day: string, interval: Interval): string {
  const t = parse(day);
  const d = new Date(t);
  switch (interval) {
    case "day":
      return day;
    case "week":
      return iso(t - ((d.getUTCDay() + 6) % 7) * DAY);
    case "month":
      return `${day.slice(0, 7)}-01`;
    case "year":
      return `${day.slice(0, 4)}-01-01`;
  }
}

function next(key: string, interval: Interval): string {
  const d = new Date(parse(key));
  switch (interval) {
    case "day":
      return iso(d.getTime() + DAY);
    case "week":
      return iso(d.getTime() + 7 * DAY);
    case "month":
      return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    case "year":
      return iso(Date.UTC(d.getUTCFullYear() + 1, 0, 1));
  }
}

/** Most periods one timeline draws: about fourteen years of days. */
export const MAX_BUCKETS = 5000;

/** How many periods of `interval` the span covers (counted, not listed). */
export function bucketCount(from: string, to: string, interval: Interval): number {
  const days = (parse(to) - parse(from)) / DAY;
  switch (interval) {
    case "day":
      return Math.floor(days) + 1;
    case "week":
      return Math.floor(days / 7) + 2;
    case "month":
      return (
        (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1
      );
    case "year":
      return Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1;
  }
}

/** Every bucket key from the one holding `from` to the one holding `to`, at most `max` of them. */
export function bucketKeys(from: string, to: string, interval: Interval, max = MAX_BUCKETS): string[] {
  const keys: string[] = [];
  const last = bucketStart(to, interval);
  for (let k = bucketStart(from, interval); k <= last && keys.length < max; k = next(k, interval)) keys.push(k);
  return keys;
}
