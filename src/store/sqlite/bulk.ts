import type Database from "better-sqlite3";
import {
  FIGURE_COLUMNS,
  NEW_EVENT_COLUMNS,
  REPORT_COLUMNS,
  eventSearchText,
  figureValues,
  newEventValues,
  reportValues,
} from "../sql/rows.js";
import type { NewEventWithReport } from "../store.js";
import { derivedOf, type DerivedRow, type DerivedTables } from "./derived.js";

/**
 * The bulk path of imports on SQLite: one synchronous loop over prepared statements, with ids
 * given here (the transaction holds SQLite's only writer lock, so max(id) + 1 is free), so that
 * no row waits on a promise and no statement is prepared twice.
 */
const EVENT_COLUMNS = ["id", ...NEW_EVENT_COLUMNS, "created_at", "updated_at"];
const REPORT_ID_COLUMNS = ["id", ...REPORT_COLUMNS];
const insertSql = (head: string, n: number) => `${head} VALUES (${Array(n).fill("?").join(", ")})`;

export class BulkWriter {
  private readonly event: Database.Statement;
  private readonly actor: Database.Statement;
  private readonly source: Database.Statement;
  private readonly fts: Database.Statement;
  private readonly report: Database.Statement;
  private readonly figure: Database.Statement;
  private readonly maxEvent: Database.Statement;
  private readonly maxReport: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly derived: DerivedTables,
  ) {
    this.event = db.prepare(insertSql(`INSERT INTO events (${EVENT_COLUMNS.join(", ")})`, EVENT_COLUMNS.length));
    this.actor = db.prepare(insertSql("INSERT OR IGNORE INTO event_actors (event_id, name, role, category)", 4));
    this.source = db.prepare(insertSql("INSERT OR IGNORE INTO event_sources (event_id, name)", 2));
    this.fts = db.prepare(insertSql("INSERT INTO events_fts (rowid, notes)", 2));
    this.report = db.prepare(
      insertSql(`INSERT INTO reports (${REPORT_ID_COLUMNS.join(", ")})`, REPORT_ID_COLUMNS.length),
    );
    this.figure = db.prepare(
      insertSql(`INSERT INTO figure_history (${FIGURE_COLUMNS.join(", ")})`, FIGURE_COLUMNS.length),
    );
    this.maxEvent = db.prepare("SELECT coalesce(max(id), 0) AS n FROM events");
    this.maxReport = db.prepare("SELECT coalesce(max(id), 0) AS n FROM reports");
  }

  write(items: readonly NewEventWithReport[], now: string): void {
    if (items.length === 0) return;
    let eventId = Number((this.maxEvent.get() as { n: number }).n);
    let reportId = Number((this.maxReport.get() as { n: number }).n);
    const derived: DerivedRow[] = [];
    for (const { event: e, report: r, figures } of items) {
      const id = ++eventId;
      const rid = ++reportId;
      this.event.run(id, ...newEventValues(e), now, now);
      for (const a of e.actors) this.actor.run(id, a.name, a.role, a.category);
      for (const name of e.sources) this.source.run(id, name);
      const text = eventSearchText(e);
      if (text) this.fts.run(id, text);
      this.report.run(rid, ...reportValues(r, id), now);
      for (const f of figures) this.figure.run(...figureValues(f, id, rid), now);
      derived.push(derivedOf(id, e.dataset, e));
    }
    this.derived.apply(derived, 1);
  }
}
