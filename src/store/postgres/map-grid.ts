import { SitrepError } from "../../core/errors.js";
import { gridRowFrom, gridSelect, type MapGridQuery, type MapGridRow } from "../map-grid.js";
import { Params, eventConditions, type SqlDialect } from "../sql/where.js";

type Query = (sql: string, params: readonly unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** The map grid on PostgreSQL: the same grid as SQLite's, with GREATEST/LEAST as the scalar clamp. */
export async function postgresMapGrid(
  query: Query,
  q: MapGridQuery,
  dialect: (p: Params) => SqlDialect,
): Promise<MapGridRow[]> {
  if (!(q.cellRadians > 0 && q.cellRadians <= 2 * Math.PI)) {
    throw new SitrepError("E_VALIDATION", `cell size ${q.cellRadians} is not in (0, 2π]`, { field: "cellRadians" });
  }
  const p = new Params("$");
  const where = eventConditions(q.filter ?? {}, p, dialect(p));
  where.push("e.lat IS NOT NULL", "e.lon IS NOT NULL");
  const cell = `${Number(q.cellRadians)}::double precision`;
  const sql = `SELECT ${gridSelect(cell, { max: "GREATEST", min: "LEAST" })}
    FROM events e WHERE ${where.join(" AND ")} GROUP BY 1, 2, 3`;
  return (await query(sql, p.values)).rows.map(gridRowFrom);
}
