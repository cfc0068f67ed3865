import Database from "better-sqlite3";
import { SitrepError, isSitrepError } from "../../core/errors.js";
import type { AggregateBucket, AggregateQuery, EventQuery, MapPoint, MapQuery } from "../../query/types.js";
import { checksum, pendingMigrations, type AppliedMigration } from "../migrations.js";
import {
  ARTICLE_COLUMNS,
  EVENT_COLUMNS,
  EVENT_FIELD_COLUMNS,
  articleFromRow,
  auditFromRow,
  bucketFromRow,
  decisionFromRow,
  eventFieldValues,
  eventFromRow,
  figureFromRow,
  recordJson,
  reportFromRow,
  tokenFromRow,
  type Row,
} from "../sql/rows.js";
import { Params, eventConditions, orderBy, pageLimit, rollupAggregateSql, rollupCountSql, rollupPlan, shiftDays, type SqlDialect } from "../sql/where.js";
import { greatCircleKm } from "../../resolve/geo.js";
import type {
  ApiToken,
  ArticleWithText,
  AuditEntry,
  Block,
  EventDetail,
  EventFields,
  EventPage,
  FigureHistoryEntry,
  NewArticle,
  NewEvent,
  NewReport,
  Store,
  StoreCounts,
  StoredArticle,
  StoredReport,
  StoreTx,
  TokenRole,
} from "../store.js";
import { hashToken, newToken } from "../tokens.js";
import { BulkWriter } from "./bulk.js";
import { DEFERRABLE_INDEXES } from "./indexes.js";
import { DERIVED_COLUMNS, DerivedTables, derivedFromRow, derivedOf } from "./derived.js";
import { SQLITE_MIGRATIONS } from "./migrations.js";
import type { EventFilter } from "../../query/types.js";
import type { EventFacts } from "../event-facts.js";
import { sqliteChangeToken, sqliteEventFacts, sqliteEventIds } from "./event-facts.js";

/** One clock reading per transaction: what it writes carries one time, and bulk imports do not pay for a Date per row. */
let txTime: string | null = null;
const now = () => txTime ?? new Date().toISOString();
const EVENT_SELECT = EVENT_COLUMNS.map((c) => `e.${c}`).join(", ");
const INSERT_EVENT = `INSERT INTO events (dataset, original_id, ${EVENT_FIELD_COLUMNS.join(", ")}, report_count, article_count, source_count, created_at, updated_at)
  VALUES (${Array(EVENT_FIELD_COLUMNS.length + 7)
    .fill("?")
    .join(", ")})`;

/**
 * A box over the map index (events_map): the box's one-degree latitude bands, each read from its
 * west edge to its east edge. The band expression must be written as the index writes it.
 */
function latLonBox(p: Params, west: number, south: number, east: number, north: number): string {
  const bands: number[] = [];
  for (let b = Math.trunc(Math.max(-90, south) + 90); b <= Math.trunc(Math.min(90, north) + 90); b++) bands.push(b);
  return `(CAST(e.lat + 90 AS INTEGER) IN (${bands.join(", ")}) AND e.lon BETWEEN ${p.add(west)} AND ${p.add(east)} AND e.lat BETWEEN ${p.add(south)} AND ${p.add(north)})`;
}

function dialect(p: Params): SqlDialect {
  return {
    param: (v) => p.add(v),
    // The columns are declared COLLATE NOCASE, so IN compares without case.
    inNoCase: (column, values) => `${column} IN (${p.list(values)})`,
    textMatch: (words) => {
      const q = words.map((w) => `"${w}"`).join(" ");
      return `(e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ${p.add(q)}) OR e.id IN (SELECT r.event_id FROM reports r WHERE r.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${p.add(q)})))`;
    },
    box: (west, south, east, north) => latLonBox(p, west, south, east, north),
    near: (lat, lon, km) => {
      // A box around the circle lets the lat/lon index narrow the rows the distance is computed for.
      const dLat = km / 111.2;
      const cos = Math.abs(Math.cos((lat * Math.PI) / 180));
      const dLon = cos < 1e-6 ? 180 : km / (111.2 * cos);
      return `(${latLonBox(p, lon - dLon, Math.max(-90, lat - dLat), lon + dLon, Math.min(90, lat + dLat))} AND distance_km(e.lat, e.lon, ${p.add(lat)}, ${p.add(lon)}) <= ${p.add(km)})`;
    },
  };
}

