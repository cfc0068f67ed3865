import type { Migration } from "../migrations.js";

/**
 * The SQLite schema, step by step. Dates are ISO text (they sort as dates); JSON columns hold
 * what is read whole and never filtered on (records, actor lists); what is filtered on has its own
 * column or table.
 */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "events, articles, reports",
    sql: `
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  external_id TEXT NOT NULL,
  title TEXT,
  published TEXT,
  url TEXT,
  source TEXT,
  source_id INTEGER REFERENCES sources(id),
  syndication_group INTEGER NOT NULL,
  signature BLOB NOT NULL,
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_ingested ON articles(ingested_at DESC, id DESC);

CREATE TABLE article_bands (
  band TEXT NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band, article_id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2');

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  dataset TEXT NOT NULL,
  original_id TEXT,
  event_type TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  date_start TEXT,
  date_end TEXT,
  date_precision TEXT,
  country TEXT,
  country_code TEXT,
  admin1 TEXT COLLATE NOCASE,
  admin2 TEXT COLLATE NOCASE,
  place TEXT COLLATE NOCASE,
  lat REAL,
  lon REAL,
  geo_precision TEXT,
  killed_low INTEGER, killed_best INTEGER, killed_high INTEGER,
  injured_low INTEGER, injured_best INTEGER, injured_high INTEGER,
  kidnapped_low INTEGER, kidnapped_best INTEGER, kidnapped_high INTEGER,
  role TEXT NOT NULL,
  actors TEXT NOT NULL,
  weapons TEXT NOT NULL,
  sources TEXT NOT NULL,
  notes TEXT,
  report_count INTEGER NOT NULL DEFAULT 0,
  article_count INTEGER NOT NULL DEFAULT 0,
  source_count INTEGER NOT NULL DEFAULT 0,
  corrected TEXT NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL DEFAULT 1,
  merged_into INTEGER REFERENCES events(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (dataset, original_id)
);
CREATE INDEX events_date ON events(date_start, id) WHERE merged_into IS NULL;
CREATE INDEX events_country_date ON events(country_code, date_start) WHERE merged_into IS NULL;
CREATE INDEX events_admin1 ON events(admin1, date_start) WHERE merged_into IS NULL;
CREATE INDEX events_latlon ON events(lat, lon) WHERE merged_into IS NULL;

CREATE VIRTUAL TABLE events_fts USING fts5(notes, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2');

CREATE TABLE event_actors (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name TEXT NOT NULL COLLATE NOCASE,
  role TEXT NOT NULL,
  category TEXT COLLATE NOCASE,
  PRIMARY KEY (event_id, name, role)
) WITHOUT ROWID;
CREATE INDEX event_actors_name ON event_actors(name, event_id);
CREATE INDEX event_actors_category ON event_actors(category, event_id) WHERE category IS NOT NULL;

CREATE TABLE event_sources (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (event_id, name)
) WITHOUT ROWID;
CREATE INDEX event_sources_name ON event_sources(name, event_id);

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  article_id INTEGER REFERENCES articles(id),
  event_index INTEGER NOT NULL,
  origin TEXT NOT NULL,
  dataset TEXT NOT NULL,
  original_id TEXT,
  record TEXT NOT NULL,
  match TEXT NOT NULL,
  match_score REAL NOT NULL,
  published TEXT,
  source_name TEXT,
  syndication_group INTEGER,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX reports_article ON reports(article_id, event_index) WHERE article_id IS NOT NULL;
CREATE UNIQUE INDEX reports_original ON reports(dataset, original_id) WHERE original_id IS NOT NULL;
CREATE INDEX reports_event ON reports(event_id);

CREATE TABLE figure_history (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  report_id INTEGER NOT NULL REFERENCES reports(id),
  kind TEXT NOT NULL,
  low INTEGER NOT NULL,
  best INTEGER NOT NULL,
  high INTEGER,
  as_of TEXT,
  source_name TEXT,
  text TEXT,
  start INTEGER,
  "end" INTEGER,
  recorded_at TEXT NOT NULL
);
CREATE INDEX figure_history_event ON figure_history(event_id, id);

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  event_ids TEXT NOT NULL,
  payload TEXT NOT NULL,
  by TEXT NOT NULL,
  note TEXT,
  at TEXT NOT NULL
);
CREATE TABLE decision_events (
  decision_id INTEGER NOT NULL REFERENCES decisions(id),
  event_id INTEGER NOT NULL,
  PRIMARY KEY (event_id, decision_id)
) WITHOUT ROWID;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  event_id INTEGER,
  detail TEXT NOT NULL
);
CREATE INDEX audit_log_event ON audit_log(event_id, id);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('editor', 'admin')),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
`,
  },
  {
    version: 2,
    name: "event rollups, covering country index, spatial index",
    // Counts and figure sums by country, type and dataset, and by month or by admin1, kept by
    // triggers: the dashboard's aggregates over millions of events read a few thousand rows instead.
    // The country index covers what the UI filters and sums on, so one country's year is read from
    // the index alone; an R*Tree answers the map's bounding boxes.
    sql: `
DROP INDEX events_country_date;
DROP INDEX events_latlon;
CREATE INDEX events_country_cover ON events(country_code, date_start, date_end, event_type, killed_low, killed_best, injured_best, admin1)
  WHERE merged_into IS NULL;

CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
CREATE TRIGGER events_rtree_insert AFTER INSERT ON events WHEN NEW.merged_into IS NULL AND NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL BEGIN
  INSERT INTO events_rtree VALUES (NEW.id, NEW.lat, NEW.lat, NEW.lon, NEW.lon);
END;
CREATE TRIGGER events_rtree_update AFTER UPDATE OF lat, lon, merged_into ON events BEGIN
  DELETE FROM events_rtree WHERE id = OLD.id;
  INSERT INTO events_rtree SELECT NEW.id, NEW.lat, NEW.lat, NEW.lon, NEW.lon WHERE NEW.merged_into IS NULL AND NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL;
END;
CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN
  DELETE FROM events_rtree WHERE id = OLD.id;
END;
INSERT INTO events_rtree SELECT id, lat, lat, lon, lon FROM events WHERE merged_into IS NULL AND lat IS NOT NULL AND lon IS NOT NULL;

CREATE TABLE event_rollup_month (
  country_code TEXT NOT NULL,
  month TEXT NOT NULL,
  event_type TEXT NOT NULL,
  dataset TEXT NOT NULL,
  events INTEGER NOT NULL,
  killed_low INTEGER NOT NULL,
  killed_best INTEGER NOT NULL,
  injured_best INTEGER NOT NULL,
  PRIMARY KEY (country_code, month, event_type, dataset)
) WITHOUT ROWID;

CREATE TABLE event_rollup_admin1 (
  country_code TEXT NOT NULL,
  admin1 TEXT NOT NULL COLLATE NOCASE,
  event_type TEXT NOT NULL,
  dataset TEXT NOT NULL,
  events INTEGER NOT NULL,
  killed_low INTEGER NOT NULL,
  killed_best INTEGER NOT NULL,
  injured_best INTEGER NOT NULL,
  PRIMARY KEY (country_code, admin1, event_type, dataset)
) WITHOUT ROWID;

CREATE TRIGGER event_rollup_month_insert AFTER INSERT ON events WHEN NEW.merged_into IS NULL BEGIN
  INSERT INTO event_rollup_month VALUES (coalesce(NEW.country_code, ''), coalesce(substr(NEW.date_start, 1, 7) || '-01', ''), NEW.event_type, NEW.dataset, 1,
    coalesce(NEW.killed_low, 0), coalesce(NEW.killed_best, 0), coalesce(NEW.injured_best, 0))
  ON CONFLICT DO UPDATE SET events = events + 1, killed_low = killed_low + excluded.killed_low,
    killed_best = killed_best + excluded.killed_best, injured_best = injured_best + excluded.injured_best;
END;
CREATE TRIGGER event_rollup_month_remove AFTER UPDATE ON events WHEN OLD.merged_into IS NULL BEGIN
  UPDATE event_rollup_month SET events = events - 1, killed_low = killed_low - coalesce(OLD.killed_low, 0),
    killed_best = killed_best - coalesce(OLD.killed_best, 0), injured_best = injured_best - coalesce(OLD.injured_best, 0)
  WHERE country_code = coalesce(OLD.country_code, '') AND month = coalesce(substr(OLD.date_start, 1, 7) || '-01', '') AND event_type = OLD.event_type AND dataset = OLD.dataset;
END;
CREATE TRIGGER event_rollup_month_add AFTER UPDATE ON events WHEN NEW.merged_into IS NULL BEGIN
  INSERT INTO event_rollup_month VALUES (coalesce(NEW.country_code, ''), coalesce(substr(NEW.date_start, 1, 7) || '-01', ''), NEW.event_type, NEW.dataset, 1,
    coalesce(NEW.killed_low, 0), coalesce(NEW.killed_best, 0), coalesce(NEW.injured_best, 0))
  ON CONFLICT DO UPDATE SET events = events + 1, killed_low = killed_low + excluded.killed_low,
    killed_best = killed_best + excluded.killed_best, injured_best = injured_best + excluded.injured_best;
END;
CREATE TRIGGER event_rollup_month_delete AFTER DELETE ON events WHEN OLD.merged_into IS NULL BEGIN
  UPDATE event_rollup_month SET events = events - 1, killed_low = killed_low - coalesce(OLD.killed_low, 0),
    killed_best = killed_best - coalesce(OLD.killed_best, 0), injured_best = injured_best - coalesce(OLD.injured_best, 0)
  WHERE country_code = coalesce(OLD.country_code, '') AND month = coalesce(substr(OLD.date_start, 1, 7) || '-01', '') AND event_type = OLD.event_type AND dataset = OLD.dataset;
END;
INSERT INTO event_rollup_month
  SELECT coalesce(e.country_code, ''), coalesce(substr(e.date_start, 1, 7) || '-01', ''), e.event_type, e.dataset,
    count(*), coalesce(sum(e.killed_low), 0), coalesce(sum(e.killed_best), 0), coalesce(sum(e.injured_best), 0)
  FROM events e WHERE e.merged_into IS NULL GROUP BY 1, 2, 3, 4;

CREATE TRIGGER event_rollup_admin1_insert AFTER INSERT ON events WHEN NEW.merged_into IS NULL BEGIN
  INSERT INTO event_rollup_admin1 VALUES (coalesce(NEW.country_code, ''), coalesce(NEW.admin1, ''), NEW.event_type, NEW.dataset, 1,
    coalesce(NEW.killed_low, 0), coalesce(NEW.killed_best, 0), coalesce(NEW.injured_best, 0))
  ON CONFLICT DO UPDATE SET events = events + 1, killed_low = killed_low + excluded.killed_low,
    killed_best = killed_best + excluded.killed_best, injured_best = injured_best + excluded.injured_best;
END;
CREATE TRIGGER event_rollup_admin1_remove AFTER UPDATE ON events WHEN OLD.merged_into IS NULL BEGIN
  UPDATE event_rollup_admin1 SET events = events - 1, killed_low = killed_low - coalesce(OLD.killed_low, 0),
    killed_best = killed_best - coalesce(OLD.killed_best, 0), injured_best = injured_best - coalesce(OLD.injured_best, 0)
  WHERE country_code = coalesce(OLD.country_code, '') AND admin1 = coalesce(OLD.admin1, '') AND event_type = OLD.event_type AND dataset = OLD.dataset;
END;
CREATE TRIGGER event_rollup_admin1_add AFTER UPDATE ON events WHEN NEW.merged_into IS NULL BEGIN
  INSERT INTO event_rollup_admin1 VALUES (coalesce(NEW.country_code, ''), coalesce(NEW.admin1, ''), NEW.event_type, NEW.dataset, 1,
    coalesce(NEW.killed_low, 0), coalesce(NEW.killed_best, 0), coalesce(NEW.injured_best, 0))
  ON CONFLICT DO UPDATE SET events = events + 1, killed_low = killed_low + excluded.killed_low,
    killed_best = killed_best + excluded.killed_best, injured_best = injured_best + excluded.injured_best;
END;
CREATE TRIGGER event_rollup_admin1_delete AFTER DELETE ON events WHEN OLD.merged_into IS NULL BEGIN
  UPDATE event_rollup_admin1 SET events = events - 1, killed_low = killed_low - coalesce(OLD.killed_low, 0),
    killed_best = killed_best - coalesce(OLD.killed_best, 0), injured_best = injured_best - coalesce(OLD.injured_best, 0)
  WHERE country_code = coalesce(OLD.country_code, '') AND admin1 = coalesce(OLD.admin1, '') AND event_type = OLD.event_type AND dataset = OLD.dataset;
END;
INSERT INTO event_rollup_admin1
  SELECT coalesce(e.country_code, ''), coalesce(e.admin1, ''), e.event_type, e.dataset,
    count(*), coalesce(sum(e.killed_low), 0), coalesce(sum(e.killed_best), 0), coalesce(sum(e.injured_best), 0)
  FROM events e WHERE e.merged_into IS NULL GROUP BY 1, 2, 3, 4;
`,
  },
  {
    version: 3,
    name: "rollups kept by the store, points in a plain index",
    // The store keeps the rollups itself (store/sqlite/derived.ts), a group of rows at a time: the
    // per-row triggers of migration 2 cost an import more than all its other writes. The R*Tree
    // cost more to fill than it saved the map: a box's events are few, and fetching and sorting
    // them is the cost; a (lat, lon) index finds them as fast.
    sql: `
DROP TRIGGER event_rollup_month_insert;
DROP TRIGGER event_rollup_month_remove;
DROP TRIGGER event_rollup_month_add;
DROP TRIGGER event_rollup_month_delete;
DROP TRIGGER event_rollup_admin1_insert;
DROP TRIGGER event_rollup_admin1_remove;
DROP TRIGGER event_rollup_admin1_add;
DROP TRIGGER event_rollup_admin1_delete;
DROP TRIGGER events_rtree_insert;
DROP TRIGGER events_rtree_update;
DROP TRIGGER events_rtree_delete;
DROP TABLE events_rtree;
CREATE INDEX events_latlon ON events(lat, lon) WHERE merged_into IS NULL;
`,
  },
  {
    version: 4,
    name: "map points from an index",
    // The map's query reads every event in a box. Keyed by one-degree band of latitude, then
    // longitude, the index reads a box's few bands each from its west edge to its east edge, not
    // every event on earth between its north and south; holding what a marker shows, it needs no
    // row from the table.
    sql: `
DROP INDEX IF EXISTS events_latlon;
CREATE INDEX events_map ON events(CAST(lat + 90 AS INTEGER), lon, lat, date_start, event_type, sub_event_type, killed_best, geo_precision)
  WHERE merged_into IS NULL;
`,
  },
  {
    version: 5,
    name: "merged events indexed",
    // A text search counts its matches from the text index, less the merged events among them
    // (store/sqlite/text-search.ts); those are few, and this index lists them without the table.
    sql: `
CREATE INDEX events_merged ON events(merged_into) WHERE merged_into IS NOT NULL;
`,
  },
];
