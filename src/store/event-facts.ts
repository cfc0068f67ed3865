/**
 * The few fields of every event that the map and the timeline aggregate, and that the simple
 * filters test, as columns. The API keeps them in memory (api/facts/) so that clustering 200,000
 * events, counting them per week or selecting them by type, country, date or toll is a pass over
 * arrays; what needs the store's indexes (actors, sources, words, provinces, places, distance)
 * is still asked of the store (`eventIds`).
 */
export interface EventFacts {
  /** Ascending. */
  readonly ids: Int32Array;
  /** Degrees; NaN when the event has no coordinates. */
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  /** ISO dates, or null. */
  readonly dateStart: readonly (string | null)[];
  readonly dateEnd: readonly (string | null)[];
  readonly eventType: readonly string[];
  readonly subEventType: readonly string[];
  readonly countryCode: readonly (string | null)[];
  readonly dataset: readonly string[];
  readonly role: readonly string[];
  /** Reconciled figures; -1 when unknown. */
  readonly killedLow: Int32Array;
  readonly killedBest: Int32Array;
  readonly injuredBest: Int32Array;
}

/** The columns of the facts query (sql/reads.ts), in the order of `FactRow`. */
export const FACT_COLUMNS = [
  "id",
  "lat",
  "lon",
  "date_start",
  "date_end",
  "event_type",
  "sub_event_type",
  "country_code",
  "dataset",
  "role",
  "killed_low",
  "killed_best",
  "injured_best",
] as const;

export type FactRow = readonly [
  id: number,
  lat: number | null,
  lon: number | null,
  dateStart: string | null,
  dateEnd: string | null,
  eventType: string,
  subEventType: string,
  countryCode: string | null,
  dataset: string,
  role: string,
  killedLow: number | null,
  killedBest: number | null,
  injuredBest: number | null,
];

export function factsFromRows(rows: readonly FactRow[]): EventFacts {
  const n = rows.length;
  const facts = {
    ids: new Int32Array(n),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    dateStart: new Array<string | null>(n),
    dateEnd: new Array<string | null>(n),
    eventType: new Array<string>(n),
    subEventType: new Array<string>(n),
    countryCode: new Array<string | null>(n),
    dataset: new Array<string>(n),
    role: new Array<string>(n),
    killedLow: new Int32Array(n),
    killedBest: new Int32Array(n),
    injuredBest: new Int32Array(n),
  };
  rows.forEach((r, i) => {
    facts.ids[i] = r[0];
    facts.lat[i] = r[1] ?? NaN;
    facts.lon[i] = r[2] ?? NaN;
    facts.dateStart[i] = r[3];
    facts.dateEnd[i] = r[4];
    facts.eventType[i] = r[5];
    facts.subEventType[i] = r[6];
    facts.countryCode[i] = r[7];
    facts.dataset[i] = r[8];
    facts.role[i] = r[9];
    facts.killedLow[i] = r[10] ?? -1;
    facts.killedBest[i] = r[11] ?? -1;
    facts.injuredBest[i] = r[12] ?? -1;
  });
  return facts;
}
