import { SitrepError } from "../../core/errors.js";
import type { EventFilter, EventSort } from "../../query/types.js";

/**
 * What differs between the SQL of the two databases for event filters: placeholders,
 * case-insensitive comparison, full-text search and distance. Everything else is written once.
 */
export interface SqlDialect {
  /** Adds a parameter and returns its placeholder. */
  param(value: unknown): string;
  /** `column` equals one of `values`, ignoring case. */
  inNoCase(column: string, values: readonly string[]): string;
  /** A condition on `e.id`: the event's notes or one of its articles' text matches all `words`. */
  textMatch(words: readonly string[]): string;
  /** A condition on `e`: within `km` of the point (great-circle). */
  near(lat: number, lon: number, km: number): string;
  /** A condition on `e`: inside the box (west <= east; the caller splits boxes across the antimeridian). */
  box(west: number, south: number, east: number, north: number): string;
}

/** Placeholders `?` (SQLite) or `$n` (PostgreSQL), with their values in order. */
export class Params {
  readonly values: unknown[] = [];
  constructor(private readonly style: "?" | "$") {}
  add(value: unknown): string {
    this.values.push(value);
    return this.style === "?" ? "?" : `$${this.values.length}`;
  }
  list(values: readonly unknown[]): string {
    return values.map((v) => this.add(v)).join(", ");
  }
}

/** Words for full-text search: letters and digits only, so that no query syntax reaches the engine. */
export function searchWords(text: string): string[] {
  return text
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 16);
}

