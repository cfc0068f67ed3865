import type { DatePrecision } from "../core/annotations.js";
import type { LocationPrecision } from "../core/frame.js";
import { lookupCountry } from "../query/countries.js";
import {
  cellFiller,
  datasetRecord,
  locationRecord,
  parseDateCell,
  splitList,
  type MappedRow,
  type RowReader,
} from "./row.js";

export const UCDP_REQUIRED = [
  "id",
  "type_of_violence",
  "side_a",
  "side_b",
  "date_start",
  "date_end",
  "country",
  "best",
] as const;

/** UCDP date_prec: 1 the day, 2 a few days, 3 the week, 4 the month, 5 the year or longer. */
const DATE_PREC: Record<string, DatePrecision> = { "1": "day", "2": "week", "3": "week", "4": "month", "5": "year" };
/** UCDP where_prec: 1 the place, 2 within 25 km, 3 second-order division, 4 first-order, 5 a stretch of it, 6 the country, 7 at sea or in the air. */
const WHERE_PREC: Record<string, LocationPrecision> = {
  "1": "city",
  "2": "city",
  "3": "district",
  "4": "province",
  "5": "province",
  "6": "country",
  "7": "region",
};

export function mapUcdpRow(row: RowReader): MappedRow {
  const id = row.required("id");
  const startText = row.required("date_start");
  const endText = row.required("date_end");
  const start = parseDateCell(startText);
  const end = parseDateCell(endText);
  if (!start) row.fail("date_start", `"${startText}" is not a date`);
  if (!end) row.fail("date_end", `"${endText}" is not a date`);
  if (end < start) row.fail("date_end", `${end} is before date_start ${start}`);
  const prec = DATE_PREC[row.text("date_prec") || "1"];
  if (!prec) row.fail("date_prec", `"${row.text("date_prec")}" is not 1 to 5`);
  const where = WHERE_PREC[row.text("where_prec") || "1"];
  if (!where) row.fail("where_prec", `"${row.text("where_prec")}" is not 1 to 7`);
  const violence = row.required("type_of_violence");
  if (!["1", "2", "3"].includes(violence)) row.fail("type_of_violence", `"${violence}" is not 1, 2 or 3`);
  const best = row.count("best");
  const low = row.count("low") ?? best;
  const high = row.count("high") ?? best;
  if (best === null) row.fail("best", "the cell is empty");
  const countryText = row.required("country");
  const { lat, lon } = row.latLon("latitude", "longitude");
  const sideA = row.required("side_a");
  const sideB = row.required("side_b");
  const oneSided = violence === "3";
  const notes = row.text("source_headline") || row.text("source_article");
  const place = row.text("where_coordinates").replace(/ (town|village|city)$/i, "");
  return {
    dataset: "ucdp",
    originalId: id,
    published: end,
    sourceName: row.text("source_office") || null,
    record: datasetRecord("ucdp", id, {
      // UCDP's state-based and non-state conflict are fighting between organised sides; one-sided violence is against civilians.
      eventType: oneSided ? "Violence against civilians" : "Battles",
      subEventType: oneSided ? "Attack" : "Armed clash",
      gtdAttackType: null,
      date: { start, end, precision: prec, text: `${startText} – ${endText}` },
      location: locationRecord(
        place,
        row.text("adm_1").replace(/ (province|state|region|governorate)$/i, ""),
        row.text("adm_2"),
        lookupCountry(countryText),
        countryText,
        lat,
        lon,
        where,
      ),
      perpetratorOrgs: [cellFiller(sideA)],
      targets: oneSided ? [] : [cellFiller(sideB)],
      victims: oneSided ? [cellFiller(sideB, { category: "civilians" })] : [],
      weapons: [],
      claimedBy: [],
      killed: { low: low ?? best, best, high: high ?? best, text: String(best), start: 0, end: 0 },
      injured: null,
      sources: splitList(row.text("source_office")),
      notes,
      associates: [],
    }),
  };
}
