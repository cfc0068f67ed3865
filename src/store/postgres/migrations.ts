import type { Migration } from "../migrations.js";

/**
 * The PostgreSQL schema: the same tables and columns as SQLite's, with native dates, jsonb,
 * a PostGIS geography point for distance queries and tsvector columns for full-text search.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "events, articles, reports",
    sql: `
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE sources (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE UNIQUE INDEX sources_name ON sources (lower(name));

CREATE TABLE articles (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  external_id TEXT NOT NULL,
  title TEXT,
  published DATE,
  url TEXT,
  source TEXT,
  source_id BIGINT REFERENCES sources(id),
  syndication_group BIGINT NOT NULL,
  signature BYTEA NOT NULL,
  text TEXT NOT NULL,
  ingested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  fts TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED
);
CREATE INDEX articles_ingested ON articles (ingested_at DESC, id DESC);
CREATE INDEX articles_fts ON articles USING gin (fts);

CREATE TABLE article_bands (
  band TEXT NOT NULL,
  article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band, article_id)
);

CREATE TABLE events (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dataset TEXT NOT NULL,
  original_id TEXT,
  event_type TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  date_start DATE,
  date_end DATE,
  date_precision TEXT,
  country TEXT,
  country_code TEXT,
  admin1 TEXT,
  admin2 TEXT,
  place TEXT,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  geo_precision TEXT,
  killed_low INTEGER, killed_best INTEGER, killed_high INTEGER,
  injured_low INTEGER, injured_best INTEGER, injured_high INTEGER,
  kidnapped_low INTEGER, kidnapped_best INTEGER, kidnapped_high INTEGER,
  role TEXT NOT NULL,
  actors JSONB NOT NULL,
  weapons JSONB NOT NULL,
  sources JSONB NOT NULL,
  notes TEXT,
  search_text TEXT NOT NULL DEFAULT '',
  report_count INTEGER NOT NULL DEFAULT 0,
  article_count INTEGER NOT NULL DEFAULT 0,
  source_count INTEGER NOT NULL DEFAULT 0,
  corrected JSONB NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL DEFAULT 1,
  merged_into BIGINT REFERENCES events(id),
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  geog GEOGRAPHY(Point, 4326) GENERATED ALWAYS AS (
    CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography END
  ) STORED,
  fts TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', search_text)) STORED,
  UNIQUE (dataset, original_id)
);
CREATE INDEX events_date ON events (date_start, id) WHERE merged_into IS NULL;
CREATE INDEX events_country_date ON events (country_code, date_start) WHERE merged_into IS NULL;
CREATE INDEX events_type_date ON events (event_type, date_start) WHERE merged_into IS NULL;
CREATE INDEX events_admin1 ON events (lower(admin1), date_start) WHERE merged_into IS NULL;
CREATE INDEX events_place ON events (lower(place)) WHERE merged_into IS NULL;
CREATE INDEX events_latlon ON events (lat, lon) WHERE merged_into IS NULL;
CREATE INDEX events_killed ON events (killed_low) WHERE merged_into IS NULL;
CREATE INDEX events_geog ON events USING gist (geog) WHERE merged_into IS NULL;
CREATE INDEX events_fts ON events USING gin (fts);

CREATE TABLE event_actors (
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  category TEXT,
  PRIMARY KEY (event_id, name, role)
);
CREATE INDEX event_actors_name ON event_actors (lower(name), event_id);
CREATE INDEX event_actors_category ON event_actors (lower(category), event_id) WHERE category IS NOT NULL;

CREATE TABLE event_sources (
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  PRIMARY KEY (event_id, name)
);
CREATE INDEX event_sources_name ON event_sources (lower(name), event_id);

CREATE TABLE reports (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id BIGINT NOT NULL REFERENCES events(id),
  article_id BIGINT REFERENCES articles(id),
  event_index INTEGER NOT NULL,
  origin TEXT NOT NULL,
  dataset TEXT NOT NULL,
  original_id TEXT,
  record JSONB NOT NULL,
  match TEXT NOT NULL,
  match_score DOUBLE PRECISION NOT NULL,
  published DATE,
  source_name TEXT,
  syndication_group BIGINT,
  created_at TIMESTAMPTZ NOT NULL,
  UNIQUE (article_id, event_index),
  UNIQUE (dataset, original_id)
);
CREATE INDEX reports_event ON reports (event_id);

CREATE TABLE figure_history (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id BIGINT NOT NULL REFERENCES events(id),
  report_id BIGINT NOT NULL REFERENCES reports(id),
  kind TEXT NOT NULL,
  low INTEGER NOT NULL,
  best INTEGER NOT NULL,
  high INTEGER,
  as_of DATE,
  source_name TEXT,
  text TEXT,
  start INTEGER,
  "end" INTEGER,
  recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX figure_history_event ON figure_history (event_id, id);

CREATE TABLE decisions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind TEXT NOT NULL,
  event_ids JSONB NOT NULL,
  payload JSONB NOT NULL,
  by TEXT NOT NULL,
  note TEXT,
  at TIMESTAMPTZ NOT NULL
);
CREATE TABLE decision_events (
  decision_id BIGINT NOT NULL REFERENCES decisions(id),
  event_id BIGINT NOT NULL,
  PRIMARY KEY (event_id, decision_id)
);

CREATE TABLE audit_log (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  event_id BIGINT,
  detail JSONB NOT NULL
);
CREATE INDEX audit_log_event ON audit_log (event_id, id);

CREATE TABLE api_tokens (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('editor', 'admin')),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL,
  last_used_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ
);
`,
  },
  {
    version: 2,
    name: "event rollups for aggregates",
    // Counts and figure sums by country, type and dataset, and by month or by admin1, kept by a
    // trigger: the dashboard's aggregates over millions of events read a few thousand rows instead.
    sql: `
CREATE TABLE event_rollup_month (
  country_code TEXT NOT NULL,
  month TEXT NOT NULL,
  event_type TEXT NOT NULL,
  dataset TEXT NOT NULL,
  events BIGINT NOT NULL,
  killed_low BIGINT NOT NULL,
  killed_best BIGINT NOT NULL,
  injured_best BIGINT NOT NULL,
  PRIMARY KEY (country_code, month, event_type, dataset)
);
INSERT INTO event_rollup_month
  SELECT coalesce(e.country_code, ''), coalesce(to_char(e.date_start, 'YYYY-MM-01'), ''), e.event_type, e.dataset,
    count(*), coalesce(sum(e.killed_low), 0), coalesce(sum(e.killed_best), 0), coalesce(sum(e.injured_best), 0)
  FROM events e WHERE e.merged_into IS NULL GROUP BY 1, 2, 3, 4;

CREATE TABLE event_rollup_admin1 (
  country_code TEXT NOT NULL,
  admin1 TEXT NOT NULL,
  event_type TEXT NOT NULL,
  dataset TEXT NOT NULL,
  events BIGINT NOT NULL,
  killed_low BIGINT NOT NULL,
  killed_best BIGINT NOT NULL,
  injured_best BIGINT NOT NULL,
  PRIMARY KEY (country_code, admin1, event_type, dataset)
);
INSERT INTO event_rollup_admin1
  SELECT coalesce(e.country_code, ''), coalesce(e.admin1, ''), e.event_type, e.dataset,
    count(*), coalesce(sum(e.killed_low), 0), coalesce(sum(e.killed_best), 0), coalesce(sum(e.injured_best), 0)
  FROM events e WHERE e.merged_into IS NULL GROUP BY 1, 2, 3, 4;

CREATE FUNCTION event_rollup_apply(e events, sign INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO event_rollup_month VALUES (coalesce(e.country_code, ''), coalesce(to_char(e.date_start, 'YYYY-MM-01'), ''), e.event_type, e.dataset,
    sign, sign * coalesce(e.killed_low, 0), sign * coalesce(e.killed_best, 0), sign * coalesce(e.injured_best, 0))
  ON CONFLICT (country_code, month, event_type, dataset) DO UPDATE SET
    events = event_rollup_month.events + excluded.events, killed_low = event_rollup_month.killed_low + excluded.killed_low,
    killed_best = event_rollup_month.killed_best + excluded.killed_best, injured_best = event_rollup_month.injured_best + excluded.injured_best;
  INSERT INTO event_rollup_admin1 VALUES (coalesce(e.country_code, ''), coalesce(e.admin1, ''), e.event_type, e.dataset,
    sign, sign * coalesce(e.killed_low, 0), sign * coalesce(e.killed_best, 0), sign * coalesce(e.injured_best, 0))
  ON CONFLICT (country_code, admin1, event_type, dataset) DO UPDATE SET
    events = event_rollup_admin1.events + excluded.events, killed_low = event_rollup_admin1.killed_low + excluded.killed_low,
    killed_best = event_rollup_admin1.killed_best + excluded.killed_best, injured_best = event_rollup_admin1.injured_best + excluded.injured_best;
$$;

CREATE FUNCTION events_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.merged_into IS NULL THEN PERFORM event_rollup_apply(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.merged_into IS NULL THEN PERFORM event_rollup_apply(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER events_rollup AFTER INSERT OR UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_rollup();
`,
  },
  {
    version: 3,
    name: "events found by text through an index; words split at slashes",
    // Text search read every event: events.fts had no index. PostgreSQL's parser also reads
    // "shelling/artillery/missile" as one file path, so "shelling" found none of ACLED's shelling
    // events, which SQLite's tokenizer finds; a slash now separates words in both tables.
    sql: `
ALTER TABLE events DROP COLUMN fts;
ALTER TABLE events ADD COLUMN fts TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', translate(search_text, '/', ' '))) STORED;
CREATE INDEX events_fts ON events USING gin (fts);
DROP INDEX articles_fts;
ALTER TABLE articles DROP COLUMN fts;
ALTER TABLE articles ADD COLUMN fts TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', translate(coalesce(title, '') || ' ' || text, '/', ' '))) STORED;
CREATE INDEX articles_fts ON articles USING gin (fts);
`,
  },
];
