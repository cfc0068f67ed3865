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
];
