import type { EventRecord } from "../core/record.js";
import type { LocationPrecision } from "../core/frame.js";
import type { StoredEvent } from "../store/store.js";
import { lookupActor } from "../actors/dictionary.js";
import { greatCircleKm } from "./geo.js";
import { PRECISION_RANK } from "./reconcile.js";

/**
 * Whether a record an article gives and an event already in the database are the same event, and
 * how sure we are. Each test can veto (different kind of violence, too far apart, dates that cannot
 * overlap, different perpetrators); the score ranks the candidates that survive.
 */

/** How far apart two reports of one event may place it, by the coarser of their precisions. */
export const DISTANCE_KM: Record<LocationPrecision, number> = {
  site: 25,
  city: 25,
  district: 50,
  province: 150,
  region: 300,
  country: Number.POSITIVE_INFINITY,
};

/** Event types that reports of one attack are often coded as: a bombing of worshippers is also violence against civilians. */
const VIOLENT = new Set(["Battles", "Explosions/Remote violence", "Violence against civilians"]);

export const MATCH_THRESHOLD = 0.6;

/** The event types a record of this type may match (the blocking key's type part). */
export function compatibleTypes(eventType: string): string[] {
  return VIOLENT.has(eventType) ? [...VIOLENT] : [eventType];
}

export interface MatchInput {
  readonly record: EventRecord;
  /** The article's publication date: a record without a date happened on or before it. */
  readonly published: string | null;
}

const DAY = 86_400_000;
const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

function typeScore(r: EventRecord, e: StoredEvent): number {
  if (r.subEventType && r.subEventType === e.subEventType) return 1;
  if (r.eventType === e.eventType) return 0.75;
  if (VIOLENT.has(r.eventType) && VIOLENT.has(e.eventType)) return 0.45;
  return 0;
}

function placeScore(r: EventRecord, e: StoredEvent): number {
  const loc = r.location;
  if (!loc) return 0.4;
  if (loc.countryCode && e.countryCode && loc.countryCode !== e.countryCode) return 0;
  if (loc.lat !== null && loc.lon !== null && e.lat !== null && e.lon !== null) {
    const coarser =
      PRECISION_RANK[loc.precision] >= PRECISION_RANK[e.geoPrecision ?? "country"]
        ? loc.precision
        : (e.geoPrecision ?? "country");
    const limit = DISTANCE_KM[coarser];
    const d = greatCircleKm(loc.lat, loc.lon, e.lat, e.lon);
    if (d > limit) return 0;
    if (!Number.isFinite(limit)) return 0.5;
    return 1 - 0.5 * (d / limit);
  }
  const same = (a: string | null | undefined, b: string | null) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
  if (same(loc.name, e.place)) return 1;
  if (loc.admin1 && e.admin1) return same(loc.admin1, e.admin1) ? 0.6 : 0;
  return 0.4;
}

function dateScore(m: MatchInput, e: StoredEvent): number {
  if (!e.dateStart || !e.dateEnd) return 0.4;
  const d = m.record.date;
  if (!d) {
    // Undated: it happened on or before the article was published, and likely not long before.
    if (!m.published) return 0.3;
    const gap = days(m.published) - days(e.dateStart);
    return gap < -1 ? 0 : gap <= 30 ? 0.5 : 0.3;
  }
  const [s1, e1, s2, e2] = [days(d.start), days(d.end), days(e.dateStart), days(e.dateEnd)];
  if (s1 <= e2 && s2 <= e1) {
    const bothDays = d.precision === "day" && e.datePrecision === "day";
    return bothDays ? 1 : 0.75;
  }
  // Reports a day apart are common (time zones, a night attack dated either day).
  const gap = Math.min(Math.abs(s1 - e2), Math.abs(s2 - e1));
  return gap <= 1 ? 0.7 : 0;
}

/** An actor's canonical name (actor dictionary), lower-cased: "IS-K" and "ISKP" are one actor. */
function canonical(name: string): string {
  return (lookupActor(name)?.name ?? name).toLowerCase();
}

function perpetrators(r: EventRecord): Set<string> {
  return new Set([...r.perpetratorOrgs, ...r.claimedBy].map((f) => canonical(f.name ?? f.text)));
}

const words = (name: string) => new Set(name.split(/[^\p{L}\p{N}]+/u).filter(Boolean));

/** "Islamic State" and "Islamic State Khorasan Province": one name's words all in the other's, a group and its branch. */
function affiliated(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [words(a), words(b)] : [words(b), words(a)];
  if (short.size === 0) return false;
  for (const w of short) if (!long.has(w)) return false;
  return true;
}

function actorScore(r: EventRecord, e: StoredEvent): number {
  const mine = perpetrators(r);
  const theirs = new Set(
    e.actors.filter((a) => a.role === "perpetrator" || a.role === "claimant").map((a) => canonical(a.name)),
  );
  if (mine.size === 0 || theirs.size === 0) return 0.5;
  for (const a of mine) if (theirs.has(a)) return 1;
  // Reports name a group or its branch as they know it ("an IS-claimed attack", ISKP).
  for (const a of mine) for (const b of theirs) if (affiliated(a, b)) return 0.75;
  // Named perpetrators that differ: a different actor pair is a different event (ACLED).
  return 0;
}

/** 0 when the record cannot be a report of the event; otherwise a score in (0, 1]. */
export function matchScore(m: MatchInput, e: StoredEvent): number {
  const t = typeScore(m.record, e);
  const p = placeScore(m.record, e);
  const d = dateScore(m, e);
  const a = actorScore(m.record, e);
  if (t === 0 || p === 0 || d === 0 || a === 0) return 0;
  return 0.3 * t + 0.3 * p + 0.3 * d + 0.1 * a;
}

/** The best-matching candidate at or above the threshold, skipping events already taken. */
export function bestMatch(
  m: MatchInput,
  candidates: readonly StoredEvent[],
  taken: ReadonlySet<number>,
): { event: StoredEvent; score: number } | null {
  let best: { event: StoredEvent; score: number } | null = null;
  for (const e of candidates) {
    if (taken.has(e.id)) continue;
    const score = matchScore(m, e);
    if (score >= MATCH_THRESHOLD && (!best || score > best.score || (score === best.score && e.id < best.event.id)))
      best = { event: e, score };
  }
  return best;
}

/** The date window of candidates for a record: its range widened by a day, or a month before publication. */
export function dateWindow(m: MatchInput): { from: string; to: string } | null {
  const shift = (iso: string, n: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
  if (m.record.date) return { from: shift(m.record.date.start, -1), to: shift(m.record.date.end, 1) };
  if (m.published) return { from: shift(m.published, -30), to: shift(m.published, 1) };
  return null;
}
