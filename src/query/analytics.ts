import { SitrepError } from "../core/errors.js";
import type { StoredEvent, Store } from "../store/store.js";
import { actorFilterNames } from "./filters.js";
import { MASS_CASUALTY_KILLED, type AggregateBucket, type EventFilter } from "./types.js";

/**
 * The questions analysts ask of the database, as queries of their own: "is this the group's
 * first attack in this province?", "the n-th mass-casualty attack since 15 August", "the group's
 * attacks over time". Each answers with the events behind the answer, so that it can be checked.
 */

export interface PlaceScope {
  readonly countryCodes?: readonly string[];
  readonly admin1?: readonly string[];
  readonly place?: readonly string[];
  readonly near?: EventFilter["near"];
}

export interface FirstEventAnswer {
  /** The actor's earliest event in the place (perpetrator or claimant), or null. */
  readonly first: StoredEvent | null;
  /** How many events of the actor the place has in all. */
  readonly total: number;
  /** With `eventId`: whether that event is the first (nothing earlier; same-day events tie). */
  readonly isFirst: boolean | null;
  /** With `eventId`: the actor's events in the place before it, earliest first. */
  readonly earlier: readonly StoredEvent[];
}

const ACTOR_ROLES = ["perpetrator", "claimant"] as const;

/** The first event of an actor in a place; with an event, whether it is that first one. */
export async function firstEventOf(
  store: Store,
  q: { actor: string; place: PlaceScope; eventId?: number; filter?: EventFilter },
): Promise<FirstEventAnswer> {
  const filter: EventFilter = {
    ...q.filter,
    ...q.place,
    actors: actorFilterNames(q.actor),
    actorRoles: [...ACTOR_ROLES],
  };
  const page = await store.queryEvents({ filter, sort: { field: "date", direction: "asc" }, limit: 1 });
  const first = page.events[0] ?? null;
  if (q.eventId === undefined) return { first, total: page.total ?? 0, isFirst: null, earlier: [] };
  const event = (await store.queryEvents({ filter: { ids: [q.eventId] }, limit: 1, withTotal: false })).events[0];
  if (!event) throw new SitrepError("E_NOT_FOUND", `no event ${q.eventId}`, { field: "eventId" });
  if (!event.dateStart) throw new SitrepError("E_VALIDATION", `event ${q.eventId} has no date`, { field: "eventId" });
  const before = await store.queryEvents({
    filter: { ...filter, until: event.dateStart },
    sort: { field: "date", direction: "asc" },
    limit: 1000,
    withTotal: false,
  });
  const earlier = before.events.filter((e) => e.id !== event.id && e.dateEnd !== null && e.dateEnd < event.dateStart!);
  return { first, total: page.total ?? 0, isFirst: earlier.length === 0, earlier };
}

export interface OrdinalAnswer {
  /** The matching events since the date, in date order, each with its rank (1-based). */
  readonly events: readonly { readonly ordinal: number; readonly event: StoredEvent }[];
  /** With `eventId`: its rank, or null when it does not match. */
  readonly ordinal: number | null;
}

/**
 * The events matching a condition since a date, in order: "the fourth mass-casualty attack since
 * 15 August 2021" is the one with ordinal 4. `minKilled` defaults to the mass-casualty threshold.
 */
export async function eventsSince(
  store: Store,
  q: { since: string; filter?: EventFilter; minKilled?: number; eventId?: number; limit?: number },
): Promise<OrdinalAnswer> {
  const minKilled = q.minKilled ?? MASS_CASUALTY_KILLED;
  const page = await store.queryEvents({
    filter: { ...q.filter, since: q.since, minKilled },
    sort: { field: "date", direction: "asc" },
    limit: q.limit ?? 10_000,
    withTotal: false,
  });
  // Events whose range starts before `since` but overlaps it do not count as "since".
  const events = page.events
    .filter((e) => e.dateStart !== null && e.dateStart >= q.since)
    .map((event, i) => ({ ordinal: i + 1, event }));
  const ordinal = q.eventId === undefined ? null : (events.find((x) => x.event.id === q.eventId)?.ordinal ?? null);
  return { events, ordinal };
}

/** An actor's events and fatalities over time (by day, week, month or year). */
export function actorTimeline(
  store: Store,
  q: { actor: string; by?: "day" | "week" | "month" | "year"; filter?: EventFilter },
): Promise<AggregateBucket[]> {
  return store.aggregate({
    filter: { ...q.filter, actors: actorFilterNames(q.actor), actorRoles: [...ACTOR_ROLES] },
    groupBy: q.by ?? "month",
  });
}
