/**
 * The secondary indexes a bulk load into an empty SQLite database may drop and build again at the
 * end: one sort per index instead of a million scattered inserts. They are the indexes the
 * migrations made, as they stand at the newest schema; the store checks at every open that each
 * exists (a load that crashed midway leaves none missing for long) and builds any that does not.
 * Unique indexes are never dropped: they keep imports idempotent while they run. An index whose
 * keys a load appends in ascending order (`appended`) is kept too: each insert lands on its
 * rightmost page, which costs less than building it again by reading the whole table it indexes
 * (the reports table is the largest of all).
 */
export interface DeferrableIndex {
  readonly name: string;
  readonly sql: string;
  readonly appended?: boolean;
}

export const DEFERRABLE_INDEXES: readonly DeferrableIndex[] = [
  {
    name: "events_date",
    sql: "CREATE INDEX IF NOT EXISTS events_date ON events(date_start, id) WHERE merged_into IS NULL",
  },
  {
    name: "events_country_cover",
    sql: "CREATE INDEX IF NOT EXISTS events_country_cover ON events(country_code, date_start, date_end, event_type, killed_low, killed_best, injured_best, admin1) WHERE merged_into IS NULL",
  },
  {
    name: "events_admin1",
    sql: "CREATE INDEX IF NOT EXISTS events_admin1 ON events(admin1, date_start) WHERE merged_into IS NULL",
  },
  {
    name: "events_map",
    sql: "CREATE INDEX IF NOT EXISTS events_map ON events(CAST(lat + 90 AS INTEGER), lon, lat, date_start, event_type, sub_event_type, killed_best, geo_precision) WHERE merged_into IS NULL",
  },
  { name: "event_actors_name", sql: "CREATE INDEX IF NOT EXISTS event_actors_name ON event_actors(name, event_id)" },
  {
    name: "event_actors_category",
    sql: "CREATE INDEX IF NOT EXISTS event_actors_category ON event_actors(category, event_id) WHERE category IS NOT NULL",
  },
  { name: "event_sources_name", sql: "CREATE INDEX IF NOT EXISTS event_sources_name ON event_sources(name, event_id)" },
  { name: "reports_event", sql: "CREATE INDEX IF NOT EXISTS reports_event ON reports(event_id)", appended: true },
  {
    name: "figure_history_event",
    sql: "CREATE INDEX IF NOT EXISTS figure_history_event ON figure_history(event_id, id)",
    appended: true,
  },
];
