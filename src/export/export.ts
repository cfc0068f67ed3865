import type { EventFilter } from "../query/types.js";
import type { Store, StoredEvent } from "../store/store.js";
import { acledHeader, acledRow } from "./acled-csv.js";

/**
 * `sitrep export`: every event of a filter, written as it is read (pages of events in id order,
 * keyset-paged), so that memory stays flat whatever the size of the database.
 */
export type ExportFormat = "jsonl" | "acled-csv" | "geojson";

const PAGE = 2000;

async function* allEvents(store: Store, filter: EventFilter): AsyncGenerator<StoredEvent> {
  let after = 0;
  while (true) {
    const page = await store.queryEvents({
      filter: { ...filter, idAfter: after },
      sort: { field: "id", direction: "asc" },
      limit: PAGE,
      withTotal: false,
    });
    yield* page.events;
    if (page.events.length < PAGE) return;
    after = (page.events[page.events.length - 1] as StoredEvent).id;
  }
}

/** The GeoJSON feature of an event, or null when it has no coordinates. */
export function geoFeature(e: StoredEvent): object | null {
  if (e.lat === null || e.lon === null) return null;
  return {
    type: "Feature",
    id: e.id,
    geometry: { type: "Point", coordinates: [e.lon, e.lat] },
    properties: {
      dataset: e.dataset,
      originalId: e.originalId,
      eventType: e.eventType,
      subEventType: e.subEventType,
      dateStart: e.dateStart,
      dateEnd: e.dateEnd,
      datePrecision: e.datePrecision,
      country: e.country,
      countryCode: e.countryCode,
      admin1: e.admin1,
      place: e.place,
      geoPrecision: e.geoPrecision,
      killedLow: e.killed.low,
      killedBest: e.killed.best,
      killedHigh: e.killed.high,
      injuredBest: e.injured.best,
      kidnappedBest: e.kidnapped.best,
      perpetrators: e.actors.filter((a) => a.role === "perpetrator").map((a) => a.name),
      actors: e.actors.map((a) => a.name),
      sources: e.sources,
      reports: e.reportCount,
      independentSources: e.sourceCount,
      role: e.role,
      notes: e.notes,
    },
  };
}

/** Writes the events; returns how many were written (and, for GeoJSON, how many lacked coordinates). */
export async function exportEvents(
  store: Store,
  format: ExportFormat,
  filter: EventFilter,
  write: (chunk: string) => void | Promise<void>,
): Promise<{ events: number; skipped: number }> {
  let events = 0;
  let skipped = 0;
  if (format === "acled-csv") await write(acledHeader());
  if (format === "geojson") await write('{"type":"FeatureCollection","features":[\n');
  for await (const e of allEvents(store, filter)) {
    if (format === "acled-csv") await write(acledRow(e));
    else if (format === "geojson") {
      const f = geoFeature(e);
      if (!f) {
        skipped++;
        continue;
      }
      await write(`${events ? ",\n" : ""}${JSON.stringify(f)}`);
    } else {
      // The full record: the reconciled event, every report with its evidence offsets, the figures' history.
      const detail = await store.getEvent(e.id);
      await write(`${JSON.stringify(detail)}\n`);
    }
    events++;
  }
  if (format === "geojson") await write("\n]}\n");
  return { events, skipped };
}
