/**
 * The vocabulary of event queries, shared by the Store (which runs them), the CLI (`sitrep events`,
 * `sitrep export`), the HTTP API and the analytic questions. Plain data, so that a query can be
 * sent over HTTP as JSON and logged as it was asked.
 */
import type { DatePrecision } from "../core/annotations.js";
import type { LocationPrecision } from "../core/frame.js";

/** Where an event came from: extracted from articles, or imported from a dataset. */
export type Dataset = "sitrep" | "acled" | "gtd" | "ucdp";

/** How an actor takes part in an event. ACLED's actor1/actor2 map onto perpetrator/target. */
export type ActorRole = "perpetrator" | "target" | "victim" | "claimant" | "associate";

/** A bounding box in degrees (WGS84). A box with west > east crosses the antimeridian. */
export interface BoundingBox {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/**
 * Which events a query selects. Every field narrows the selection (AND); a list means any of its
 * values (OR). Absent fields do not filter. Dates are ISO `YYYY-MM-DD`, inclusive, and select the
 * events whose date range overlaps [since, until].
 */
export interface EventFilter {
  /** ISO 3166-1 alpha-2 codes. The query layer (query/filters.ts) turns country names into codes. */
  readonly countryCodes?: readonly string[];
  /** First-level administrative division, as stored (case-insensitive). */
  readonly admin1?: readonly string[];
  /** Place name (case-insensitive exact match on the event's place). */
  readonly place?: readonly string[];
  /** Events within `radiusKm` of a point (great-circle distance). */
  readonly near?: { readonly lat: number; readonly lon: number; readonly radiusKm: number };
  readonly bbox?: BoundingBox;
  readonly since?: string;
  readonly until?: string;
  /** ACLED event types, exact. */
  readonly eventTypes?: readonly string[];
  /** ACLED sub-event types, exact. */
  readonly subEventTypes?: readonly string[];
  /**
   * Canonical actor names (any role unless `actorRoles` says which). Aliases are resolved to
   * canonical names by the query layer before the filter reaches the store.
   */
  readonly actors?: readonly string[];
  readonly actorRoles?: readonly ActorRole[];
  /** Victim categories as coded (civilians, worshippers, security forces, ...). */
  readonly victimTypes?: readonly string[];
  /** Events whose reconciled killed `low` figure is at least this (ACLED takes the low figure). */
  readonly minKilled?: number;
  /** Outlets or cited sources (case-insensitive exact match on the source name). */
  readonly sources?: readonly string[];
  /** Full-text search over the reports' article text and the event's notes (FTS5 / tsvector syntax-free: words are ANDed). */
  readonly text?: string;
  readonly datasets?: readonly Dataset[];
  /** "reported": events some article reports; "background": only recalled by articles. */
  readonly roles?: readonly ("reported" | "background")[];
  readonly ids?: readonly number[];
  /** Only events that have a report from this article. */
  readonly articleId?: number;
  /** Only events with a greater id: keyset paging for exports (sort by id ascending). */
  readonly idAfter?: number;
}

export type SortField = "date" | "killed" | "injured" | "updated" | "id";

export interface EventSort {
  readonly field: SortField;
  readonly direction: "asc" | "desc";
}

export interface EventQuery {
  readonly filter?: EventFilter;
  /** Default: date descending, then id descending (newest first). */
  readonly sort?: EventSort;
  /** Default 100; the store caps it at 10,000 per page. */
  readonly limit?: number;
  readonly offset?: number;
  /** Also count every matching event (costs a second query). Default true. */
  readonly withTotal?: boolean;
}

/** Figures as UCDP codes them: low, best, high; null when unknown (high null: open-ended). */
export interface FigureRange {
  readonly low: number | null;
  readonly best: number | null;
  readonly high: number | null;
}

export type GroupBy =
  "day" | "week" | "month" | "year" | "country" | "admin1" | "actor" | "eventType" | "subEventType" | "dataset";

export interface AggregateQuery {
  readonly filter?: EventFilter;
  readonly groupBy: GroupBy;
  /** With groupBy "actor": only count actors in these roles (default: perpetrator). */
  readonly actorRoles?: readonly ActorRole[];
  /** Most events first for categorical groups, chronological for time groups. Default 1,000. */
  readonly limit?: number;
}

/** One group of an aggregate. Time keys are the first day of the period (ISO weeks start Monday). */
export interface AggregateBucket {
  readonly key: string;
  readonly events: number;
  /** Sums of the reconciled figures over the group's events (unknown figures count as 0). */
  readonly killedLow: number;
  readonly killedBest: number;
  readonly injuredBest: number;
}

/** A point for the map: one event, its place and what the marker needs. */
export interface MapPoint {
  readonly id: number;
  readonly lat: number;
  readonly lon: number;
  readonly eventType: string;
  readonly subEventType: string;
  readonly dateStart: string | null;
  readonly killedBest: number | null;
  readonly geoPrecision: LocationPrecision | null;
}

export interface MapQuery {
  readonly filter?: EventFilter;
  /** Default 50,000. */
  readonly limit?: number;
}

/** Default minimum killed (low) for a mass-casualty attack; GTD and most studies use 10 or more dead. */
export const MASS_CASUALTY_KILLED = 10;

export type { DatePrecision, LocationPrecision };
