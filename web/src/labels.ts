import type { FigureRange } from "../../src/query/types.js";
import type { StoredEvent } from "../../src/store/store.js";
import { fmt } from "./dom.js";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** A country's English name from its ISO code, offline (the browser knows them). */
export function countryName(code: string | null): string {
  if (!code) return "";
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "41", "41–60", "at least 41": a UCDP range as analysts read it. */
export function figureText(f: FigureRange): string {
  if (f.low === null && f.best === null) return "—";
  const low = f.low ?? f.best;
  if (f.high === null)
    return f.best !== null && f.best !== low ? `${fmt(f.best)} (at least ${fmt(low)})` : `at least ${fmt(low)}`;
  if (low === f.high) return fmt(low);
  return `${fmt(low)}–${fmt(f.high)}${f.best !== null && f.best !== low && f.best !== f.high ? ` (best ${fmt(f.best)})` : ""}`;
}

export function placeText(e: Pick<StoredEvent, "place" | "admin1" | "country" | "countryCode">): string {
  const country = e.country ?? countryName(e.countryCode);
  return (
    [e.place, e.admin1 && e.admin1 !== e.place ? e.admin1 : null, country].filter(Boolean).join(", ") || "place unknown"
  );
}

export function dateText(e: Pick<StoredEvent, "dateStart" | "dateEnd" | "datePrecision">): string {
  if (!e.dateStart) return "undated";
  const range = e.dateEnd && e.dateEnd !== e.dateStart ? `${e.dateStart} – ${e.dateEnd}` : e.dateStart;
  return e.datePrecision && e.datePrecision !== "day" ? `${range} (${e.datePrecision})` : range;
}

export function perpetrators(e: StoredEvent): string {
  return e.actors
    .filter((a) => a.role === "perpetrator")
    .map((a) => a.name)
    .join("; ");
}
