import type Database from "better-sqlite3";
import type { EventFilter } from "../../query/types.js";
import { FACT_COLUMNS, factsFromRows, type EventFacts, type FactRow } from "../event-facts.js";
import { Params, eventConditions, type SqlDialect } from "../sql/where.js";

/** The facts of the live events matching `filter`, in id order. */
export function sqliteEventFacts(
  db: Database.Database,
  filter: EventFilter,
  dialect: (p: Params) => SqlDialect,
): EventFacts {
  const p = new Params("?");
  const where = eventConditions(filter, p, dialect(p)).join(" AND ");
  const rows = db
    .prepare(`SELECT ${FACT_COLUMNS} FROM events e WHERE ${where} ORDER BY e.id`)
    .raw()
    .all(...p.values) as FactRow[];
  return factsFromRows(rows);
}

export function sqliteEventIds(
  db: Database.Database,
  filter: EventFilter,
  dialect: (p: Params) => SqlDialect,
): Int32Array {
  const p = new Params("?");
  const where = eventConditions(filter, p, dialect(p)).join(" AND ");
  const rows = db
    .prepare(`SELECT e.id FROM events e WHERE ${where} ORDER BY e.id`)
    .pluck()
    .all(...p.values) as number[];
  return Int32Array.from(rows);
}

/**
 * Every change to an event comes with a new report (ingest, import) or a new decision (merge,
 * split, correction): the newest of each, read from their primary keys, say whether anything changed.
 */
export function sqliteChangeToken(db: Database.Database): string {
  const row = db
    .prepare(
      "SELECT (SELECT coalesce(max(id), 0) FROM reports) AS r, (SELECT coalesce(max(id), 0) FROM decisions) AS d",
    )
    .get() as {
    r: number;
    d: number;
  };
  return `${row.r}:${row.d}`;
}
