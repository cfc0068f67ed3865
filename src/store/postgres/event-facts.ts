import type { EventFilter } from "../../query/types.js";
import { factsFromRows, type EventFacts, type FactRow } from "../event-facts.js";
import { Params, eventConditions, type SqlDialect } from "../sql/where.js";

type Query = (sql: string, params: readonly unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** The facts of the live events matching `filter`, in id order (dates as ISO text, as SQLite keeps them). */
export async function postgresEventFacts(
  query: Query,
  filter: EventFilter,
  dialect: (p: Params) => SqlDialect,
): Promise<EventFacts> {
  const p = new Params("$");
  const where = eventConditions(filter, p, dialect(p)).join(" AND ");
  const { rows } = await query(
    `SELECT e.id, e.lat, e.lon, to_char(e.date_start, 'YYYY-MM-DD') AS date_start, to_char(e.date_end, 'YYYY-MM-DD') AS date_end,
       e.event_type, e.sub_event_type, e.country_code, e.dataset, e.role, e.killed_low, e.killed_best, e.injured_best
       FROM events e WHERE ${where} ORDER BY e.id`,
    p.values,
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return factsFromRows(
    rows.map((r): FactRow => [
      Number(r.id),
      num(r.lat),
      num(r.lon),
      (r.date_start as string | null) ?? null,
      (r.date_end as string | null) ?? null,
      String(r.event_type),
      String(r.sub_event_type),
      (r.country_code as string | null) ?? null,
      String(r.dataset),
      String(r.role),
      num(r.killed_low),
      num(r.killed_best),
      num(r.injured_best),
    ]),
  );
}

export async function postgresEventIds(
  query: Query,
  filter: EventFilter,
  dialect: (p: Params) => SqlDialect,
): Promise<Int32Array> {
  const p = new Params("$");
  const where = eventConditions(filter, p, dialect(p)).join(" AND ");
  const { rows } = await query(`SELECT e.id FROM events e WHERE ${where} ORDER BY e.id`, p.values);
  return Int32Array.from(rows, (r) => Number(r.id));
}

/** As on SQLite: the newest report and decision, which every change to an event brings. */
export async function postgresChangeToken(query: Query): Promise<string> {
  const { rows } = await query(
    "SELECT (SELECT coalesce(max(id), 0) FROM reports) AS r, (SELECT coalesce(max(id), 0) FROM decisions) AS d",
    [],
  );
  return `${rows[0]?.r}:${rows[0]?.d}`;
}
