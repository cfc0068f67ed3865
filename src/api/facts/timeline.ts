import type { AggregateBucket } from "../../query/types.js";
import { bucketKeys, bucketStart, type Interval } from "../time-buckets.js";
import { NO_DAY, dayOf, isoOfDay, type FactsSnapshot } from "./snapshot.js";

/** The first and last start dates of the events at `positions`, or null when none is dated. */
export function dateExtent(snapshot: FactsSnapshot, positions: Int32Array): { from: string; to: string } | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < positions.length; i++) {
    const d = snapshot.dayStart[positions[i] as number] as number;
    if (d === NO_DAY) continue;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  return min === Infinity ? null : { from: isoOfDay(min), to: isoOfDay(max) };
}

/**
 * Events and fatalities per period from `from` to `to`, every period present (zeros included);
 * an event counts in the period of its start date, as the store's aggregates count it.
 */
export function timelineBuckets(
  snapshot: FactsSnapshot,
  positions: Int32Array,
  from: string,
  to: string,
  interval: Interval,
): AggregateBucket[] {
  const keys = bucketKeys(from, to, interval);
  const events = new Float64Array(keys.length);
  const killedLow = new Float64Array(keys.length);
  const killedBest = new Float64Array(keys.length);
  const injuredBest = new Float64Array(keys.length);
  const first = keys[0] ?? bucketStart(from, interval);
  const firstDay = dayOf(first);
  const firstMonth = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1;
  const { dayStart, monthStart } = snapshot;
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i] as number;
    const d = dayStart[p] as number;
    if (d === NO_DAY) continue;
    let b: number;
    if (interval === "day") b = d - firstDay;
    else if (interval === "week") b = Math.floor((d - firstDay) / 7);
    else if (interval === "month") b = (monthStart[p] as number) - firstMonth;
    else b = Math.floor((monthStart[p] as number) / 12) - Math.floor(firstMonth / 12);
    if (b < 0 || b >= keys.length) continue;
    events[b] = (events[b] as number) + 1;
    killedLow[b] = (killedLow[b] as number) + Math.max(0, snapshot.killedLow[p] as number);
    killedBest[b] = (killedBest[b] as number) + Math.max(0, snapshot.killedBest[p] as number);
    injuredBest[b] = (injuredBest[b] as number) + Math.max(0, snapshot.injuredBest[p] as number);
  }
  return keys.map((key, b) => ({
    key,
    events: events[b] as number,
    killedLow: killedLow[b] as number,
    killedBest: killedBest[b] as number,
    injuredBest: injuredBest[b] as number,
  }));
}
