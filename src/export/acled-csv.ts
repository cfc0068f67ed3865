import { ACLED_COLUMNS } from "../import/acled.js";
import { shiftDate } from "../import/row.js";
import { lookupCountry } from "../query/countries.js";
import type { StoredEvent } from "../store/store.js";
import { csvLine } from "./csv-cell.js";

/** ACLED's time_precision: 1 the day, 2 the week (or a few days), 3 the month or longer. */
export function timePrecision(e: StoredEvent): 1 | 2 | 3 {
  return e.datePrecision === "day" ? 1 : e.datePrecision === "week" ? 2 : 3;
}

/** ACLED's geo_precision: 1 the town itself, 2 near it or its district, 3 the province or wider. */
export function geoPrecision(e: StoredEvent): 1 | 2 | 3 {
  return e.geoPrecision === "site" || e.geoPrecision === "city" ? 1 : e.geoPrecision === "district" ? 2 : 3;
}

/** The day ACLED writes for a range: the day itself, the middle of a week, the first of a month. */
function eventDate(e: StoredEvent): string {
  if (!e.dateStart || !e.dateEnd) return "";
  if (e.datePrecision === "week") {
    const days = Math.round((Date.parse(e.dateEnd) - Date.parse(e.dateStart)) / 86_400_000);
    return shiftDate(e.dateStart, Math.floor(days / 2));
  }
  return e.dateStart;
}

function disorder(eventType: string): string {
  if (eventType === "Protests" || eventType === "Riots") return "Demonstrations";
  if (eventType === "Strategic developments") return "Strategic developments";
  return "Political violence";
}

export const acledHeader = (): string => csvLine(ACLED_COLUMNS);

/** One event as an ACLED row. ACLED has one fatality figure and takes the lowest credible one: our killed low. */
export function acledRow(e: StoredEvent): string {
  const perpetrators = e.actors.filter((a) => a.role === "perpetrator");
  const others = e.actors.filter((a) => a.role === "victim" || a.role === "target");
  const actor1 = perpetrators[0];
  const actor2 = others[0];
  const assoc1 = [...perpetrators.slice(1), ...e.actors.filter((a) => a.role === "associate")].map((a) => a.name);
  const civilians = e.actors.some((a) => a.role === "victim" && /civilian/i.test(a.category ?? a.name));
  const date = eventDate(e);
  const values: Record<(typeof ACLED_COLUMNS)[number], string | number | null> = {
    event_id_cnty: e.originalId ?? `SITREP-${e.id}`,
    event_date: date,
    year: date ? Number(date.slice(0, 4)) : null,
    time_precision: timePrecision(e),
    disorder_type: disorder(e.eventType),
    event_type: e.eventType,
    sub_event_type: e.subEventType,
    actor1: actor1?.name ?? "",
    assoc_actor_1: assoc1.join("; "),
    inter1: actor1?.category ?? "",
    actor2: actor2?.name ?? "",
    assoc_actor_2: others
      .slice(1)
      .map((a) => a.name)
      .join("; "),
    inter2: actor2?.category ?? "",
    interaction: "",
    civilian_targeting: civilians ? "Civilian targeting" : "",
    iso: lookupCountry(e.countryCode)?.numeric ?? null,
    region: "",
    country: e.country,
    admin1: e.admin1,
    admin2: e.admin2,
    admin3: "",
    location: e.place,
    latitude: e.lat,
    longitude: e.lon,
    geo_precision: geoPrecision(e),
    source: e.sources.join("; "),
    source_scale: "",
    notes: e.notes,
    fatalities: e.killed.low ?? 0,
    tags: "",
    timestamp: Math.floor(Date.parse(e.updatedAt) / 1000),
  };
  return csvLine(ACLED_COLUMNS.map((c) => values[c]));
}