const GROUP_KEY: Record<string, string> = {
  day: "e.date_start",
  // 'weekday 0' moves to the coming Sunday (or stays on one); six days back is that ISO week's Monday.
  week: "date(e.date_start, 'weekday 0', '-6 days')",
  month: "substr(e.date_start, 1, 7) || '-01'",
  year: "substr(e.date_start, 1, 4) || '-01-01'",
  country: "e.country_code",
  admin1: "e.admin1",
  eventType: "e.event_type",
  subEventType: "e.sub_event_type",
  dataset: "e.dataset",
};

/** The SQLite store: one better-sqlite3 connection, WAL, foreign keys on, migrations checked on open. */
export class SqliteStore implements Store {
  readonly dialect = "sqlite" as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly tx: StoreTx;
  private readonly bulk: BulkWriter;
  private readonly derived: DerivedTables;

  private constructor(db: Database.Database) {
    this.db = db;
    this.tx = this.makeTx();
    this.derived = new DerivedTables(db);
    this.bulk = new BulkWriter(db, this.derived);
  }

  /** Opens (creating when needed) and migrates the database at `file` (":memory:" for a private one). */
  static open(file: string): SqliteStore {
    let db: Database.Database;
    try {
      db = new Database(file);
      // 8 KB pages hold a report's record with fewer overflow pages (takes effect on a new database only).
      db.pragma("page_size = 8192");
      db.pragma("journal_mode = WAL");
      db.pragma("foreign_keys = ON");
      db.pragma("synchronous = NORMAL");
      db.pragma("busy_timeout = 10000");
      // Up to 1 GB of pages, taken only as the database grows: the indexes of millions of events
      // stay in memory, where an import's random index inserts would otherwise read from disk.
      db.pragma("cache_size = -1048576");
    } catch (e) {
      throw new SitrepError("E_STORE_OPEN", (e as Error).message, { file }, { cause: e });
    }
    try {
      migrate(db, file);
    } catch (e) {
      db.close();
      if (isSitrepError(e)) throw e;
      throw new SitrepError("E_STORE_MIGRATION", (e as Error).message, { file }, { cause: e });
    }
    // A bulk load that stopped midway left indexes unbuilt and rollups unkept: both are made again.
    const interrupted = missingIndexes(db);
    db.function("distance_km", { deterministic: true }, (lat1, lon1, lat2, lon2) =>
      lat1 === null || lon1 === null ? null : greatCircleKm(Number(lat1), Number(lon1), Number(lat2), Number(lon2)),
    );
    const store = new SqliteStore(db);
    if (interrupted) {
      store.derived.rebuild();
      buildIndexes(db);
    }
    return store;
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private all(sql: string, params: readonly unknown[] = []): Row[] {
    return this.stmt(sql).all(...params) as Row[];
  }

  private get(sql: string, params: readonly unknown[] = []): Row | undefined {
    return this.stmt(sql).get(...params) as Row | undefined;
  }

  private run(sql: string, params: readonly unknown[] = []): Database.RunResult {
    return this.stmt(sql).run(...params);
  }

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      try {
        this.db.exec("BEGIN IMMEDIATE");
      } catch (e) {
        throw new SitrepError("E_STORE_WRITE", (e as Error).message, {}, { cause: e });
      }
      try {
        txTime = new Date().toISOString();
        const result = await fn(this.tx);
        this.db.exec("COMMIT");
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        if (isSitrepError(e)) throw e;
        throw new SitrepError("E_STORE_WRITE", (e as Error).message, {}, { cause: e });
      } finally {
        txTime = null;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async bulkLoad<T>(fn: () => Promise<T>): Promise<T> {
    const empty = this.get("SELECT 1 AS x FROM events LIMIT 1") === undefined;
    if (!empty) return fn();
    for (const index of DEFERRABLE_INDEXES) this.db.exec(`DROP INDEX IF EXISTS ${index.name}`);
    this.statements.clear();
    // Checkpoints every 1 GB of log rather than every 8 MB: pages a load writes again and again
    // (the rollups, the tables' last pages) reach the database file once, not at every commit.
    this.db.pragma("wal_autocheckpoint = 131072");
    this.derived.suspended = true;
    try {
      return await fn();
    } finally {
      await this.queue;
      // Indexes first: an index missing at the next open is the sign that this did not finish.
      this.derived.rebuild();
      buildIndexes(this.db);
      this.derived.suspended = false;
      this.statements.clear();
      this.db.pragma("wal_autocheckpoint = 1000");
      this.db.pragma("wal_checkpoint(TRUNCATE)");
    }
  }

  private writeEventSide(id: number, f: EventFields, replace: boolean): void {
    if (replace) {
      this.run("DELETE FROM event_actors WHERE event_id = ?", [id]);
      this.run("DELETE FROM event_sources WHERE event_id = ?", [id]);
      this.run("DELETE FROM events_fts WHERE rowid = ?", [id]);
    }
    for (const a of f.actors) {
      this.run("INSERT OR IGNORE INTO event_actors (event_id, name, role, category) VALUES (?, ?, ?, ?)", [id, a.name, a.role, a.category]);
    }
    for (const s of f.sources) this.run("INSERT OR IGNORE INTO event_sources (event_id, name) VALUES (?, ?)", [id, s]);
    const text = [f.notes, f.place, f.admin1, ...f.actors.map((a) => a.name)].filter(Boolean).join(" ");
    if (text) this.run("INSERT INTO events_fts (rowid, notes) VALUES (?, ?)", [id, text]);
  }

  private insertEventSync(e: NewEvent): number {
    const t = now();
    const info = this.run(INSERT_EVENT, [e.dataset, e.originalId, ...eventFieldValues(e), e.reportCount, e.articleCount, e.sourceCount, t, t]);
    const id = Number(info.lastInsertRowid);
    this.writeEventSide(id, e, false);
    this.derived.apply([derivedOf(id, e.dataset, e)], 1);
    return id;
  }

  private insertReportSync(r: NewReport): number {
    const info = this.run(
      `INSERT INTO reports (event_id, article_id, event_index, origin, dataset, original_id, record, match, match_score, published, source_name, syndication_group, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.eventId, r.articleId, r.eventIndex, r.origin, r.dataset, r.originalId, recordJson(r.record), r.match, r.matchScore, r.published, r.sourceName, r.syndicationGroup, now()],
    );
    return Number(info.lastInsertRowid);
  }

  private insertFiguresSync(entries: readonly Omit<FigureHistoryEntry, "recordedAt">[]): void {
    const t = now();
    for (const f of entries) {
      this.run(
        `INSERT INTO figure_history (event_id, report_id, kind, low, best, high, as_of, source_name, text, start, "end", recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [f.eventId, f.reportId, f.kind, f.low, f.best, f.high, f.asOf, f.sourceName, f.text, f.start, f.end, t],
      );
    }
  }

  private makeTx(): StoreTx {
    const updateEventSql = `UPDATE events SET ${EVENT_FIELD_COLUMNS.map((c) => `${c} = ?`).join(", ")},
      report_count = ?, article_count = ?, source_count = ?, corrected = ?, version = version + 1, updated_at = ? WHERE id = ?`;
    return {
      articleByHash: async (hash) => {
        const r = this.get(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE hash = ?`, [hash]);
        return r ? articleFromRow(r) : null;
      },
      insertArticle: async (a: NewArticle, group) => {
        const existing = this.get(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE hash = ?`, [a.hash]);
        if (existing) return { article: articleFromRow(existing), created: false };
        const sourceId = a.source ? await this.tx.sourceId(a.source) : null;
        const info = this.run(
          `INSERT INTO articles (hash, external_id, title, published, url, source, source_id, syndication_group, signature, text, ingested_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [a.hash, a.externalId, a.title, a.published, a.url, a.source, sourceId, group ?? 0, Buffer.from(a.signature.buffer, a.signature.byteOffset, a.signature.byteLength), a.text, now()],
        );
        const id = Number(info.lastInsertRowid);
        // An article that copies no earlier one starts its own syndication group, named by its id.
        if (group === null) this.run("UPDATE articles SET syndication_group = ? WHERE id = ?", [id, id]);
        for (const band of a.bands) this.run("INSERT OR IGNORE INTO article_bands (band, article_id) VALUES (?, ?)", [band, id]);
        this.run("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", [id, a.title ?? "", a.text]);
        const row = this.get(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`, [id]) as Row;
        return { article: articleFromRow(row), created: true };
      },
      similarArticles: async (bands) => {
        if (bands.length === 0) return [];
        const rows = this.all(
          `SELECT DISTINCT a.id, a.signature, a.syndication_group FROM article_bands b JOIN articles a ON a.id = b.article_id
           WHERE b.band IN (${bands.map(() => "?").join(", ")})`,
          bands,
        );
        return rows.map((r) => {
          const buf = r.signature as Buffer;
          const copy = new Uint8Array(buf.byteLength);
          copy.set(buf);
          return { id: Number(r.id), signature: new Uint32Array(copy.buffer), syndicationGroup: Number(r.syndication_group) };
        });
      },
      sourceId: async (name) => {
        this.run("INSERT OR IGNORE INTO sources (name) VALUES (?)", [name]);
        return Number((this.get("SELECT id FROM sources WHERE name = ?", [name]) as Row).id);
      },
      lockBlocks: async () => {
        // BEGIN IMMEDIATE already holds SQLite's single writer lock.
      },
      candidateEvents: async (block: Block) => {
        const p = new Params("?");
        const where = [
          "e.merged_into IS NULL",
          `e.date_start BETWEEN ${p.add(shiftDays(block.from, -31))} AND ${p.add(block.to)}`,
          `e.date_end >= ${p.add(block.from)}`,
        ];
        where.push(block.countryCode === null ? "e.country_code IS NULL" : `e.country_code = ${p.add(block.countryCode)}`);
        if (block.eventTypes?.length) where.push(`e.event_type IN (${p.list(block.eventTypes)})`);
        if (block.datasets?.length) where.push(`e.dataset IN (${p.list(block.datasets)})`);
        return this.all(`SELECT ${EVENT_SELECT} FROM events e WHERE ${where.join(" AND ")} LIMIT 2000`, p.values).map(eventFromRow);
      },
      eventById: async (id) => {
        const r = this.get(`SELECT ${EVENT_SELECT} FROM events e WHERE e.id = ?`, [id]);
        return r ? eventFromRow(r) : null;
      },
      eventByOriginalId: async (dataset, originalId) => {
        const r = this.get(`SELECT ${EVENT_SELECT} FROM events e WHERE e.dataset = ? AND e.original_id = ?`, [dataset, originalId]);
        return r ? eventFromRow(r) : null;
      },
      insertEvent: async (e: NewEvent) => this.insertEventSync(e),
      updateEvent: async (id, f, counts, corrected) => {
        const before = this.get(`SELECT ${DERIVED_COLUMNS}, merged_into FROM events WHERE id = ?`, [id]);
        if (before && before.merged_into === null) this.derived.apply([derivedFromRow(before)], -1);
        this.run(updateEventSql, [
          ...eventFieldValues(f),
          counts.reportCount,
          counts.articleCount,
          counts.sourceCount,
          JSON.stringify(corrected),
          now(),
          id,
        ]);
        this.writeEventSide(id, f, true);
        if (before && before.merged_into === null) {
          this.derived.apply([derivedOf(id, String(before.dataset), f)], 1);
        }
      },
      markMerged: async (id, into) => {
        const before = this.get(`SELECT ${DERIVED_COLUMNS}, merged_into FROM events WHERE id = ?`, [id]);
        if (before && before.merged_into === null) this.derived.apply([derivedFromRow(before)], -1);
        this.run("UPDATE events SET merged_into = ?, version = version + 1, updated_at = ? WHERE id = ?", [into, now(), id]);
        this.run("DELETE FROM event_actors WHERE event_id = ?", [id]);
        this.run("DELETE FROM event_sources WHERE event_id = ?", [id]);
        this.run("DELETE FROM events_fts WHERE rowid = ?", [id]);
      },
      insertReport: async (r: NewReport) => this.insertReportSync(r),
      importedIds: async (dataset, ids) => {
        const found = new Set<string>();
        for (let i = 0; i < ids.length; i += 500) {
          const chunk = ids.slice(i, i + 500);
          const rows = this.all(`SELECT original_id FROM reports WHERE dataset = ? AND original_id IN (${chunk.map(() => "?").join(", ")})`, [dataset, ...chunk]);
          for (const r of rows) found.add(String(r.original_id));
        }
        return found;
      },
      insertEventsWithReports: async (items) => this.bulk.write(items, now()),
      reportsOfEvent: async (eventId) => this.all("SELECT * FROM reports WHERE event_id = ? ORDER BY id", [eventId]).map(reportFromRow),
      moveReports: async (reportIds, to) => {
        for (const id of reportIds) {
          this.run("UPDATE reports SET event_id = ? WHERE id = ?", [to, id]);
          this.run("UPDATE figure_history SET event_id = ? WHERE report_id = ?", [to, id]);
        }
      },
      addFigureHistory: async (entries) => this.insertFiguresSync(entries),
      addDecision: async (d) => {
        const info = this.run("INSERT INTO decisions (kind, event_ids, payload, by, note, at) VALUES (?, ?, ?, ?, ?, ?)", [
          d.kind,
          JSON.stringify(d.eventIds),
          JSON.stringify(d.payload),
          d.by,
          d.note,
          now(),
        ]);
        const id = Number(info.lastInsertRowid);
        for (const e of new Set(d.eventIds)) this.run("INSERT INTO decision_events (decision_id, event_id) VALUES (?, ?)", [id, e]);
        return id;
      },
      decisionsOf: async (eventId) =>
        this.all("SELECT d.* FROM decisions d JOIN decision_events x ON x.decision_id = d.id WHERE x.event_id = ? ORDER BY d.id", [eventId]).map(
          decisionFromRow,
        ),
      audit: async (a) => {
        this.run("INSERT INTO audit_log (at, actor, action, event_id, detail) VALUES (?, ?, ?, ?, ?)", [
          now(),
          a.actor,
          a.action,
          a.eventId,
          JSON.stringify(a.detail),
        ]);
      },
    };
  }

  async queryEvents(q: EventQuery): Promise<EventPage> {
    const p = new Params("?");
    const where = eventConditions(q.filter ?? {}, p, dialect(p)).join(" AND ");
    const limit = pageLimit(q.limit);
    const offset = pageLimit(q.offset, 0, Number.MAX_SAFE_INTEGER);
    const rows = this.all(`SELECT ${EVENT_SELECT} FROM events e WHERE ${where} ORDER BY ${orderBy(q.sort)} LIMIT ? OFFSET ?`, [
      ...p.values,
      limit,
      offset,
    ]);
    return { events: rows.map(eventFromRow), total: q.withTotal === false ? null : this.total(q.filter ?? {}, where, p.values) };
  }

  /** How many events match: from the rollup when the filter allows (a count over millions of rows is slow), else counted. */
  private total(filter: EventQuery["filter"] & object, where: string, values: readonly unknown[]): number {
    const rp = new Params("?");
    const plan = rollupPlan(filter, null, rp, dialect(rp));
    if (plan) return Number((this.get(rollupCountSql(plan), rp.values) as Row).n);
    return Number((this.get(`SELECT count(*) AS n FROM events e WHERE ${where}`, values) as Row).n);
  }

  async aggregate(q: AggregateQuery): Promise<AggregateBucket[]> {
    const limit = pageLimit(q.limit, 1000, 100_000);
    const timeGroup = ["day", "week", "month", "year"].includes(q.groupBy);
    const rp = new Params("?");
    const plan = rollupPlan(q.filter ?? {}, q.groupBy, rp, dialect(rp));
    if (plan) return this.all(rollupAggregateSql(plan, timeGroup, "?"), [...rp.values, limit]).map(bucketFromRow);
    const p = new Params("?");
    const where = eventConditions(q.filter ?? {}, p, dialect(p));
    let from = "events e";
    let key = GROUP_KEY[q.groupBy];
    if (q.groupBy === "actor") {
      from = "events e JOIN event_actors a ON a.event_id = e.id";
      key = "a.name";
      where.push(`a.role IN (${p.list(q.actorRoles?.length ? q.actorRoles : ["perpetrator"])})`);
    }
    if (!key) throw new SitrepError("E_VALIDATION", `cannot group by "${q.groupBy}"`, { field: "groupBy" });
    if (timeGroup) where.push("e.date_start IS NOT NULL");
    const sql = `SELECT ${key} AS key, count(*) AS events, coalesce(sum(e.killed_low), 0) AS killed_low,
      coalesce(sum(e.killed_best), 0) AS killed_best, coalesce(sum(e.injured_best), 0) AS injured_best
      FROM ${from} WHERE ${where.join(" AND ")} GROUP BY 1 ORDER BY ${timeGroup ? "1 ASC" : "2 DESC, 1 ASC"} LIMIT ?`;
    return this.all(sql, [...p.values, limit]).map(bucketFromRow);
  }

  async eventFacts(filter: EventFilter = {}): Promise<EventFacts> {
    return sqliteEventFacts(this.db, filter, dialect);
  }

  async eventIds(filter: EventFilter): Promise<Int32Array> {
    return sqliteEventIds(this.db, filter, dialect);
  }

  async changeToken(): Promise<string> {
    return sqliteChangeToken(this.db);
  }

  async mapPoints(q: MapQuery): Promise<MapPoint[]> {
    const p = new Params("?");
    const where = eventConditions(q.filter ?? {}, p, dialect(p));
    where.push("e.lat IS NOT NULL", "e.lon IS NOT NULL");
    const rows = this.all(
      `SELECT e.id, e.lat, e.lon, e.event_type, e.sub_event_type, e.date_start, e.killed_best, e.geo_precision FROM events e
       WHERE ${where.join(" AND ")} ORDER BY e.date_start DESC, e.id DESC LIMIT ?`,
      [...p.values, pageLimit(q.limit, 50_000, 500_000)],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      lat: Number(r.lat),
      lon: Number(r.lon),
      eventType: String(r.event_type),
      subEventType: String(r.sub_event_type),
      dateStart: r.date_start === null ? null : String(r.date_start),
      killedBest: r.killed_best === null ? null : Number(r.killed_best),
      geoPrecision: (r.geo_precision ?? null) as MapPoint["geoPrecision"],
    }));
  }

