import type Database from "better-sqlite3";
import { SitrepError } from "../../core/errors.js";
import { gridRowFrom, gridSelect, type MapGridQuery, type MapGridRow } from "../map-grid.js";
import { Params, eventConditions, type SqlDialect } from "../sql/where.js";

/** The map grid on SQLite (its built-in math functions give ln and tan). */
export function sqliteMapGrid(
  db: Database.Database,
  q: MapGridQuery,
  dialect: (p: Params) => SqlDialect,
): MapGridRow[] {
  if (!(q.cellRadians > 0 && q.cellRadians <= 2 * Math.PI)) {
    throw new SitrepError("E_VALIDATION", `cell size ${q.cellRadians} is not in (0, 2π]`, { field: "cellRadians" });
  }
  const p = new Params("?");
  const where = eventConditions(q.filter ?? {}, p, dialect(p));
  where.push("e.lat IS NOT NULL", "e.lon IS NOT NULL");
  // The cell size is a number computed by the server, inlined so that one statement needs it twice.
  const sql = `SELECT ${gridSelect(String(q.cellRadians), { max: "max", min: "min" })}
    FROM events e WHERE ${where.join(" AND ")} GROUP BY gx, gy, e.event_type`;
  return (db.prepare(sql).all(...p.values) as Record<string, unknown>[]).map(gridRowFrom);
}