export function shiftDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`);
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(value: string | undefined, field: string): void {
  if (value !== undefined && (!ISO.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) {
    throw new SitrepError("E_VALIDATION", `"${value}" is not a YYYY-MM-DD date`, { field });
  }
}

/**
 * The conditions selecting the events of `filter`, over the events table aliased `e`.
 * Merged events (kept only to redirect to the event that absorbed them) are never selected.
 */
export function eventConditions(filter: EventFilter, p: Params, d: SqlDialect): string[] {
  const where: string[] = ["e.merged_into IS NULL"];
  const nonEmpty = <T>(xs: readonly T[] | undefined): xs is readonly T[] => xs !== undefined && xs.length > 0;
  checkDate(filter.since, "since");
  checkDate(filter.until, "until");

  if (filter.idAfter !== undefined) where.push(`e.id > ${p.add(filter.idAfter)}`);
  if (nonEmpty(filter.ids)) where.push(`e.id IN (${p.list(filter.ids)})`);
  if (nonEmpty(filter.datasets)) where.push(`e.dataset IN (${p.list(filter.datasets)})`);
  if (nonEmpty(filter.roles)) where.push(`e.role IN (${p.list(filter.roles)})`);
  if (nonEmpty(filter.countryCodes))
    where.push(`e.country_code IN (${p.list(filter.countryCodes.map((c) => c.toUpperCase()))})`);
  if (nonEmpty(filter.admin1)) where.push(d.inNoCase("e.admin1", filter.admin1));
  if (nonEmpty(filter.place)) where.push(d.inNoCase("e.place", filter.place));
  if (nonEmpty(filter.eventTypes)) where.push(`e.event_type IN (${p.list(filter.eventTypes)})`);
  if (nonEmpty(filter.subEventTypes)) where.push(`e.sub_event_type IN (${p.list(filter.subEventTypes)})`);
  if (filter.since !== undefined) {
    // An event's range is at most a year long: the bound on date_start lets the index do the work.
    where.push(`e.date_end >= ${p.add(filter.since)}`, `e.date_start >= ${p.add(shiftDays(filter.since, -366))}`);
  }
  if (filter.until !== undefined) where.push(`e.date_start <= ${p.add(filter.until)}`);
  if (filter.minKilled !== undefined) where.push(`e.killed_low >= ${p.add(filter.minKilled)}`);
  // A subquery filter is asked either way round: with a narrow indexed condition beside it, per
  // candidate event (EXISTS, an index probe each); alone, as one set of ids (IN), since probing a
  // million events one by one is slower than building the set once.
  const narrow =
    nonEmpty(filter.ids) ||
    nonEmpty(filter.countryCodes) ||
    nonEmpty(filter.admin1) ||
    nonEmpty(filter.place) ||
    !!filter.bbox ||
    !!filter.near;
  const having = (table: string, alias: string, cond: string) =>
    narrow
      ? `EXISTS (SELECT 1 FROM ${table} ${alias} WHERE ${alias}.event_id = e.id AND ${cond})`
      : `e.id IN (SELECT ${alias}.event_id FROM ${table} ${alias} WHERE ${cond})`;
  if (nonEmpty(filter.actors)) {
    // With "?" placeholders the values must be added in the order the SQL text uses them.
    const names = d.inNoCase("a.name", filter.actors);
    const roles = nonEmpty(filter.actorRoles) ? ` AND a.role IN (${p.list(filter.actorRoles)})` : "";
    where.push(having("event_actors", "a", `${names}${roles}`));
  }
  if (nonEmpty(filter.victimTypes))
    where.push(having("event_actors", "a", `a.role = 'victim' AND ${d.inNoCase("a.category", filter.victimTypes)}`));
  if (nonEmpty(filter.sources)) where.push(having("event_sources", "s", d.inNoCase("s.name", filter.sources)));
  if (filter.articleId !== undefined) {
    where.push(`e.id IN (SELECT r.event_id FROM reports r WHERE r.article_id = ${p.add(filter.articleId)})`);
  }
  if (filter.bbox) {
    const { west, south, east, north } = filter.bbox;
    if (![west, south, east, north].every(Number.isFinite) || south > north) {
      throw new SitrepError("E_VALIDATION", "bbox needs finite west, south, east, north with south <= north", {
        field: "bbox",
      });
    }
    where.push(
      west <= east
        ? d.box(west, south, east, north)
        : `(${d.box(west, south, 180, north)} OR ${d.box(-180, south, east, north)})`,
    );
  }
  if (filter.near) {
    const { lat, lon, radiusKm } = filter.near;
    if (!(radiusKm >= 0) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      throw new SitrepError("E_VALIDATION", "near needs lat in [-90, 90], lon in [-180, 180] and radiusKm >= 0", {
        field: "near",
      });
    }
    where.push(d.near(lat, lon, radiusKm));
  }
  if (filter.text !== undefined) {
    const words = searchWords(filter.text);
    if (words.length > 0) where.push(d.textMatch(words));
  }
  return where;
}

/** ORDER BY for a sort; ties are broken by id so that pages never overlap. */
export function orderBy(sort: EventSort | undefined): string {
  const dir = sort?.direction === "asc" ? "ASC" : "DESC";
  switch (sort?.field ?? "date") {
    case "date":
      return `e.date_start ${dir} NULLS LAST, e.id ${dir}`;
    case "killed":
      return `e.killed_best ${dir} NULLS LAST, e.id ${dir}`;
    case "injured":
      return `e.injured_best ${dir} NULLS LAST, e.id ${dir}`;
    case "updated":
      return `e.updated_at ${dir}, e.id ${dir}`;
    case "id":
      return `e.id ${dir}`;
    default:
      throw new SitrepError("E_VALIDATION", `cannot sort by "${String(sort?.field)}"`, { field: "sort" });
  }
}

export const MAX_PAGE = 10_000;

export function pageLimit(limit: number | undefined, fallback = 100, max = MAX_PAGE): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 0)
    throw new SitrepError("E_VALIDATION", `limit must be a whole number, not ${limit}`, { field: "limit" });
  return Math.min(limit, max);
}

/** A page's size (100 unless given, at most MAX_PAGE) and how many rows it skips (none unless given). */
export function pageWindow(page: { readonly limit?: number; readonly offset?: number }): {
  limit: number;
  offset: number;
} {
  return { limit: pageLimit(page.limit), offset: pageLimit(page.offset, 0, Number.MAX_SAFE_INTEGER) };
}

/** A way to answer from a rollup table (aliased `r`) instead of the events. */
export interface RollupPlan {
  readonly table: "event_rollup_month" | "event_rollup_admin1";
  readonly where: string[];
  /** The group key over `r`, when grouping. */
  readonly key: string | null;
}

const ROLLUP_FILTERS = new Set(["countryCodes", "admin1", "eventTypes", "datasets"]);

const MONTH_KEYS: Partial<Record<string, string>> = {
  month: "r.month",
  year: "substr(r.month, 1, 4) || '-01-01'",
  country: "r.country_code",
  eventType: "r.event_type",
  dataset: "r.dataset",
};
const ADMIN1_KEYS: Partial<Record<string, string>> = {
  admin1: "r.admin1",
  country: "r.country_code",
  eventType: "r.event_type",
  dataset: "r.dataset",
};

/**
 * How to answer a filter (and a grouping) from the rollups: counts and figure sums by country,
 * type and dataset, and by month (event_rollup_month) or admin1 (event_rollup_admin1). Null when
 * the filter asks for more than they keep (dates, actors, text, places...) or the grouping is by
 * day, week or actor: then the events themselves are read.
 */
export function rollupPlan(filter: EventFilter, groupBy: string | null, p: Params, d: SqlDialect): RollupPlan | null {
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (!ROLLUP_FILTERS.has(key)) return null;
  }
  const byAdmin1 = (filter.admin1?.length ?? 0) > 0 || groupBy === "admin1";
  const keys = byAdmin1 ? ADMIN1_KEYS : MONTH_KEYS;
  const key = groupBy === null ? null : (keys[groupBy] ?? undefined);
  if (key === undefined) return null;
  const where: string[] = [];
  if (filter.countryCodes?.length)
    where.push(`r.country_code IN (${p.list(filter.countryCodes.map((c) => c.toUpperCase()))})`);
  if (filter.admin1?.length) where.push(d.inNoCase("r.admin1", filter.admin1));
  if (filter.eventTypes?.length) where.push(`r.event_type IN (${p.list(filter.eventTypes)})`);
  if (filter.datasets?.length) where.push(`r.dataset IN (${p.list(filter.datasets)})`);
  if (groupBy === "month" || groupBy === "year") where.push("r.month <> ''");
  return { table: byAdmin1 ? "event_rollup_admin1" : "event_rollup_month", where, key };
}

/** SQL for an aggregate from a rollup plan; the LIMIT placeholder is the caller's. */
export function rollupAggregateSql(plan: RollupPlan, timeGroup: boolean, limitPlaceholder: string): string {
  return `SELECT ${plan.key} AS key, sum(r.events) AS events, sum(r.killed_low) AS killed_low, sum(r.killed_best) AS killed_best,
    sum(r.injured_best) AS injured_best FROM ${plan.table} r ${plan.where.length ? `WHERE ${plan.where.join(" AND ")}` : ""}
    GROUP BY 1 HAVING sum(r.events) > 0 ORDER BY ${timeGroup ? "1 ASC" : "2 DESC, 1 ASC"} LIMIT ${limitPlaceholder}`;
}

/** SQL counting the events of a filter from a rollup plan. */
export const rollupCountSql = (plan: RollupPlan): string =>
  `SELECT coalesce(sum(r.events), 0) AS n FROM ${plan.table} r ${plan.where.length ? `WHERE ${plan.where.join(" AND ")}` : ""}`;