  async getEvent(id: number): Promise<EventDetail | null> {
    const row = this.get(`SELECT ${EVENT_SELECT}, e.merged_into FROM events e WHERE e.id = ?`, [id]);
    if (!row) return null;
    const reports = this.all("SELECT * FROM reports WHERE event_id = ? ORDER BY id", [id]).map(reportFromRow);
    const articleIds = [...new Set(reports.map((r) => r.articleId).filter((a): a is number => a !== null))];
    const articles = new Map<number, StoredArticle>();
    if (articleIds.length) {
      for (const a of this.all(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id IN (${articleIds.map(() => "?").join(", ")})`, articleIds)) {
        articles.set(Number(a.id), articleFromRow(a));
      }
    }
    return {
      event: eventFromRow(row),
      reports: reports.map((r) => ({ ...r, article: r.articleId === null ? null : (articles.get(r.articleId) ?? null) })),
      figureHistory: this.all("SELECT * FROM figure_history WHERE event_id = ? ORDER BY id", [id]).map(figureFromRow),
      decisions: await this.tx.decisionsOf(id),
      mergedInto: row.merged_into === null ? null : Number(row.merged_into),
    };
  }

  async getArticle(id: number): Promise<ArticleWithText | null> {
    const r = this.get(`SELECT ${ARTICLE_COLUMNS}, text FROM articles WHERE id = ?`, [id]);
    return r ? { ...articleFromRow(r), text: String(r.text) } : null;
  }

  async listArticles(page: { limit?: number; offset?: number }): Promise<StoredArticle[]> {
    return this.all(`SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY ingested_at DESC, id DESC LIMIT ? OFFSET ?`, [
      pageLimit(page.limit),
      pageLimit(page.offset, 0, Number.MAX_SAFE_INTEGER),
    ]).map(articleFromRow);
  }

  async reportsOfArticle(articleId: number): Promise<StoredReport[]> {
    return this.all("SELECT * FROM reports WHERE article_id = ? ORDER BY event_index", [articleId]).map(reportFromRow);
  }

  async counts(): Promise<StoreCounts> {
    const n = (sql: string) => Number((this.get(sql) as Row).n);
    return {
      articles: n("SELECT count(*) AS n FROM articles"),
      events: n("SELECT count(*) AS n FROM events WHERE merged_into IS NULL"),
      reports: n("SELECT count(*) AS n FROM reports"),
      sources: n("SELECT count(*) AS n FROM sources"),
    };
  }

  async actorNames(prefix: string, limit = 20): Promise<{ name: string; events: number }[]> {
    const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
    return this.all(
      `SELECT name, count(*) AS events FROM event_actors WHERE name LIKE ? ESCAPE '\\' GROUP BY name ORDER BY events DESC, name LIMIT ?`,
      [`${escaped}%`, pageLimit(limit, 20, 1000)],
    ).map((r) => ({ name: String(r.name), events: Number(r.events) }));
  }

  async auditLog(q: { eventId?: number; limit?: number; offset?: number }): Promise<AuditEntry[]> {
    const cond = q.eventId === undefined ? "" : "WHERE event_id = ?";
    const params = q.eventId === undefined ? [] : [q.eventId];
    return this.all(`SELECT * FROM audit_log ${cond} ORDER BY id DESC LIMIT ? OFFSET ?`, [
      ...params,
      pageLimit(q.limit),
      pageLimit(q.offset, 0, Number.MAX_SAFE_INTEGER),
    ]).map(auditFromRow);
  }

  async createToken(name: string, role: TokenRole): Promise<{ token: string; info: ApiToken }> {
    if (role !== "editor" && role !== "admin") throw new SitrepError("E_VALIDATION", `role must be editor or admin, not "${role}"`, { field: "role" });
    const token = newToken();
    const info = this.run("INSERT INTO api_tokens (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)", [name, role, hashToken(token), now()]);
    return { token, info: tokenFromRow(this.get("SELECT * FROM api_tokens WHERE id = ?", [Number(info.lastInsertRowid)]) as Row) };
  }

  async verifyToken(plain: string): Promise<ApiToken | null> {
    const r = this.get("SELECT * FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL", [hashToken(plain)]);
    if (!r) return null;
    const t = now();
    this.run("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", [t, r.id]);
    return tokenFromRow({ ...r, last_used_at: t });
  }

  async revokeToken(id: number): Promise<void> {
    const info = this.run("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", [now(), id]);
    if (info.changes === 0 && !this.get("SELECT id FROM api_tokens WHERE id = ?", [id])) {
      throw new SitrepError("E_NOT_FOUND", `no API token ${id}`);
    }
  }

  async listTokens(): Promise<ApiToken[]> {
    return this.all("SELECT * FROM api_tokens ORDER BY id").map(tokenFromRow);
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }

  /** For benchmarks and bulk imports: runs SQL directly (ANALYZE, pragmas). */
  exec(sql: string): void {
    this.db.exec(sql);
  }
}

function missingIndexes(db: Database.Database): boolean {
  const have = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name));
  return DEFERRABLE_INDEXES.some((i) => !have.has(i.name));
}

function buildIndexes(db: Database.Database): void {
  for (const index of DEFERRABLE_INDEXES) db.exec(index.sql);
}

function migrate(db: Database.Database, file: string): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const applied = db.prepare("SELECT version, checksum FROM schema_migrations").all() as AppliedMigration[];
  for (const m of pendingMigrations(SQLITE_MIGRATIONS, applied, file)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)").run(m.version, m.name, checksum(m), now());
    })();
  }
}
