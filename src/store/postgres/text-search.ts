import { PAGE_TOTAL_COLUMN } from "../sql/reads.js";

/**
 * A page of a full-text search, newest first, over PostgreSQL. Matched events are read once, from
 * the text index and their rows (id and date only), then ranked and counted together; only the
 * page's rows are read whole. Written through the shared filter (`e.id IN (matches)`), the planner
 * joined the matches to a scan of every event, which cost twice as much at 200,000 events.
 * Values: the words, the limit, the offset.
 */
export const textPageSql = (select: string, order: string): string =>
  "WITH m AS MATERIALIZED (SELECT x.id, x.date_start FROM events x WHERE x.fts @@ plainto_tsquery('english', $1) AND x.merged_into IS NULL " +
  "UNION SELECT e.id, e.date_start FROM reports r JOIN articles a ON a.id = r.article_id JOIN events e ON e.id = r.event_id " +
  "WHERE a.fts @@ plainto_tsquery('english', $1) AND e.merged_into IS NULL), " +
  `p AS (SELECT id, count(*) OVER () AS ${PAGE_TOTAL_COLUMN} FROM m ORDER BY ${order.replaceAll("e.", "")} LIMIT $2 OFFSET $3) ` +
  `SELECT ${select}, p.${PAGE_TOTAL_COLUMN} FROM p JOIN events e ON e.id = p.id ORDER BY ${order}`;
