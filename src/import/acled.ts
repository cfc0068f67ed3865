import type { LocationPrecision } from "../core/frame.js";
import type { Filler } from "../core/record.js";
import { lookupCountry } from "../query/countries.js";
import {
  cellFiller,
  datasetRecord,
  locationRecord,
  monthRange,
  parseDateCell,
  shiftDate,
  splitList,
  type MappedRow,
  type RowReader,
} from "./row.js";

/** ACLED's export columns (2024 layout); the importer needs the REQUIRED ones, reads the others when present. */
export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
] as const;

export const ACLED_REQUIRED = [
  "event_id_cnty",
  "event_date",
  "event_type",
  "sub_event_type",
  "country",
  "fatalities",
] as const;

/** ACLED's inter codes: the kind of actor. */
const INTER: Record<string, string> = {
  "1": "state forces",
  "2": "rebel group",
  "3": "political militia",
  "4": "identity militia",
  "5": "rioters",
  "6": "protesters",
  "7": "civilians",
  "8": "external/other forces",
};

const GEO_PRECISION: Record<string, LocationPrecision> = { "1": "city", "2": "district", "3": "province" };

/** ACLED inter columns hold a code (older exports) or the actor type's name (newer ones). */
function interType(v: string): string | undefined {
  return INTER[v] ?? (v ? v.toLowerCase() : undefined);
}

export function mapAcledRow(row: RowReader): MappedRow {
  const id = row.required("event_id_cnty");
  const dateText = row.required("event_date");
  const date = parseDateCell(dateText);
  if (!date) row.fail("event_date", `"${dateText}" is not a date (YYYY-MM-DD or "15 October 2021")`);
  const tp = row.text("time_precision") || "1";
  if (!["1", "2", "3"].includes(tp)) row.fail("time_precision", `"${tp}" is not 1, 2 or 3`);
  // ACLED dates an event known to the week by a day within it, and one known to the month by a day in that month.
  const range =
    tp === "1"
      ? { start: date, end: date }
      : tp === "2"
        ? { start: shiftDate(date, -3), end: shiftDate(date, 3) }
        : monthRange(date);
  const fatalities = row.count("fatalities");
  const countryText = row.required("country");
  const country = lookupCountry(countryText) ?? lookupCountry(row.text("iso"));
  const { lat, lon } = row.latLon("latitude", "longitude");
  const gp = row.text("geo_precision") || "1";
  const precision = GEO_PRECISION[gp];
  if (!precision) row.fail("geo_precision", `"${gp}" is not 1, 2 or 3`);

  const actor1 = row.text("actor1");
  const actor2 = row.text("actor2");
  const inter2 = interType(row.text("inter2"));
  const civilianTarget = row.text("civilian_targeting") !== "" || inter2 === "civilians";
  const perpetrators: Filler[] = actor1
    ? [
        cellFiller(actor1, {
          ...(interType(row.text("inter1")) ? { category: interType(row.text("inter1")) as string } : {}),
        }),
      ]
    : [];
  const victims: Filler[] = [];
  const targets: Filler[] = [];
  if (actor2) (civilianTarget ? victims : targets).push(cellFiller(actor2, inter2 ? { category: inter2 } : {}));
  const notes = row.text("notes");
  const sources = splitList(row.text("source"));
  const killed =
    fatalities === null
      ? null
      : { low: fatalities, best: fatalities, high: null, text: String(fatalities), start: 0, end: 0 };
  return {
    dataset: "acled",
    originalId: id,
    published: range.end,
    sourceName: sources[0] ?? null,
    record: datasetRecord("acled", id, {
      eventType: row.required("event_type"),
      subEventType: row.required("sub_event_type"),
      gtdAttackType: null,
      date: {
        start: range.start,
        end: range.end,
        precision: tp === "1" ? "day" : tp === "2" ? "week" : "month",
        text: dateText,
      },
      location: locationRecord(
        row.text("location"),
        row.text("admin1"),
        row.text("admin2"),
        country,
        countryText,
        lat,
        lon,
        precision,
      ),
      perpetratorOrgs: perpetrators,
      targets,
      victims,
      weapons: [],
      claimedBy: [],
      killed,
      injured: null,
      sources,
      notes,
      associates: [...splitList(row.text("assoc_actor_1")), ...splitList(row.text("assoc_actor_2"))].map((a) =>
        cellFiller(a),
      ),
    }),
  };
}
