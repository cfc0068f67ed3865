import { PAGE_TOTAL_COLUMN } from "../sql/reads.js";

/**
 * A page of a full-text search, newest first, over SQLite. Ranking every match by date reads each
 * matched row (a common word matches a twentieth of a million events); instead the date index is
 * read newest first and each entry checked against the set of matches, which stops once the page
 * is full: a few thousand index entries, no table rows. The count comes from the text index alone,
 * less the merged events among the matches (a small partial index). When matches are rare, or the
 * page far down, the walk would read most of the index: past a budget it gives way to sorting them.
 */

/** The FTS5 query of some words: each a quoted string, so no word is read as query syntax. */
export const ftsQuery = (words: readonly string[]): string => words.map((w) => `"${w}"`).join(" ");

/** Index entries a page may walk (a few ms); a page that needs more sorts the matches instead. */
export const WALK_BUDGET = 100_000;

/**
 * One statement: the number of unmerged matches (`page_total`) on every row, and the page's events
 * found by walking the date index (one row with null columns when the walk finds none). The text
 * index is read once: ids from the notes (`f`), then those only an article's text adds (`a`,
 * usually none). The walk reads three times the entries the page should need at the matches'
 * density, or none when that passes the budget: a LIMIT is computed once, before the walk.
 * Values: the FTS query twice, the budget, the limit and offset, the limit and offset again.
 */
export const textPageSql = (select: string, order: string): string =>
  "WITH f(id) AS MATERIALIZED (SELECT rowid FROM events_fts WHERE events_fts MATCH ?), " +
  "a(id) AS MATERIALIZED (SELECT DISTINCT r.event_id FROM reports r WHERE r.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) AND r.event_id NOT IN f), " +
  "m(id) AS (SELECT id FROM f UNION ALL SELECT id FROM a), " +
  "n(total, top) AS MATERIALIZED (SELECT (SELECT count(*) FROM f) + (SELECT count(*) FROM a) - (SELECT count(*) FROM events x INDEXED BY events_merged WHERE x.merged_into IS NOT NULL AND +x.id IN m), " +
  "(SELECT coalesce(max(id), 0) FROM events)), " +
  `page(pid) AS MATERIALIZED (SELECT w.id FROM (SELECT e.id, e.date_start FROM events e INDEXED BY events_date WHERE e.merged_into IS NULL ORDER BY ${order} ` +
  "LIMIT (SELECT CASE WHEN need <= ? THEN need ELSE 0 END FROM (SELECT CAST((? + ?) * 3 * top / max(total, 1) AS INTEGER) + 1000 AS need FROM n))) w " +
  `WHERE +w.id IN m ORDER BY ${order.replaceAll("e.", "w.")} LIMIT ? OFFSET ?) ` +
  `SELECT n.total AS ${PAGE_TOTAL_COLUMN}, ${select} FROM n LEFT JOIN (page JOIN events e ON e.id = page.pid) ON 1 ORDER BY ${order}`;

/**
 * Whether the walk found the page: full, or holding the last match. Otherwise the matches lie
 * deeper than the budget (rare words, far pages) and are sorted instead.
 */
export const walkFoundPage = (hits: number, total: number, limit: number, offset: number): boolean =>
  hits === limit || offset + hits >= total;
