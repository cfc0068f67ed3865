import Database from "better-sqlite3";
import { SitrepError } from "../../core/errors.js";
import type {
  AggregateBucket,
  AggregateQuery,
  EventFilter,
  EventQuery,
  MapPoint,
  MapQuery,
} from "../../query/types.js";
import { greatCircleKm } from "../../resolve/geo.js";
import { factsFromRows, type EventFacts, type FactRow } from "../event-facts.js";
import { checksum, pendingMigrations, type AppliedMigration } from "../migrations.js";
import {
  CHANGE_TOKEN_SQL,
  COUNTS_SQL,
  aggregateSql,
  auditLogSql,
  candidateEventsSql,
  eventFactsSql,
  eventIdsSql,
  eventPageSql,
  PAGE_TOTAL_COLUMN,
  pageTotal,
  eventSelect,
  likePrefix,
  mapPointsSql,
  type ReadDialect,
} from "../sql/reads.js";
import {
  ARTICLE_COLUMNS,
  EVENT_FIELD_COLUMNS,
  FIGURE_COLUMNS,
  NEW_EVENT_COLUMNS,
  REPORT_COLUMNS,
  articleFromRow,
  articleIdsOf,
  auditFromRow,
  bucketFromRow,
  countsFromRow,
  decisionFromRow,
  eventDetailFromRows,
  eventFieldValues,
  eventFromRow,
  eventSearchText,
  figureValues,
  mapPointFromRow,
  newEventValues,
  reportFromRow,
  reportValues,
  signatureBlob,
  similarArticleFromRow,
  tokenFromRow,
  type Row,
} from "../sql/rows.js";
import { textOnlyNewestFirst } from "../sql/text-only.js";
import { orderBy, pageLimit, pageWindow, type Params } from "../sql/where.js";
import type {
  ApiToken,
  ArticleWithText,
  AuditEntry,
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
import { checkTokenRole, hashToken, newToken } from "../tokens.js";
import { TransactionQueue, storeError } from "../transactions.js";
import { BulkWriter } from "./bulk.js";
import { DEFERRABLE_INDEXES } from "./indexes.js";
import { DERIVED_COLUMNS, DerivedTables, derivedFromRow, derivedOf } from "./derived.js";
import { SQLITE_MIGRATIONS } from "./migrations.js";
import { WALK_BUDGET, ftsQuery, textPageSql, walkFoundPage } from "./text-search.js";

/** One clock reading per transaction: what it writes carries one time, and bulk imports do not pay for a Date per row. */
let txTime: string | null = null;
const now = () => txTime ?? new Date().toISOString();
const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
const INSERT_EVENT = insertSql("events", [...NEW_EVENT_COLUMNS, "created_at", "updated_at"]);
const INSERT_REPORT = insertSql("reports", REPORT_COLUMNS);
const INSERT_FIGURE = insertSql("figure_history", FIGURE_COLUMNS);

/**
 * A box over the map index (events_map): the box's one-degree latitude bands, each read from its
 * west edge to its east edge. The band expression must be written as the index writes it.
 */
function latLonBox(p: Params, west: number, south: number, east: number, north: number): string {
  const bands: number[] = [];
  for (let b = Math.trunc(Math.max(-90, south) + 90); b <= Math.trunc(Math.min(90, north) + 90); b++) bands.push(b);
  return `(CAST(e.lat + 90 AS INTEGER) IN (${bands.join(", ")}) AND e.lon BETWEEN ${p.add(west)} AND ${p.add(east)} AND e.lat BETWEEN ${p.add(south)} AND ${p.add(north)})`;
}

const SQLITE: ReadDialect = {
  placeholders: "?",
  conditions: (p: Params) => ({
    param: (v) => p.add(v),
    // The columns are declared COLLATE NOCASE, so IN compares without case.
    inNoCase: (column, values) => `${column} IN (${p.list(values)})`,
    textMatch: (words) => {
      const q = ftsQuery(words);
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
  }),
  // Dates are kept as ISO text.
  dateColumn: (column) => `e.${column}`,
  timeKeys: {
    day: "e.date_start",
    // 'weekday 0' moves to the coming Sunday (or stays on one); six days back is that ISO week's Monday.
    week: "date(e.date_start, 'weekday 0', '-6 days')",
    month: "substr(e.date_start, 1, 7) || '-01'",
    year: "substr(e.date_start, 1, 4) || '-01-01'",
  },
};
const EVENT_SELECT = eventSelect(SQLITE);

/** The SQLite store: one better-sqlite3 connection, WAL, foreign keys on, migrations checked on open. */
export class SqliteStore implements Store {
  readonly dialect = "sqlite" as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly queue = new TransactionQueue();
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
      throw storeError("E_STORE_MIGRATION", e, { file });
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
    return this.queue.run(async () => {
      try {
        this.db.exec("BEGIN IMMEDIATE");
      } catch (e) {
        throw storeError("E_STORE_WRITE", e);
      }
      try {
        txTime = new Date().toISOString();
        const result = await fn(this.tx);
        this.db.exec("COMMIT");
        this.derived.committed();
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        this.derived.rolledBack();
        throw storeError("E_STORE_WRITE", e);
      } finally {
        txTime = null;
      }
    });
  }

  async bulkLoad<T>(fn: () => Promise<T>): Promise<T> {
    const empty = this.get("SELECT 1 AS x FROM events LIMIT 1") === undefined;
    if (!empty) return fn();
    for (const index of DEFERRABLE_INDEXES) if (!index.appended) this.db.exec(`DROP INDEX IF EXISTS ${index.name}`);
    this.statements.clear();
    // Checkpoints every 1 GB of log rather than every 8 MB: pages a load writes again and again
    // (the rollups, the tables' last pages) reach the database file once, not at every commit.
    this.db.pragma("wal_autocheckpoint = 131072");
    this.derived.suspend();
    let ok = false;
    try {
      const result = await fn();
      ok = true;
      return result;
    } finally {
      await this.queue.idle();
      // Rollups first, indexes last: an index missing at the next open is the sign that this did not finish.
      this.derived.resume(ok);
      buildIndexes(this.db);
      this.statements.clear();
      this.db.pragma("wal_autocheckpoint = 1000");
      this.db.pragma("wal_checkpoint(TRUNCATE)");
    }
  }

  /** Removes what is kept of an event beside its row: its actors, sources and search words. */
  private clearEventSide(id: number): void {
    this.run("DELETE FROM event_actors WHERE event_id = ?", [id]);
    this.run("DELETE FROM event_sources WHERE event_id = ?", [id]);
    this.run("DELETE FROM events_fts WHERE rowid = ?", [id]);
  }

  private writeEventSide(id: number, f: EventFields): void {
    for (const a of f.actors) {
      this.run("INSERT OR IGNORE INTO event_actors (event_id, name, role, category) VALUES (?, ?, ?, ?)", [
        id,
        a.name,
        a.role,
        a.category,
      ]);
    }
    for (const s of f.sources) this.run("INSERT OR IGNORE INTO event_sources (event_id, name) VALUES (?, ?)", [id, s]);
    const text = eventSearchText(f);
    if (text) this.run("INSERT INTO events_fts (rowid, notes) VALUES (?, ?)", [id, text]);
  }

  private insertEventSync(e: NewEvent): number {
    const t = now();
    const info = this.run(INSERT_EVENT, [...newEventValues(e), t, t]);
    const id = Number(info.lastInsertRowid);
    this.writeEventSide(id, e);
    this.derived.apply([derivedOf(id, e.dataset, e)], 1);
    return id;
  }

  private insertReportSync(r: NewReport): number {
    return Number(this.run(INSERT_REPORT, [...reportValues(r, r.eventId), now()]).lastInsertRowid);
  }

  private insertFiguresSync(entries: readonly Omit<FigureHistoryEntry, "recordedAt">[]): void {
    const t = now();
    for (const f of entries) this.run(INSERT_FIGURE, [...figureValues(f, f.eventId, f.reportId), t]);
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
        const existing = await this.tx.articleByHash(a.hash);
        if (existing) return { article: existing, created: false };
        const sourceId = a.source ? await this.tx.sourceId(a.source) : null;
        const info = this.run(
          `INSERT INTO articles (hash, external_id, title, published, url, source, source_id, syndication_group, signature, text, ingested_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            a.hash,
            a.externalId,
            a.title,
            a.published,
            a.url,
            a.source,
            sourceId,
            group ?? 0,
            signatureBlob(a.signature),
            a.text,
            now(),
          ],
        );
        const id = Number(info.lastInsertRowid);
        // An article that copies no earlier one starts its own syndication group, named by its id.
        if (group === null) this.run("UPDATE articles SET syndication_group = ? WHERE id = ?", [id, id]);
        for (const band of a.bands)
          this.run("INSERT OR IGNORE INTO article_bands (band, article_id) VALUES (?, ?)", [band, id]);
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
        return rows.map(similarArticleFromRow);
      },
      sourceId: async (name) => {
        this.run("INSERT OR IGNORE INTO sources (name) VALUES (?)", [name]);
        return Number((this.get("SELECT id FROM sources WHERE name = ?", [name]) as Row).id);
      },
      lockBlocks: async () => {
        // BEGIN IMMEDIATE already holds SQLite's single writer lock.
      },
      candidateEvents: async (block) => {
        const q = candidateEventsSql(block, SQLITE);
        return this.all(q.text, q.values).map(eventFromRow);
      },
      eventById: async (id) => {
        const r = this.get(`SELECT ${EVENT_SELECT} FROM events e WHERE e.id = ?`, [id]);
        return r ? eventFromRow(r) : null;
      },
      eventByOriginalId: async (dataset, originalId) => {
        const r = this.get(`SELECT ${EVENT_SELECT} FROM events e WHERE e.dataset = ? AND e.original_id = ?`, [
          dataset,
          originalId,
        ]);
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
        this.clearEventSide(id);
        this.writeEventSide(id, f);
        if (before && before.merged_into === null) {
          this.derived.apply([derivedOf(id, String(before.dataset), f)], 1);
        }
      },
      markMerged: async (id, into) => {
        const before = this.get(`SELECT ${DERIVED_COLUMNS}, merged_into FROM events WHERE id = ?`, [id]);
        if (before && before.merged_into === null) this.derived.apply([derivedFromRow(before)], -1);
        this.run("UPDATE events SET merged_into = ?, version = version + 1, updated_at = ? WHERE id = ?", [
          into,
          now(),
          id,
        ]);
        this.clearEventSide(id);
      },
      insertReport: async (r: NewReport) => this.insertReportSync(r),
      importedIds: async (dataset, ids) => {
        const found = new Set<string>();
        for (let i = 0; i < ids.length; i += 500) {
          const chunk = ids.slice(i, i + 500);
          const rows = this.all(
            `SELECT original_id FROM reports WHERE dataset = ? AND original_id IN (${chunk.map(() => "?").join(", ")})`,
            [dataset, ...chunk],
          );
          for (const r of rows) found.add(String(r.original_id));
        }
        return found;
      },
      insertEventsWithReports: async (items) => this.bulk.write(items, now()),
      reportsOfEvent: async (eventId) =>
        this.all("SELECT * FROM reports WHERE event_id = ? ORDER BY id", [eventId]).map(reportFromRow),
      moveReports: async (reportIds, to) => {
        for (const id of reportIds) {
          this.run("UPDATE reports SET event_id = ? WHERE id = ?", [to, id]);
          this.run("UPDATE figure_history SET event_id = ? WHERE report_id = ?", [to, id]);
        }
      },
      addFigureHistory: async (entries) => this.insertFiguresSync(entries),
      addDecision: async (d) => {
        const info = this.run(
          "INSERT INTO decisions (kind, event_ids, payload, by, note, at) VALUES (?, ?, ?, ?, ?, ?)",
          [d.kind, JSON.stringify(d.eventIds), JSON.stringify(d.payload), d.by, d.note, now()],
        );
        const id = Number(info.lastInsertRowid);
        for (const e of new Set(d.eventIds))
          this.run("INSERT INTO decision_events (decision_id, event_id) VALUES (?, ?)", [id, e]);
        return id;
      },
      decisionsOf: async (eventId) =>
        this.all(
          "SELECT d.* FROM decisions d JOIN decision_events x ON x.decision_id = d.id WHERE x.event_id = ? ORDER BY d.id",
          [eventId],
        ).map(decisionFromRow),
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
    const words = textOnlyNewestFirst(q);
    if (words) return this.textSearchPage(q, words);
    const { page, total, totalInPage } = eventPageSql(q, SQLITE);
    const rows = this.all(page.text, page.values);
    const counted = pageTotal(rows, totalInPage);
    return {
      events: rows.map(eventFromRow),
      total: counted ?? (total && Number((this.get(total.text, total.values) as Row).n)),
    };
  }

  /** A text search newest first: counted from the text index, paged by a walk of the date index when that finds the page. */
  private textSearchPage(q: EventQuery, words: readonly string[]): EventPage {
    const match = ftsQuery(words);
    const { limit, offset } = pageWindow(q);
    const rows = this.all(textPageSql(EVENT_SELECT, orderBy(q.sort)), [
      match,
      match,
      WALK_BUDGET,
      limit,
      offset,
      limit,
      offset,
    ]);
    const n = Number((rows[0] as Row)[PAGE_TOTAL_COLUMN]);
    const total = q.withTotal === false ? null : n;
    const hits = rows.filter((r) => r.id !== null);
    if (walkFoundPage(hits.length, n, limit, offset)) return { events: hits.map(eventFromRow), total };
    const { page } = eventPageSql({ ...q, withTotal: false }, SQLITE);
    return { events: this.all(page.text, page.values).map(eventFromRow), total };
  }

  async aggregate(q: AggregateQuery): Promise<AggregateBucket[]> {
    const sql = aggregateSql(q, SQLITE);
    return this.all(sql.text, sql.values).map(bucketFromRow);
  }

  async eventFacts(filter: EventFilter = {}): Promise<EventFacts> {
    // A statement of its own: raw() would change a cached one for every other caller.
    const q = eventFactsSql(filter, SQLITE);
    return factsFromRows(
      this.db
        .prepare(q.text)
        .raw()
        .all(...q.values) as FactRow[],
    );
  }

  async eventIds(filter: EventFilter): Promise<Int32Array> {
    const q = eventIdsSql(filter, SQLITE);
    return Int32Array.from(
      this.db
        .prepare(q.text)
        .pluck()
        .all(...q.values) as number[],
    );
  }

  async changeToken(): Promise<string> {
    const r = this.get(CHANGE_TOKEN_SQL) as Row;
    return `${r.r}:${r.d}`;
  }

  async mapPoints(q: MapQuery): Promise<MapPoint[]> {
    const sql = mapPointsSql(q, SQLITE);
    return this.all(sql.text, sql.values).map(mapPointFromRow);
  }

  async getEvent(id: number): Promise<EventDetail | null> {
    const row = this.get(`SELECT ${EVENT_SELECT}, e.merged_into FROM events e WHERE e.id = ?`, [id]);
    if (!row) return null;
    const reports = this.all("SELECT * FROM reports WHERE event_id = ? ORDER BY id", [id]).map(reportFromRow);
    const articleIds = articleIdsOf(reports);
    const articles = articleIds.length
      ? this.all(
          `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id IN (${articleIds.map(() => "?").join(", ")})`,
          articleIds,
        )
      : [];
    const figures = this.all("SELECT * FROM figure_history WHERE event_id = ? ORDER BY id", [id]);
    return eventDetailFromRows(row, reports, articles, figures, await this.tx.decisionsOf(id));
  }

  async getArticle(id: number): Promise<ArticleWithText | null> {
    const r = this.get(`SELECT ${ARTICLE_COLUMNS}, text FROM articles WHERE id = ?`, [id]);
    return r ? { ...articleFromRow(r), text: String(r.text) } : null;
  }

  async listArticles(page: { limit?: number; offset?: number }): Promise<StoredArticle[]> {
    const { limit, offset } = pageWindow(page);
    const sql = `SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY ingested_at DESC, id DESC LIMIT ? OFFSET ?`;
    return this.all(sql, [limit, offset]).map(articleFromRow);
  }

  async reportsOfArticle(articleId: number): Promise<StoredReport[]> {
    return this.all("SELECT * FROM reports WHERE article_id = ? ORDER BY event_index", [articleId]).map(reportFromRow);
  }

  async counts(): Promise<StoreCounts> {
    return countsFromRow(this.get(COUNTS_SQL) as Row);
  }

  async actorNames(prefix: string, limit = 20): Promise<{ name: string; events: number }[]> {
    return this.all(
      `SELECT name, count(*) AS events FROM event_actors WHERE name LIKE ? ESCAPE '\\' GROUP BY name ORDER BY events DESC, name LIMIT ?`,
      [likePrefix(prefix), pageLimit(limit, 20, 1000)],
    ).map((r) => ({ name: String(r.name), events: Number(r.events) }));
  }

  async auditLog(q: { eventId?: number; limit?: number; offset?: number }): Promise<AuditEntry[]> {
    const sql = auditLogSql(q, SQLITE);
    return this.all(sql.text, sql.values).map(auditFromRow);
  }

  async createToken(name: string, role: TokenRole): Promise<{ token: string; info: ApiToken }> {
    checkTokenRole(role);
    const token = newToken();
    const info = this.run("INSERT INTO api_tokens (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)", [
      name,
      role,
      hashToken(token),
      now(),
    ]);
    return {
      token,
      info: tokenFromRow(this.get("SELECT * FROM api_tokens WHERE id = ?", [Number(info.lastInsertRowid)]) as Row),
    };
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
    await this.queue.idle();
    this.db.close();
  }

  /** For benchmarks and bulk imports: runs SQL directly (ANALYZE, pragmas). */
  exec(sql: string): void {
    this.db.exec(sql);
  }
}

function missingIndexes(db: Database.Database): boolean {
  const have = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name),
  );
  return DEFERRABLE_INDEXES.some((i) => !have.has(i.name));
}

function buildIndexes(db: Database.Database): void {
  for (const index of DEFERRABLE_INDEXES) db.exec(index.sql);
}

function migrate(db: Database.Database, file: string): void {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const applied = db.prepare("SELECT version, checksum FROM schema_migrations").all() as AppliedMigration[];
  for (const m of pendingMigrations(SQLITE_MIGRATIONS, applied, file)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)").run(
        m.version,
        m.name,
        checksum(m),
        now(),
      );
    })();
  }
}
