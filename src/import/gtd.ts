import type { LocationPrecision } from "../core/frame.js";
import type { Filler } from "../core/record.js";
import { lookupCountry } from "../query/countries.js";
import {
  cellFiller,
  datasetRecord,
  isoDate,
  locationRecord,
  monthRange,
  type MappedRow,
  type RowReader,
} from "./row.js";
import { isCalendarDate } from "../ingest/published.js";

export const GTD_REQUIRED = ["eventid", "iyear", "imonth", "iday", "country_txt", "attacktype1_txt"] as const;

/** GTD specificity: 1 the town itself ... 5 unknown below the country. */
const SPECIFICITY: Record<string, LocationPrecision> = {
  "1": "city",
  "2": "district",
  "3": "district",
  "4": "province",
  "5": "country",
};

/**
 * GTD attack types onto ACLED's types. GTD codes terrorism only, so an armed assault is an attack
 * on people (violence against civilians) unless its target is an armed force (a battle).
 */
function acledType(
  attack: string,
  suicide: boolean,
  armedTarget: boolean,
): { eventType: string; subEventType: string } {
  switch (attack) {
    case "Bombing/Explosion":
      return {
        eventType: "Explosions/Remote violence",
        subEventType: suicide ? "Suicide bomb" : "Remote explosive/landmine/IED",
      };
    case "Armed Assault":
      return armedTarget
        ? { eventType: "Battles", subEventType: "Armed clash" }
        : { eventType: "Violence against civilians", subEventType: "Attack" };
    case "Hostage Taking (Kidnapping)":
    case "Hostage Taking (Barricade Incident)":
    case "Hijacking":
      return { eventType: "Violence against civilians", subEventType: "Abduction/forced disappearance" };
    case "Facility/Infrastructure Attack":
      return { eventType: "Strategic developments", subEventType: "Looting/property destruction" };
    default:
      return { eventType: "Violence against civilians", subEventType: "Attack" };
  }
}

const known = (v: string) => (v && v !== "Unknown" ? v : "");

export function mapGtdRow(row: RowReader): MappedRow {
  const id = row.required("eventid");
  const y = row.count("iyear");
  const m = row.count("imonth") ?? 0;
  const d = row.count("iday") ?? 0;
  if (y === null) row.fail("iyear", "the cell is empty");
  // GTD writes 0 for an unknown month or day.
  let date;
  if (m === 0) date = { start: isoDate(y, 1, 1), end: isoDate(y, 12, 31), precision: "year" as const };
  else if (d === 0) date = { ...monthRange(isoDate(y, m, 1)), precision: "month" as const };
  else {
    if (!isCalendarDate(y, m, d)) row.fail("iday", `${y}-${m}-${d} is not a calendar date`);
    date = { start: isoDate(y, m, d), end: isoDate(y, m, d), precision: "day" as const };
  }
  const countryText = row.required("country_txt");
  const { lat, lon } = row.latLon("latitude", "longitude");
  const spec = row.text("specificity") || "5";
  const precision = SPECIFICITY[spec];
  if (!precision) row.fail("specificity", `"${spec}" is not 1 to 5`);
  const attack = row.required("attacktype1_txt");
  const suicide = row.text("suicide") === "1";
  const target = known(row.text("targtype1_txt"));
  const group = known(row.text("gname"));
  const weapon = known(row.text("weaptype1_txt"));
  const nkill = row.number("nkill");
  const nkillter = row.number("nkillter");
  const nwound = row.number("nwound");
  const summary = row.text("summary");
  const armedTarget = /^(Military|Police)$/.test(target);
  const attacked: Filler[] = target ? [cellFiller(known(row.text("target1")) || target, { category: target })] : [];
  const fig = (n: number | null, perp: number | null = null) =>
    n === null
      ? null
      : { low: Math.round(n), best: Math.round(n), high: null, text: String(n), start: 0, end: 0, perpetrators: perp };
  const sources = [row.text("scite1"), row.text("scite2"), row.text("scite3")].filter(Boolean);
  const type = acledType(attack, suicide, armedTarget);
  return {
    dataset: "gtd",
    originalId: id,
    published: date.end,
    sourceName: row.text("dbsource") || null,
    record: datasetRecord("gtd", id, {
      eventType: type.eventType,
      subEventType: type.subEventType,
      gtdAttackType: attack,
      date: { ...date, text: `${y}-${m}-${d}` },
      location: locationRecord(
        known(row.text("city")),
        known(row.text("provstate")),
        null,
        lookupCountry(countryText),
        countryText,
        lat,
        lon,
        precision,
      ),
      perpetratorOrgs: group ? [cellFiller(group)] : [],
      targets: armedTarget ? attacked : [],
      victims: armedTarget ? [] : attacked,
      weapons: weapon ? [cellFiller(weapon)] : [],
      claimedBy: group && row.text("claimed") === "1" ? [cellFiller(group)] : [],
      killed: fig(nkill, nkillter),
      injured: fig(nwound),
      sources,
      notes: summary,
      associates: [],
    }),
  };
}
