import { SitrepError } from "../../core/errors.js";
import type { AggregateQuery, EventFilter, EventQuery, MapQuery } from "../../query/types.js";
import { FACT_COLUMNS } from "../event-facts.js";
import type { Block } from "../store.js";
import { EVENT_COLUMNS, type Row } from "./rows.js";
import {
  Params,
  eventConditions,
  orderBy,
  pageLimit,
  pageWindow,
  rollupAggregateSql,
  rollupCountSql,
  rollupPlan,
  shiftDays,
  type SqlDialect,
} from "./where.js";

/**
 * The read queries of the Store, written once for both databases. What differs between them is
 * gathered in a `ReadDialect`: placeholders, the filter conditions of where.ts, how a date column
 * reads as ISO text and the aggregates' group keys. Each store runs the SQL its own way.
 */
export interface ReadDialect {
  readonly placeholders: "?" | "$";
  /** The filter conditions' dialect, adding its values to `p`. */
  conditions(p: Params): SqlDialect;
  /** A date column of `e` as a select item of the same name holding YYYY-MM-DD text. */
  dateColumn(column: string): string;
  /** The group key over `e` of each time grouping: the first day of the period, as ISO text. */
  readonly timeKeys: Readonly<Record<"day" | "week" | "month" | "year", string>>;
}

/** SQL text and its parameter values, in placeholder order. */
export interface Sql {
  readonly text: string;
  readonly values: readonly unknown[];
}

const DATE_COLUMNS = new Set(["date_start", "date_end"]);
const COLUMN_KEYS: Partial<Record<string, string>> = {
  country: "e.country_code",
  admin1: "e.admin1",
  eventType: "e.event_type",
  subEventType: "e.sub_event_type",
  dataset: "e.dataset",
};
const MAP_COLUMNS = ["id", "lat", "lon", "event_type", "sub_event_type", "date_start", "killed_best", "geo_precision"];
const COUNT = `SELECT count(*) AS n FROM events e`;

/** Columns of the events table aliased `e`, dates as ISO text. */
export const selectColumns = (columns: readonly string[], d: ReadDialect): string =>
  columns.map((c) => (DATE_COLUMNS.has(c) ? d.dateColumn(c) : `e.${c}`)).join(", ");

/** Every column of a stored event (eventFromRow reads them). */
export const eventSelect = (d: ReadDialect): string => selectColumns(EVENT_COLUMNS, d);

/** The conditions of a filter over `e`, with a parameter list that takes further values after theirs. */
function filtered(filter: EventFilter, d: ReadDialect): { p: Params; where: string[] } {
  const p = new Params(d.placeholders);
  return { p, where: eventConditions(filter, p, d.conditions(p)) };
}

/** The column of a page's rows that holds the number of all matches, when the page query counts them. */
export const PAGE_TOTAL_COLUMN = "page_total";

/**
 * A page of events, and (unless the query asks for none) the SQL counting every match. A full-text
 * filter has no rollup and its matches are found only through the text index, so its page counts
 * them itself (a window over the matched ids, then the page's rows joined): one pass over the
 * matches instead of two. `total` is then needed only when the page is empty.
 */
export function eventPageSql(q: EventQuery, d: ReadDialect): { page: Sql; total: Sql | null; totalInPage: boolean } {
  const filter = q.filter ?? {};
  const { p, where } = filtered(filter, d);
  const conditions = where.join(" AND ");
  const count: Sql = { text: `${COUNT} WHERE ${conditions}`, values: [...p.values] };
  const { limit, offset } = pageWindow(q);
  const order = orderBy(q.sort);
  const total = q.withTotal === false ? null : totalSql(filter, count, d);
  const totalInPage = total === count && (filter.text?.trim() ?? "") !== "";
  const text = totalInPage
    ? `WITH m AS (SELECT e.id, count(*) OVER () AS ${PAGE_TOTAL_COLUMN} FROM events e WHERE ${conditions} ORDER BY ${order} LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}) ` +
      `SELECT ${eventSelect(d)}, m.${PAGE_TOTAL_COLUMN} FROM m JOIN events e ON e.id = m.id ORDER BY ${order}`
    : `SELECT ${eventSelect(d)} FROM events e WHERE ${conditions} ORDER BY ${order} LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`;
  return { page: { text, values: p.values }, total, totalInPage };
}

/** The number of matches of a page query: from its rows when it counted them, else from `count`. */
export function pageTotal(rows: readonly Row[], totalInPage: boolean): number | null {
  return totalInPage && rows.length > 0 ? Number((rows[0] as Row)[PAGE_TOTAL_COLUMN]) : null;
}

/** How many events match: from the rollup when the filter allows (a count over millions of rows is slow), else counted. */
function totalSql(filter: EventFilter, count: Sql, d: ReadDialect): Sql {
  const rp = new Params(d.placeholders);
  const plan = rollupPlan(filter, null, rp, d.conditions(rp));
  return plan ? { text: rollupCountSql(plan), values: rp.values } : count;
}

