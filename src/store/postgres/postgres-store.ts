import pg from "pg";
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
import type {
  ApiToken,
  ArticleWithText,
  AuditEntry,
  Block,
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
import { hashToken, newToken } from "../tokens.js";
import { POSTGRES_MIGRATIONS } from "./migrations.js";
import type { EventFilter } from "../../query/types.js";
import type { EventFacts } from "../event-facts.js";
import { postgresChangeToken, postgresEventFacts, postgresEventIds } from "./event-facts.js";

/** Dates as ISO text (as SQLite keeps them), 64-bit ids as numbers (they stay far below 2^53). */
const TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 1082) return (v: string) => v;
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as "text");
  },
} as unknown as pg.CustomTypesConfig;

const MIGRATION_LOCK = 7_243_001;
const EVENT_SELECT = EVENT_COLUMNS.map((c) =>
  c === "date_start" || c === "date_end" ? `to_char(e.${c}, 'YYYY-MM-DD') AS ${c}` : `e.${c}`,
).join(", ");

function dialect(p: Params): SqlDialect {
  return {
    param: (v) => p.add(v),
    inNoCase: (column, values) => `lower(${column}) IN (${p.list(values.map((v) => v.toLowerCase()))})`,
    textMatch: (words) => {
      const q = p.add(words.join(" "));
      return `(e.fts @@ plainto_tsquery('english', ${q}) OR e.id IN (SELECT r.event_id FROM reports r JOIN articles a ON a.id = r.article_id WHERE a.fts @@ plainto_tsquery('english', ${q})))`;
    },
    // Latitude and longitude ranges, not a geography envelope: a box's edges are parallels, not great circles.
    box: (west, south, east, north) => `(e.lat BETWEEN ${p.add(south)} AND ${p.add(north)} AND e.lon BETWEEN ${p.add(west)} AND ${p.add(east)})`,
    near: (lat, lon, km) => `ST_DWithin(e.geog, ST_SetSRID(ST_MakePoint(${p.add(lon)}, ${p.add(lat)}), 4326)::geography, ${p.add(km * 1000)})`,
  };
}

const GROUP_KEY: Record<string, string> = {
  day: "to_char(e.date_start, 'YYYY-MM-DD')",
  week: "to_char(date_trunc('week', e.date_start), 'YYYY-MM-DD')",
  month: "to_char(date_trunc('month', e.date_start), 'YYYY-MM-DD')",
  year: "to_char(date_trunc('year', e.date_start), 'YYYY-MM-DD')",
  country: "e.country_code",
  admin1: "e.admin1",
  eventType: "e.event_type",
  subEventType: "e.sub_event_type",
  dataset: "e.dataset",
};

type Queryable = pg.Pool | pg.PoolClient;

const placeholders = (from: number, n: number) => Array.from({ length: n }, (_, i) => `$${from + i}`).join(", ");

