import pg from "pg";
import { SitrepError } from "../../core/errors.js";
import type {
  AggregateBucket,
  AggregateQuery,
  EventFilter,
  EventQuery,
  MapPoint,
  MapQuery,
} from "../../query/types.js";
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
  pageTotal,
  eventSelect,
  likePrefix,
  mapPointsSql,
  type ReadDialect,
  type Sql,
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
  Store,
  StoreCounts,
  StoredArticle,
  StoredReport,
  StoreTx,
  TokenRole,
} from "../store.js";
import { checkTokenRole, hashToken, newToken } from "../tokens.js";
import { TransactionQueue, storeError } from "../transactions.js";
import { POSTGRES_MIGRATIONS } from "./migrations.js";
import { textPageSql } from "./text-search.js";

/** Dates as ISO text (as SQLite keeps them), 64-bit ids as numbers (they stay far below 2^53). */
const TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 1082) return (v: string) => v;
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as "text");
  },
} as unknown as pg.CustomTypesConfig;

const MIGRATION_LOCK = 7_243_001;

const POSTGRES: ReadDialect = {
  placeholders: "$",
  conditions: (p: Params) => ({
    param: (v) => p.add(v),
    inNoCase: (column, values) => `lower(${column}) IN (${p.list(values.map((v) => v.toLowerCase()))})`,
    textMatch: (words) => {
      const q = p.add(words.join(" "));
      // One set of ids, not "e.fts @@ … OR e.id IN …": an OR across two tables makes the planner read every event.
      return `e.id IN (SELECT x.id FROM events x WHERE x.fts @@ plainto_tsquery('english', ${q}) UNION SELECT r.event_id FROM reports r JOIN articles a ON a.id = r.article_id WHERE a.fts @@ plainto_tsquery('english', ${q}))`;
    },
    // Latitude and longitude ranges, not a geography envelope: a box's edges are parallels, not great circles.
    box: (west, south, east, north) =>
      `(e.lat BETWEEN ${p.add(south)} AND ${p.add(north)} AND e.lon BETWEEN ${p.add(west)} AND ${p.add(east)})`,
    near: (lat, lon, km) =>
      `ST_DWithin(e.geog, ST_SetSRID(ST_MakePoint(${p.add(lon)}, ${p.add(lat)}), 4326)::geography, ${p.add(km * 1000)})`,
  }),
  // Formatted here rather than left to the session's DateStyle.
  dateColumn: (column) => `to_char(e.${column}, 'YYYY-MM-DD') AS ${column}`,
  timeKeys: {
    day: "to_char(e.date_start, 'YYYY-MM-DD')",
    week: "to_char(date_trunc('week', e.date_start), 'YYYY-MM-DD')",
    month: "to_char(date_trunc('month', e.date_start), 'YYYY-MM-DD')",
    year: "to_char(date_trunc('year', e.date_start), 'YYYY-MM-DD')",
  },
};
const EVENT_SELECT = eventSelect(POSTGRES);

type Queryable = pg.Pool | pg.PoolClient;

const placeholders = (from: number, n: number) => Array.from({ length: n }, (_, i) => `$${from + i}`).join(", ");

