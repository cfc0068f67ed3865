/**
 * The few fields of every event that the map and the timeline aggregate, as columns. The API
 * keeps them in memory (api/facts/) so that clustering 200,000 events or counting them per week
 * is a pass over typed arrays, while which events a filter selects is still the store's answer
 * (`eventIds`), with its indexes and its full-text search.
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
  /** Reconciled figures; -1 when unknown. */
  readonly killedLow: Int32Array;
  readonly killedBest: Int32Array;
  readonly injuredBest: Int32Array;
}

/** A row of the facts query: id, lat, lon, date_start, date_end, event_type, killed_low, killed_best, injured_best. */
export type FactRow = readonly [
  number,
  number | null,
  number | null,
  string | null,
  string | null,
  string,
  number | null,
  number | null,
  number | null,
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
    facts.killedLow[i] = r[6] ?? -1;
    facts.killedBest[i] = r[7] ?? -1;
    facts.injuredBest[i] = r[8] ?? -1;
  });
  return facts;
}