/** The PostgreSQL store: a connection pool; each transaction holds one connection. */
export class PostgresStore implements Store {
  readonly dialect = "postgres" as const;
  private queue: Promise<unknown> = Promise.resolve();

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
      if (isSitrepError(e)) throw e;
      throw new SitrepError("E_STORE_MIGRATION", (e as Error).message, { file: redact(url) }, { cause: e });
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

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
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
        if (isSitrepError(e)) throw e;
        throw new SitrepError("E_STORE_WRITE", (e as Error).message, {}, { cause: e });
      } finally {
        client.release();
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** PostgreSQL keeps its indexes through a load: other sessions may be querying and writing. */
  bulkLoad<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  private async writeEventSide(c: pg.PoolClient, id: number, f: EventFields, replace: boolean): Promise<void> {
    if (replace) {
      await c.query("DELETE FROM event_actors WHERE event_id = $1", [id]);
      await c.query("DELETE FROM event_sources WHERE event_id = $1", [id]);
    }
    if (f.actors.length) {
      await c.query(
        `INSERT INTO event_actors (event_id, name, role, category)
         SELECT $1, x.name, x.role, x.category FROM jsonb_to_recordset($2::jsonb) AS x(name text, role text, category text) ON CONFLICT DO NOTHING`,
        [id, JSON.stringify(f.actors)],
      );
    }
    if (f.sources.length) {
      await c.query("INSERT INTO event_sources (event_id, name) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING", [id, [...f.sources]]);
    }
  }

  private makeTx(c: pg.PoolClient): StoreTx {
    const fieldCols = EVENT_FIELD_COLUMNS.join(", ");
    const searchText = (f: EventFields) => [f.notes, f.place, f.admin1, ...f.actors.map((a) => a.name)].filter(Boolean).join(" ");
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
          [a.hash, a.externalId, a.title, a.published, a.url, a.source, sourceId, group ?? 0, Buffer.from(a.signature.buffer, a.signature.byteOffset, a.signature.byteLength), a.text],
          c,
        );
        if (!inserted) {
          const existing = (await this.one(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE hash = $1`, [a.hash], c)) as Row;
          return { article: articleFromRow(existing), created: false };
        }
        const id = Number(inserted.id);
        if (group === null) await c.query("UPDATE articles SET syndication_group = id WHERE id = $1", [id]);
        await c.query("INSERT INTO article_bands (band, article_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING", [[...a.bands], id]);
        return { article: articleFromRow((await this.one(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [id], c)) as Row), created: true };
      },
      similarArticles: async (bands) => {
        if (bands.length === 0) return [];
        const rows = await this.all(
          `SELECT DISTINCT a.id, a.signature, a.syndication_group FROM article_bands b JOIN articles a ON a.id = b.article_id WHERE b.band = ANY($1::text[])`,
          [[...bands]],
          c,
        );
        return rows.map((r) => {
          const buf = r.signature as Buffer;
          const copy = new Uint8Array(buf.byteLength);
          copy.set(buf);
          return { id: Number(r.id), signature: new Uint32Array(copy.buffer), syndicationGroup: Number(r.syndication_group) };
        });
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
      candidateEvents: async (block: Block) => {
        const p = new Params("$");
        const where = [
          "e.merged_into IS NULL",
          `e.date_start BETWEEN ${p.add(shiftDays(block.from, -31))}::date AND ${p.add(block.to)}::date`,
          `e.date_end >= ${p.add(block.from)}::date`,
        ];
        where.push(block.countryCode === null ? "e.country_code IS NULL" : `e.country_code = ${p.add(block.countryCode)}`);
        if (block.eventTypes?.length) where.push(`e.event_type IN (${p.list(block.eventTypes)})`);
        if (block.datasets?.length) where.push(`e.dataset IN (${p.list(block.datasets)})`);
        return (await this.all(`SELECT ${EVENT_SELECT} FROM events e WHERE ${where.join(" AND ")} LIMIT 2000`, p.values, c)).map(eventFromRow);
      },
      eventById: async (id) => {
        const r = await this.one(`SELECT ${EVENT_SELECT} FROM events e WHERE e.id = $1`, [id], c);
        return r ? eventFromRow(r) : null;
      },
      eventByOriginalId: async (dataset, originalId) => {
        const r = await this.one(`SELECT ${EVENT_SELECT} FROM events e WHERE e.dataset = $1 AND e.original_id = $2`, [dataset, originalId], c);
        return r ? eventFromRow(r) : null;
      },
      insertEvent: async (e) => {
        const values = [e.dataset, e.originalId, ...eventFieldValues(e), searchText(e), e.reportCount, e.articleCount, e.sourceCount];
        const r = (await this.one(
          `INSERT INTO events (dataset, original_id, ${fieldCols}, search_text, report_count, article_count, source_count, created_at, updated_at)
           VALUES (${placeholders(1, values.length)}, now(), now()) RETURNING id`,
          values,
          c,
        )) as Row;
        const id = Number(r.id);
        await this.writeEventSide(c, id, e, false);
        return id;
      },
      updateEvent: async (id, f, counts, corrected) => {
        const values = [...eventFieldValues(f), searchText(f), counts.reportCount, counts.articleCount, counts.sourceCount, JSON.stringify(corrected), id];
        const n = EVENT_FIELD_COLUMNS.length;
        await c.query(
          `UPDATE events SET ${EVENT_FIELD_COLUMNS.map((col, i) => `${col} = $${i + 1}`).join(", ")}, search_text = $${n + 1},
           report_count = $${n + 2}, article_count = $${n + 3}, source_count = $${n + 4}, corrected = $${n + 5}::jsonb,
           version = version + 1, updated_at = now() WHERE id = $${n + 6}`,
          values,
        );
        await this.writeEventSide(c, id, f, true);
      },
      markMerged: async (id, into) => {
        await c.query("UPDATE events SET merged_into = $1, version = version + 1, updated_at = now() WHERE id = $2", [into, id]);
        await c.query("DELETE FROM event_actors WHERE event_id = $1", [id]);
        await c.query("DELETE FROM event_sources WHERE event_id = $1", [id]);
      },
      insertReport: async (r) => {
        const row = (await this.one(
          `INSERT INTO reports (event_id, article_id, event_index, origin, dataset, original_id, record, match, match_score, published, source_name, syndication_group, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now()) RETURNING id`,
          [r.eventId, r.articleId, r.eventIndex, r.origin, r.dataset, r.originalId, recordJson(r.record), r.match, r.matchScore, r.published, r.sourceName, r.syndicationGroup],
          c,
        )) as Row;
        return Number(row.id);
      },
      importedIds: async (dataset, ids) => {
        const rows = await this.all("SELECT original_id FROM reports WHERE dataset = $1 AND original_id = ANY($2::text[])", [dataset, [...ids]], c);
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
        (await this.all("SELECT *, to_char(published, 'YYYY-MM-DD') AS published FROM reports WHERE event_id = $1 ORDER BY id", [eventId], c)).map(reportFromRow),
      moveReports: async (reportIds, to) => {
        await c.query("UPDATE reports SET event_id = $1 WHERE id = ANY($2::bigint[])", [to, [...reportIds]]);
        await c.query("UPDATE figure_history SET event_id = $1 WHERE report_id = ANY($2::bigint[])", [to, [...reportIds]]);
      },
      addFigureHistory: async (entries) => {
        for (const f of entries) {
          await c.query(
            `INSERT INTO figure_history (event_id, report_id, kind, low, best, high, as_of, source_name, text, start, "end", recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())`,
            [f.eventId, f.reportId, f.kind, f.low, f.best, f.high, f.asOf, f.sourceName, f.text, f.start, f.end],
          );
        }
      },
      addDecision: async (d) => {
        const r = (await this.one("INSERT INTO decisions (kind, event_ids, payload, by, note, at) VALUES ($1, $2, $3, $4, $5, now()) RETURNING id", [
          d.kind,
          JSON.stringify(d.eventIds),
          JSON.stringify(d.payload),
          d.by,
          d.note,
        ], c)) as Row;
        const id = Number(r.id);
        await c.query("INSERT INTO decision_events (decision_id, event_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING", [id, [...new Set(d.eventIds)]]);
        return id;
      },
      decisionsOf: async (eventId) => this.decisionsOf(eventId, c),
      audit: async (a) => {
        await c.query("INSERT INTO audit_log (at, actor, action, event_id, detail) VALUES (now(), $1, $2, $3, $4)", [a.actor, a.action, a.eventId, JSON.stringify(a.detail)]);
      },
    };
    return tx;
  }

  private async decisionsOf(eventId: number, on: Queryable = this.pool) {
    return (await this.all("SELECT d.* FROM decisions d JOIN decision_events x ON x.decision_id = d.id WHERE x.event_id = $1 ORDER BY d.id", [eventId], on)).map(
      decisionFromRow,
    );
  }

  async queryEvents(q: EventQuery): Promise<EventPage> {
    const p = new Params("$");
    const where = eventConditions(q.filter ?? {}, p, dialect(p)).join(" AND ");
    const limit = pageLimit(q.limit);
    const offset = pageLimit(q.offset, 0, Number.MAX_SAFE_INTEGER);
    const n = p.values.length;
    const rows = await this.all(`SELECT ${EVENT_SELECT} FROM events e WHERE ${where} ORDER BY ${orderBy(q.sort)} LIMIT $${n + 1} OFFSET $${n + 2}`, [
      ...p.values,
      limit,
      offset,
    ]);
    return { events: rows.map(eventFromRow), total: q.withTotal === false ? null : await this.total(q.filter ?? {}, where, p.values) };
  }

  /** How many events match: from the rollup when the filter allows (a count over millions of rows is slow), else counted. */
  private async total(filter: EventQuery["filter"] & object, where: string, values: readonly unknown[]): Promise<number> {
    const rp = new Params("$");
    const plan = rollupPlan(filter, null, rp, dialect(rp));
    if (plan) return Number(((await this.one(rollupCountSql(plan), rp.values)) as Row).n);
    return Number(((await this.one(`SELECT count(*) AS n FROM events e WHERE ${where}`, values)) as Row).n);
  }

  async aggregate(q: AggregateQuery): Promise<AggregateBucket[]> {
    const limit = pageLimit(q.limit, 1000, 100_000);
    const timeGroup = ["day", "week", "month", "year"].includes(q.groupBy);
    const rp = new Params("$");
    const plan = rollupPlan(q.filter ?? {}, q.groupBy, rp, dialect(rp));
    if (plan) return (await this.all(rollupAggregateSql(plan, timeGroup, `$${rp.values.length + 1}`), [...rp.values, limit])).map(bucketFromRow);
    const p = new Params("$");
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
      FROM ${from} WHERE ${where.join(" AND ")} GROUP BY 1 ORDER BY ${timeGroup ? "1 ASC" : "2 DESC, 1 ASC"} LIMIT $${p.values.length + 1}`;
    return (await this.all(sql, [...p.values, limit])).map(bucketFromRow);
  }

  async eventFacts(filter: EventFilter = {}): Promise<EventFacts> {
    return postgresEventFacts((sql, params) => this.pool.query(sql, [...params]), filter, dialect);
  }

  async eventIds(filter: EventFilter): Promise<Int32Array> {
    return postgresEventIds((sql, params) => this.pool.query(sql, [...params]), filter, dialect);
  }

  async changeToken(): Promise<string> {
    return postgresChangeToken((sql, params) => this.pool.query(sql, [...params]));
  }

  async mapPoints(q: MapQuery): Promise<MapPoint[]> {
    const p = new Params("$");
    const where = eventConditions(q.filter ?? {}, p, dialect(p));
    where.push("e.lat IS NOT NULL", "e.lon IS NOT NULL");
    const rows = await this.all(
      `SELECT e.id, e.lat, e.lon, e.event_type, e.sub_event_type, to_char(e.date_start, 'YYYY-MM-DD') AS date_start, e.killed_best, e.geo_precision
       FROM events e WHERE ${where.join(" AND ")} ORDER BY e.date_start DESC, e.id DESC LIMIT $${p.values.length + 1}`,
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
    const row = await this.one(`SELECT ${EVENT_SELECT}, e.merged_into FROM events e WHERE e.id = $1`, [id]);
    if (!row) return null;
    const reports = (await this.all("SELECT * FROM reports WHERE event_id = $1 ORDER BY id", [id])).map(reportFromRow);
    const articleIds = [...new Set(reports.map((r) => r.articleId).filter((a): a is number => a !== null))];
    const articles = new Map<number, StoredArticle>();
    for (const a of articleIds.length ? await this.all(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1::bigint[])`, [articleIds]) : []) {
      articles.set(Number(a.id), articleFromRow(a));
    }
    return {
      event: eventFromRow(row),
      reports: reports.map((r) => ({ ...r, article: r.articleId === null ? null : (articles.get(r.articleId) ?? null) })),
      figureHistory: (await this.all("SELECT * FROM figure_history WHERE event_id = $1 ORDER BY id", [id])).map(figureFromRow),
      decisions: await this.decisionsOf(id),
      mergedInto: row.merged_into === null ? null : Number(row.merged_into),
    };
  }

  async getArticle(id: number): Promise<ArticleWithText | null> {
    const r = await this.one(`SELECT ${ARTICLE_COLUMNS}, text FROM articles WHERE id = $1`, [id]);
    return r ? { ...articleFromRow(r), text: String(r.text) } : null;
  }

  async listArticles(page: { limit?: number; offset?: number }): Promise<StoredArticle[]> {
    return (
      await this.all(`SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY ingested_at DESC, id DESC LIMIT $1 OFFSET $2`, [
        pageLimit(page.limit),
        pageLimit(page.offset, 0, Number.MAX_SAFE_INTEGER),
      ])
    ).map(articleFromRow);
  }

  async reportsOfArticle(articleId: number): Promise<StoredReport[]> {
    return (await this.all("SELECT * FROM reports WHERE article_id = $1 ORDER BY event_index", [articleId])).map(reportFromRow);
  }

  async counts(): Promise<StoreCounts> {
    const r = (await this.one(`SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events WHERE merged_into IS NULL) AS events,
      (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM sources) AS sources`)) as Row;
    return { articles: Number(r.articles), events: Number(r.events), reports: Number(r.reports), sources: Number(r.sources) };
  }

  async actorNames(prefix: string, limit = 20): Promise<{ name: string; events: number }[]> {
    const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
    return (
      await this.all(`SELECT name, count(*) AS events FROM event_actors WHERE name ILIKE $1 GROUP BY name ORDER BY events DESC, name LIMIT $2`, [
        `${escaped}%`,
        pageLimit(limit, 20, 1000),
      ])
    ).map((r) => ({ name: String(r.name), events: Number(r.events) }));
  }

  async auditLog(q: { eventId?: number; limit?: number; offset?: number }): Promise<AuditEntry[]> {
    const params: unknown[] = q.eventId === undefined ? [] : [q.eventId];
    const cond = q.eventId === undefined ? "" : "WHERE event_id = $1";
    const n = params.length;
    return (
      await this.all(`SELECT * FROM audit_log ${cond} ORDER BY id DESC LIMIT $${n + 1} OFFSET $${n + 2}`, [
        ...params,
        pageLimit(q.limit),
        pageLimit(q.offset, 0, Number.MAX_SAFE_INTEGER),
      ])
    ).map(auditFromRow);
  }

  async createToken(name: string, role: TokenRole): Promise<{ token: string; info: ApiToken }> {
    if (role !== "editor" && role !== "admin") throw new SitrepError("E_VALIDATION", `role must be editor or admin, not "${role}"`, { field: "role" });
    const token = newToken();
    const r = (await this.one("INSERT INTO api_tokens (name, role, token_hash, created_at) VALUES ($1, $2, $3, now()) RETURNING *", [name, role, hashToken(token)])) as Row;
    return { token, info: tokenFromRow(r) };
  }

  async verifyToken(plain: string): Promise<ApiToken | null> {
    const r = await this.one("UPDATE api_tokens SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING *", [hashToken(plain)]);
    return r ? tokenFromRow(r) : null;
  }

  async revokeToken(id: number): Promise<void> {
    await this.pool.query("UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL", [id]);
    if (!(await this.one("SELECT id FROM api_tokens WHERE id = $1", [id]))) throw new SitrepError("E_NOT_FOUND", `no API token ${id}`);
  }

  async listTokens(): Promise<ApiToken[]> {
    return (await this.all("SELECT * FROM api_tokens ORDER BY id")).map(tokenFromRow);
  }

  async close(): Promise<void> {
    await this.queue;
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
        await c.query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", [m.version, m.name, checksum(m)]);
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