/** The PostgreSQL store: a connection pool; each transaction holds one connection. */
export class PostgresStore implements Store {
  readonly dialect = "postgres" as const;
  private readonly queue = new TransactionQueue();

  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4, types: TYPES });
    pool.on("error", () => undefined);
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw new SitrepError("E_STORE_OPEN", (e as Error).message, { file: redact(url) }, { cause: e });
    }
    try {
      await migrate(client, redact(url));
    } catch (e) {
      client.release();
      await pool.end().catch(() => undefined);
      throw storeError("E_STORE_MIGRATION", e, { file: redact(url) });
    }
    client.release();
    return new PostgresStore(pool);
  }

  private async all(sql: string, params: readonly unknown[] = [], on: Queryable = this.pool): Promise<Row[]> {
    return (await on.query(sql, params as unknown[])).rows as Row[];
  }

  private async one(sql: string, params: readonly unknown[] = [], on: Queryable = this.pool): Promise<Row | undefined> {
    return (await this.all(sql, params, on))[0];
  }

  /** Rows as arrays of their columns' values, in select order. */
  private async arrays(q: Sql): Promise<unknown[][]> {
    return (await this.pool.query({ text: q.text, values: [...q.values], rowMode: "array" })).rows as unknown[][];
  }

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      let client: pg.PoolClient;
      try {
        client = await this.pool.connect();
      } catch (e) {
        throw new SitrepError("E_STORE_OPEN", (e as Error).message, {}, { cause: e });
      }
      try {
        await client.query("BEGIN");
        const result = await fn(this.makeTx(client));
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw storeError("E_STORE_WRITE", e);
      } finally {
        client.release();
      }
    });
  }

  /** PostgreSQL keeps its indexes through a load: other sessions may be querying and writing. */
  bulkLoad<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  /** Removes what is kept of an event beside its row: its actors and sources (its search words are a column). */
  private async clearEventSide(c: pg.PoolClient, id: number): Promise<void> {
    await c.query("DELETE FROM event_actors WHERE event_id = $1", [id]);
    await c.query("DELETE FROM event_sources WHERE event_id = $1", [id]);
  }

  private async writeEventSide(c: pg.PoolClient, id: number, f: EventFields): Promise<void> {
    if (f.actors.length) {
      await c.query(
        `INSERT INTO event_actors (event_id, name, role, category)
         SELECT $1, x.name, x.role, x.category FROM jsonb_to_recordset($2::jsonb) AS x(name text, role text, category text) ON CONFLICT DO NOTHING`,
        [id, JSON.stringify(f.actors)],
      );
    }
    if (f.sources.length) {
      await c.query("INSERT INTO event_sources (event_id, name) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING", [
        id,
        [...f.sources],
      ]);
    }
  }

  private makeTx(c: pg.PoolClient): StoreTx {
    const tx: StoreTx = {
      articleByHash: async (hash) => {
        const r = await this.one(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE hash = $1`, [hash], c);
        return r ? articleFromRow(r) : null;
      },
      insertArticle: async (a, group) => {
        const sourceId = a.source ? await tx.sourceId(a.source) : null;
        const inserted = await this.one(
          `INSERT INTO articles (hash, external_id, title, published, url, source, source_id, syndication_group, signature, text)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (hash) DO NOTHING RETURNING id`,
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
          ],
          c,
        );
        if (!inserted) return { article: (await tx.articleByHash(a.hash)) as StoredArticle, created: false };
        const id = Number(inserted.id);
        if (group === null) await c.query("UPDATE articles SET syndication_group = id WHERE id = $1", [id]);
        await c.query(
          "INSERT INTO article_bands (band, article_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING",
          [[...a.bands], id],
        );
        return {
          article: articleFromRow(
            (await this.one(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [id], c)) as Row,
          ),
          created: true,
        };
      },
      similarArticles: async (bands) => {
        if (bands.length === 0) return [];
        const rows = await this.all(
          `SELECT DISTINCT a.id, a.signature, a.syndication_group FROM article_bands b JOIN articles a ON a.id = b.article_id WHERE b.band = ANY($1::text[])`,
          [[...bands]],
          c,
        );
        return rows.map(similarArticleFromRow);
      },
      sourceId: async (name) => {
        await c.query("INSERT INTO sources (name) VALUES ($1) ON CONFLICT DO NOTHING", [name]);
        return Number(((await this.one("SELECT id FROM sources WHERE lower(name) = lower($1)", [name], c)) as Row).id);
      },
      lockBlocks: async (keys) => {
        // In ascending key order, so that two writers never wait on each other in a cycle: PostgreSQL
        // evaluates volatile functions in the select list after the sort, one row at a time.
        if (keys.length === 0) return;
        await c.query(
          "SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(x, 0) AS k FROM unnest($1::text[]) AS x) AS s ORDER BY k",
          [[...keys]],
        );
      },
      candidateEvents: async (block) => {
        const q = candidateEventsSql(block, POSTGRES);
        return (await this.all(q.text, q.values, c)).map(eventFromRow);
      },
      eventById: async (id) => {
        const r = await this.one(`SELECT ${EVENT_SELECT} FROM events e WHERE e.id = $1`, [id], c);
        return r ? eventFromRow(r) : null;
      },
      eventByOriginalId: async (dataset, originalId) => {
        const r = await this.one(
          `SELECT ${EVENT_SELECT} FROM events e WHERE e.dataset = $1 AND e.original_id = $2`,
          [dataset, originalId],
          c,
        );
        return r ? eventFromRow(r) : null;
      },
      insertEvent: async (e) => {
        const values = [...newEventValues(e), eventSearchText(e)];
        const r = (await this.one(
          `INSERT INTO events (${NEW_EVENT_COLUMNS.join(", ")}, search_text, created_at, updated_at)
           VALUES (${placeholders(1, values.length)}, now(), now()) RETURNING id`,
          values,
          c,
        )) as Row;
        const id = Number(r.id);
        await this.writeEventSide(c, id, e);
        return id;
      },
      updateEvent: async (id, f, counts, corrected) => {
        const values = [
          ...eventFieldValues(f),
          eventSearchText(f),
          counts.reportCount,
          counts.articleCount,
          counts.sourceCount,
          JSON.stringify(corrected),
          id,
        ];
        const n = EVENT_FIELD_COLUMNS.length;
        await c.query(
          `UPDATE events SET ${EVENT_FIELD_COLUMNS.map((col, i) => `${col} = $${i + 1}`).join(", ")}, search_text = $${n + 1},
           report_count = $${n + 2}, article_count = $${n + 3}, source_count = $${n + 4}, corrected = $${n + 5}::jsonb,
           version = version + 1, updated_at = now() WHERE id = $${n + 6}`,
          values,
        );
        await this.clearEventSide(c, id);
        await this.writeEventSide(c, id, f);
      },
      markMerged: async (id, into) => {
        await c.query("UPDATE events SET merged_into = $1, version = version + 1, updated_at = now() WHERE id = $2", [
          into,
          id,
        ]);
        await this.clearEventSide(c, id);
      },
      insertReport: async (r) => {
        const row = (await this.one(
          `INSERT INTO reports (${REPORT_COLUMNS.join(", ")}) VALUES (${placeholders(1, REPORT_COLUMNS.length - 1)}, now()) RETURNING id`,
          reportValues(r, r.eventId),
          c,
        )) as Row;
        return Number(row.id);
      },
      importedIds: async (dataset, ids) => {
        const rows = await this.all(
          "SELECT original_id FROM reports WHERE dataset = $1 AND original_id = ANY($2::text[])",
          [dataset, [...ids]],
          c,
        );
        return new Set(rows.map((r) => String(r.original_id)));
      },
      insertEventsWithReports: async (items) => {
        for (const { event, report, figures } of items) {
          const eventId = await tx.insertEvent(event);
          const reportId = await tx.insertReport({ ...report, eventId });
          await tx.addFigureHistory(figures.map((f) => ({ ...f, eventId, reportId })));
        }
      },
      reportsOfEvent: async (eventId) =>
        (
          await this.all(
            "SELECT *, to_char(published, 'YYYY-MM-DD') AS published FROM reports WHERE event_id = $1 ORDER BY id",
            [eventId],
            c,
          )
        ).map(reportFromRow),
      moveReports: async (reportIds, to) => {
        await c.query("UPDATE reports SET event_id = $1 WHERE id = ANY($2::bigint[])", [to, [...reportIds]]);
        await c.query("UPDATE figure_history SET event_id = $1 WHERE report_id = ANY($2::bigint[])", [
          to,
          [...reportIds],
        ]);
      },
      addFigureHistory: async (entries) => {
        for (const f of entries) {
          await c.query(
            `INSERT INTO figure_history (${FIGURE_COLUMNS.join(", ")}) VALUES (${placeholders(1, FIGURE_COLUMNS.length - 1)}, now())`,
            figureValues(f, f.eventId, f.reportId),
          );
        }
      },
      addDecision: async (d) => {
        const r = (await this.one(
          "INSERT INTO decisions (kind, event_ids, payload, by, note, at) VALUES ($1, $2, $3, $4, $5, now()) RETURNING id",
          [d.kind, JSON.stringify(d.eventIds), JSON.stringify(d.payload), d.by, d.note],
          c,
        )) as Row;
        const id = Number(r.id);
        await c.query(
          "INSERT INTO decision_events (decision_id, event_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING",
          [id, [...new Set(d.eventIds)]],
        );
        return id;
      },
      decisionsOf: async (eventId) => this.decisionsOf(eventId, c),
      audit: async (a) => {
        await c.query("INSERT INTO audit_log (at, actor, action, event_id, detail) VALUES (now(), $1, $2, $3, $4)", [
          a.actor,
          a.action,
          a.eventId,
          JSON.stringify(a.detail),
        ]);
      },
    };
    return tx;
  }

  private async decisionsOf(eventId: number, on: Queryable = this.pool) {
    return (
      await this.all(
        "SELECT d.* FROM decisions d JOIN decision_events x ON x.decision_id = d.id WHERE x.event_id = $1 ORDER BY d.id",
        [eventId],
        on,
      )
    ).map(decisionFromRow);
  }

  async queryEvents(q: EventQuery): Promise<EventPage> {
    const words = textOnlyNewestFirst(q);
    if (words) {
      const { limit, offset } = pageWindow(q);
      const rows = await this.all(textPageSql(EVENT_SELECT, orderBy(q.sort)), [words.join(" "), limit, offset]);
      // A page past the last match holds no count: that takes the counting query.
      if (rows.length > 0 || q.withTotal === false)
        return { events: rows.map(eventFromRow), total: pageTotal(rows, q.withTotal !== false) };
    }
    const { page, total, totalInPage } = eventPageSql(q, POSTGRES);
    const rows = await this.all(page.text, page.values);
    const counted = pageTotal(rows, totalInPage);
    return {
      events: rows.map(eventFromRow),
      total: counted ?? (total && Number(((await this.one(total.text, total.values)) as Row).n)),
    };
  }

  async aggregate(q: AggregateQuery): Promise<AggregateBucket[]> {
    const sql = aggregateSql(q, POSTGRES);
    return (await this.all(sql.text, sql.values)).map(bucketFromRow);
  }

  async eventFacts(filter: EventFilter = {}): Promise<EventFacts> {
    return factsFromRows((await this.arrays(eventFactsSql(filter, POSTGRES))) as unknown as FactRow[]);
  }

  async eventIds(filter: EventFilter): Promise<Int32Array> {
    return Int32Array.from(await this.arrays(eventIdsSql(filter, POSTGRES)), (r) => Number(r[0]));
  }

  async changeToken(): Promise<string> {
    const r = (await this.one(CHANGE_TOKEN_SQL)) as Row;
    return `${r.r}:${r.d}`;
  }

  async mapPoints(q: MapQuery): Promise<MapPoint[]> {
    const sql = mapPointsSql(q, POSTGRES);
    return (await this.all(sql.text, sql.values)).map(mapPointFromRow);
  }

  async getEvent(id: number): Promise<EventDetail | null> {
    const row = await this.one(`SELECT ${EVENT_SELECT}, e.merged_into FROM events e WHERE e.id = $1`, [id]);
    if (!row) return null;
    const reports = (await this.all("SELECT * FROM reports WHERE event_id = $1 ORDER BY id", [id])).map(reportFromRow);
    const articleIds = articleIdsOf(reports);
    const articles = articleIds.length
      ? await this.all(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1::bigint[])`, [articleIds])
      : [];
    const figures = await this.all("SELECT * FROM figure_history WHERE event_id = $1 ORDER BY id", [id]);
    return eventDetailFromRows(row, reports, articles, figures, await this.decisionsOf(id));
  }

  async getArticle(id: number): Promise<ArticleWithText | null> {
    const r = await this.one(`SELECT ${ARTICLE_COLUMNS}, text FROM articles WHERE id = $1`, [id]);
    return r ? { ...articleFromRow(r), text: String(r.text) } : null;
  }

  async listArticles(page: { limit?: number; offset?: number }): Promise<StoredArticle[]> {
    const { limit, offset } = pageWindow(page);
    const sql = `SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY ingested_at DESC, id DESC LIMIT $1 OFFSET $2`;
    return (await this.all(sql, [limit, offset])).map(articleFromRow);
  }

  async reportsOfArticle(articleId: number): Promise<StoredReport[]> {
    return (await this.all("SELECT * FROM reports WHERE article_id = $1 ORDER BY event_index", [articleId])).map(
      reportFromRow,
    );
  }

  async counts(): Promise<StoreCounts> {
    return countsFromRow((await this.one(COUNTS_SQL)) as Row);
  }

  async actorNames(prefix: string, limit = 20): Promise<{ name: string; events: number }[]> {
    return (
      await this.all(
        `SELECT name, count(*) AS events FROM event_actors WHERE name ILIKE $1 GROUP BY name ORDER BY events DESC, name LIMIT $2`,
        [likePrefix(prefix), pageLimit(limit, 20, 1000)],
      )
    ).map((r) => ({ name: String(r.name), events: Number(r.events) }));
  }

  async auditLog(q: { eventId?: number; limit?: number; offset?: number }): Promise<AuditEntry[]> {
    const sql = auditLogSql(q, POSTGRES);
    return (await this.all(sql.text, sql.values)).map(auditFromRow);
  }

  async createToken(name: string, role: TokenRole): Promise<{ token: string; info: ApiToken }> {
    checkTokenRole(role);
    const token = newToken();
    const r = (await this.one(
      "INSERT INTO api_tokens (name, role, token_hash, created_at) VALUES ($1, $2, $3, now()) RETURNING *",
      [name, role, hashToken(token)],
    )) as Row;
    return { token, info: tokenFromRow(r) };
  }

  async verifyToken(plain: string): Promise<ApiToken | null> {
    const r = await this.one(
      "UPDATE api_tokens SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING *",
      [hashToken(plain)],
    );
    return r ? tokenFromRow(r) : null;
  }

  async revokeToken(id: number): Promise<void> {
    await this.pool.query("UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL", [id]);
    if (!(await this.one("SELECT id FROM api_tokens WHERE id = $1", [id])))
      throw new SitrepError("E_NOT_FOUND", `no API token ${id}`);
  }

  async listTokens(): Promise<ApiToken[]> {
    return (await this.all("SELECT * FROM api_tokens ORDER BY id")).map(tokenFromRow);
  }

  async close(): Promise<void> {
    await this.queue.idle();
    await this.pool.end();
  }
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

async function migrate(c: pg.PoolClient, where: string): Promise<void> {
  // Several processes may open one database at once: one migrates, the others wait and see it done.
  await c.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
  try {
    await c.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    );
    const applied = (await c.query("SELECT version, checksum FROM schema_migrations")).rows as AppliedMigration[];
    for (const m of pendingMigrations(POSTGRES_MIGRATIONS, applied, where)) {
      await c.query("BEGIN");
      try {
        await c.query(m.sql);
        await c.query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", [
          m.version,
          m.name,
          checksum(m),
        ]);
        await c.query("COMMIT");
      } catch (e) {
        await c.query("ROLLBACK");
        throw e;
      }
    }
  } finally {
    await c.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
  }
}
