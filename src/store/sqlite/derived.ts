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

type Nested<T> = Map<string, T>;

/**
 * A copy of a string that holds on to nothing else: a string cut from a larger one (a CSV chunk)
 * keeps all of that one alive, and the keys here live as long as the load.
 */
const own = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

/** The map under `key`, made when missing. */
function child<K, T>(map: Map<string, Map<K, T>>, key: string): Map<K, T> {
  let m = map.get(key);
  if (!m) {
    m = new Map();
    map.set(own(key), m);
  }
  return m;
}

/**
 * The month part of a date ("2021-09" of "2021-09-09") as a number, made without a string:
 * base-129 digits of char code + 1 (injective for ASCII); null when a character is not ASCII.
 */
function monthNumber(date: string): number | null {
  let n = 0;
  for (let i = 0; i < 7 && i < date.length; i++) {
    const c = date.charCodeAt(i);
    if (c > 127) return null;
    n = n * 129 + c + 1;
  }
  return n;
}

/** Rollup deltas grouped by key: one upsert per distinct key instead of one per row. */
class Deltas {
  readonly months = new Map<string, Delta>();
  readonly admins = new Map<string, Delta>();
  /**
   * The same deltas found by the row's own strings (event type, dataset, country, then date or
   * admin1), whose hashes the engine keeps: a million rows would otherwise each build and hash
   * two key strings.
   */
  private readonly byMonth: Nested<Nested<Nested<Map<number, Delta>>>> = new Map();
  private readonly byAdmin1: Nested<Nested<Nested<Nested<Delta>>>> = new Map();

  add(rows: readonly DerivedRow[], sign: 1 | -1): void {
    for (const r of rows) {
      const country = r.countryCode ?? "";
      const date = r.dateStart ?? "";
      const admin1 = r.admin1 ?? "";
      const months = child(child(child(this.byMonth, r.eventType), r.dataset), country);
      const month = monthNumber(date);
      let m = month === null ? undefined : months.get(month);
      if (!m) {
        m = this.delta(this.months, r, country, date ? `${date.slice(0, 7)}-01` : "", false);
        if (month !== null) months.set(month, m);
      }
      const admins = child(child(child(this.byAdmin1, r.eventType), r.dataset), country);
      let a = admins.get(admin1);
      if (!a) {
        a = this.delta(this.admins, r, country, admin1, true);
        admins.set(own(admin1), a);
      }
      for (const d of [m, a]) {
        d.events += sign;
        d.killedLow += sign * (r.killedLow ?? 0);
        d.killedBest += sign * (r.killedBest ?? 0);
        d.injuredBest += sign * (r.injuredBest ?? 0);
      }
    }
  }

  /** The delta of one rollup key, made (at zero) when missing. */
  private delta(
    map: Map<string, Delta>,
    r: { readonly eventType: string; readonly dataset: string },
    country: string,
    key: string,
    nocase: boolean,
  ): Delta {
    // admin1 compares without case (the column is NOCASE), so its deltas are grouped the same way.
    const id = `${country}\u0000${nocase ? key.toLowerCase() : key}\u0000${r.eventType}\u0000${r.dataset}`;
    let d = map.get(id);
    if (!d) {
      d = {
        country: own(country),
        key: own(key),
        eventType: own(r.eventType),
        dataset: own(r.dataset),
        events: 0,
        killedLow: 0,
        killedBest: 0,
        injuredBest: 0,
      };
      map.set(own(id), d);
    }
    return d;
  }
}

export class DerivedTables {
  private readonly month: Database.Statement;
  private readonly admin1: Database.Statement;
  /**
   * While a bulk load runs the rollups are not written row by row: deltas gather in `loaded` and
   * are written once at the load's end, which costs less than computing the rollups again from a
   * million events (two sorts of the whole events table). The open transaction's rows are kept in
   * `open`, to be counted out again if it rolls back.
   */
  private suspended: { open: { rows: readonly DerivedRow[]; sign: 1 | -1 }[]; loaded: Deltas } | null = null;

  constructor(private readonly db: Database.Database) {
    this.month = db.prepare(upsert("event_rollup_month", "month"));
    this.admin1 = db.prepare(upsert("event_rollup_admin1", "admin1"));
  }

  /** Computes the rollups afresh from the events (after a bulk load that stopped midway). */
  rebuild(): void {
    this.db.exec(`DELETE FROM event_rollup_month; DELETE FROM event_rollup_admin1;
      ${REBUILD("event_rollup_month", "coalesce(substr(e.date_start, 1, 7) || '-01', '')")};
      ${REBUILD("event_rollup_admin1", "coalesce(e.admin1, '')")};`);
  }

  /** From here on, deltas wait for `resume` (bulk loads). */
  suspend(): void {
    this.suspended = { open: [], loaded: new Deltas() };
  }

  /**
   * Ends a suspension: the committed deltas are written in a transaction of their own, or, when
   * the load failed, the rollups are computed afresh (a failed load may have left its deltas
   * half-counted).
   */
  resume(ok: boolean): void {
    const s = this.suspended;
    this.suspended = null;
    if (!s) return;
    if (!ok) {
      this.rebuild();
      return;
    }
    this.db.transaction(() => this.write(s.loaded, true))();
  }

  /** The open transaction committed: its deltas count. */
  committed(): void {
    if (this.suspended) this.suspended.open = [];
  }

  /** The open transaction rolled back: its deltas never happened. */
  rolledBack(): void {
    const s = this.suspended;
    if (!s) return;
    for (const { rows, sign } of s.open) s.loaded.add(rows, sign === 1 ? -1 : 1);
    s.open = [];
  }

  /** Counts live events in (sign 1) or out (sign -1) of the derived tables. */
  apply(rows: readonly DerivedRow[], sign: 1 | -1): void {
    if (this.suspended) {
      this.suspended.loaded.add(rows, sign);
      this.suspended.open.push({ rows, sign });
      return;
    }
    const deltas = new Deltas();
    deltas.add(rows, sign);
    this.write(deltas, false);
  }

  /** Upserts the deltas; `skipEmpty` leaves out keys whose rows all cancelled out. */
  private write(deltas: Deltas, skipEmpty: boolean): void {
    for (const [stmt, map] of [
      [this.month, deltas.months],
      [this.admin1, deltas.admins],
    ] as const) {
      for (const d of map.values()) {
        if (skipEmpty && d.events === 0 && d.killedLow === 0 && d.killedBest === 0 && d.injuredBest === 0) continue;
        stmt.run(d.country, d.key, d.eventType, d.dataset, d.events, d.killedLow, d.killedBest, d.injuredBest);
      }
    }
  }
}
