import type Database from "better-sqlite3";
import type { EventFields } from "../store.js";

/**
 * The tables derived from events on SQLite — the rollups by month and by admin1 — kept by the
 * store's own write paths (migration 3 replaced the triggers that kept them):
 * a trigger runs a sub-program for every row, which cost an import of a million rows more than
 * all its other writes; here a group of rows costs one upsert per distinct rollup key.
 */
export interface DerivedRow {
  readonly id: number;
  readonly countryCode: string | null;
  readonly dateStart: string | null;
  readonly admin1: string | null;
  readonly eventType: string;
  readonly dataset: string;
  readonly killedLow: number | null;
  readonly killedBest: number | null;
  readonly injuredBest: number | null;
}

interface Delta {
  country: string;
  key: string;
  eventType: string;
  dataset: string;
  events: number;
  killedLow: number;
  killedBest: number;
  injuredBest: number;
}

const upsert = (
  table: string,
  column: string,
) => `INSERT INTO ${table} (country_code, ${column}, event_type, dataset, events, killed_low, killed_best, injured_best)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT DO UPDATE SET events = events + excluded.events, killed_low = killed_low + excluded.killed_low,
    killed_best = killed_best + excluded.killed_best, injured_best = injured_best + excluded.injured_best`;

/** The columns of an event row that the derived tables need, as SQL. */
export const DERIVED_COLUMNS =
  "id, country_code, date_start, admin1, event_type, dataset, killed_low, killed_best, injured_best";

export const derivedFromRow = (r: Record<string, unknown>): DerivedRow => ({
  id: Number(r.id),
  countryCode: (r.country_code as string | null) ?? null,
  dateStart: (r.date_start as string | null) ?? null,
  admin1: (r.admin1 as string | null) ?? null,
  eventType: String(r.event_type),
  dataset: String(r.dataset),
  killedLow: r.killed_low === null ? null : Number(r.killed_low),
  killedBest: r.killed_best === null ? null : Number(r.killed_best),
  injuredBest: r.injured_best === null ? null : Number(r.injured_best),
});

/** The derived-table view of an event row being written (properties written out: see resolver.newEvent). */
export function derivedOf(id: number, dataset: string, f: EventFields): DerivedRow {
  return {
    id,
    countryCode: f.countryCode,
    dateStart: f.dateStart,
    admin1: f.admin1,
    eventType: f.eventType,
    dataset,
    killedLow: f.killed.low,
    killedBest: f.killed.best,
    injuredBest: f.injured.best,
  };
}

const REBUILD = (
  table: string,
  key: string,
) => `INSERT INTO ${table} (country_code, ${table.endsWith("month") ? "month" : "admin1"}, event_type, dataset,
    events, killed_low, killed_best, injured_best)
  SELECT coalesce(e.country_code, ''), ${key}, e.event_type, e.dataset,
    count(*), coalesce(sum(e.killed_low), 0), coalesce(sum(e.killed_best), 0), coalesce(sum(e.injured_best), 0)
  FROM events e WHERE e.merged_into IS NULL GROUP BY 1, 2, 3, 4`;

export class DerivedTables {
  private readonly month: Database.Statement;
  private readonly admin1: Database.Statement;
  /** While a bulk load runs the rollups are not kept row by row: they are computed once at its end. */
  suspended = false;

  constructor(private readonly db: Database.Database) {
    this.month = db.prepare(upsert("event_rollup_month", "month"));
    this.admin1 = db.prepare(upsert("event_rollup_admin1", "admin1"));
  }

  /** Computes the rollups afresh from the events (after a bulk load, or one that stopped midway). */
  rebuild(): void {
    this.db.exec(`DELETE FROM event_rollup_month; DELETE FROM event_rollup_admin1;
      ${REBUILD("event_rollup_month", "coalesce(substr(e.date_start, 1, 7) || '-01', '')")};
      ${REBUILD("event_rollup_admin1", "coalesce(e.admin1, '')")};`);
  }

  /** Counts live events in (sign 1) or out (sign -1) of the derived tables. */
  apply(rows: readonly DerivedRow[], sign: 1 | -1): void {
    if (this.suspended) return;
    const months = new Map<string, Delta>();
    const admins = new Map<string, Delta>();
    const add = (map: Map<string, Delta>, r: DerivedRow, key: string) => {
      const country = r.countryCode ?? "";
      // admin1 compares without case (the column is NOCASE), so its deltas are grouped the same way.
      const id = `${country}\u0000${map === admins ? key.toLowerCase() : key}\u0000${r.eventType}\u0000${r.dataset}`;
      let d = map.get(id);
      if (!d) {
        d = {
          country,
          key,
          eventType: r.eventType,
          dataset: r.dataset,
          events: 0,
          killedLow: 0,
          killedBest: 0,
          injuredBest: 0,
        };
        map.set(id, d);
      }
      d.events += sign;
      d.killedLow += sign * (r.killedLow ?? 0);
      d.killedBest += sign * (r.killedBest ?? 0);
      d.injuredBest += sign * (r.injuredBest ?? 0);
    };
    for (const r of rows) {
      add(months, r, r.dateStart ? `${r.dateStart.slice(0, 7)}-01` : "");
      add(admins, r, r.admin1 ?? "");
    }
    for (const d of months.values())
      this.month.run(d.country, d.key, d.eventType, d.dataset, d.events, d.killedLow, d.killedBest, d.injuredBest);
    for (const d of admins.values())
      this.admin1.run(d.country, d.key, d.eventType, d.dataset, d.events, d.killedLow, d.killedBest, d.injuredBest);
  }
}