/** Counts and figure sums by a group: from a rollup when the filter and grouping allow, else from the events. */
export function aggregateSql(q: AggregateQuery, d: ReadDialect): Sql {
  const limit = pageLimit(q.limit, 1000, 100_000);
  const timeGroup = Object.hasOwn(d.timeKeys, q.groupBy);
  const rp = new Params(d.placeholders);
  const plan = rollupPlan(q.filter ?? {}, q.groupBy, rp, d.conditions(rp));
  if (plan) return { text: rollupAggregateSql(plan, timeGroup, rp.add(limit)), values: rp.values };
  const { p, where } = filtered(q.filter ?? {}, d);
  let from = "events e";
  let key = timeGroup ? d.timeKeys[q.groupBy as keyof ReadDialect["timeKeys"]] : COLUMN_KEYS[q.groupBy];
  if (q.groupBy === "actor") {
    from = "events e JOIN event_actors a ON a.event_id = e.id";
    key = "a.name";
    where.push(`a.role IN (${p.list(q.actorRoles?.length ? q.actorRoles : ["perpetrator"])})`);
  }
  if (!key) throw new SitrepError("E_VALIDATION", `cannot group by "${q.groupBy}"`, { field: "groupBy" });
  if (timeGroup) where.push("e.date_start IS NOT NULL");
  const text = `SELECT ${key} AS key, count(*) AS events, coalesce(sum(e.killed_low), 0) AS killed_low,
      coalesce(sum(e.killed_best), 0) AS killed_best, coalesce(sum(e.injured_best), 0) AS injured_best
      FROM ${from} WHERE ${where.join(" AND ")} GROUP BY 1 ORDER BY ${timeGroup ? "1 ASC" : "2 DESC, 1 ASC"} LIMIT ${p.add(limit)}`;
  return { text, values: p.values };
}

/** The located events of a filter as map points (mapPointFromRow reads them), newest first. */
export function mapPointsSql(q: MapQuery, d: ReadDialect): Sql {
  const { p, where } = filtered(q.filter ?? {}, d);
  where.push("e.lat IS NOT NULL", "e.lon IS NOT NULL");
  const text = `SELECT ${selectColumns(MAP_COLUMNS, d)} FROM events e
       WHERE ${where.join(" AND ")} ORDER BY e.date_start DESC, e.id DESC LIMIT ${p.add(pageLimit(q.limit, 50_000, 500_000))}`;
  return { text, values: p.values };
}

/** The facts of the live events of a filter (event-facts.ts), in id order. */
export function eventFactsSql(filter: EventFilter, d: ReadDialect): Sql {
  const { p, where } = filtered(filter, d);
  return {
    text: `SELECT ${selectColumns(FACT_COLUMNS, d)} FROM events e WHERE ${where.join(" AND ")} ORDER BY e.id`,
    values: p.values,
  };
}

/** The ids of the live events of a filter, ascending. */
export function eventIdsSql(filter: EventFilter, d: ReadDialect): Sql {
  const { p, where } = filtered(filter, d);
  return { text: `SELECT e.id FROM events e WHERE ${where.join(" AND ")} ORDER BY e.id`, values: p.values };
}

/** The live events a new record is compared with (Block). */
export function candidateEventsSql(block: Block, d: ReadDialect): Sql {
  const p = new Params(d.placeholders);
  const where = [
    "e.merged_into IS NULL",
    `e.date_start BETWEEN ${p.add(shiftDays(block.from, -31))} AND ${p.add(block.to)}`,
    `e.date_end >= ${p.add(block.from)}`,
  ];
  where.push(block.countryCode === null ? "e.country_code IS NULL" : `e.country_code = ${p.add(block.countryCode)}`);
  if (block.eventTypes?.length) where.push(`e.event_type IN (${p.list(block.eventTypes)})`);
  if (block.datasets?.length) where.push(`e.dataset IN (${p.list(block.datasets)})`);
  return { text: `SELECT ${eventSelect(d)} FROM events e WHERE ${where.join(" AND ")} LIMIT 2000`, values: p.values };
}

/** A page of the audit log, newest first, of one event or of all. */
export function auditLogSql(q: { eventId?: number; limit?: number; offset?: number }, d: ReadDialect): Sql {
  const p = new Params(d.placeholders);
  const cond = q.eventId === undefined ? "" : `WHERE event_id = ${p.add(q.eventId)}`;
  const { limit, offset } = pageWindow(q);
  return {
    text: `SELECT * FROM audit_log ${cond} ORDER BY id DESC LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`,
    values: p.values,
  };
}

/** An actor-name prefix as a LIKE pattern: its own %, _ and \ match themselves (escaped with \). */
export const likePrefix = (prefix: string): string => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const COUNTS_SQL = `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events WHERE merged_into IS NULL) AS events,
  (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM sources) AS sources`;

/**
 * Every change to an event comes with a new report (ingest, import) or a new decision (merge,
 * split, correction): the newest of each, read from their primary keys, say whether anything changed.
 */
export const CHANGE_TOKEN_SQL =
  "SELECT (SELECT coalesce(max(id), 0) FROM reports) AS r, (SELECT coalesce(max(id), 0) FROM decisions) AS d";
