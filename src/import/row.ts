import { SitrepError } from "../core/errors.js";
import type { LocationPrecision } from "../core/frame.js";
import type { DateRecord, EventRecord, Filler, LocationRecord } from "../core/record.js";
import type { ImportedRecord } from "../resolve/reconcile.js";
import { isCalendarDate } from "../ingest/published.js";
import type { Dataset } from "../query/types.js";

/** A dataset row mapped onto the event record, with what resolution and the store need. */
export interface MappedRow {
  readonly dataset: Dataset;
  readonly originalId: string;
  readonly record: ImportedRecord;
  /** The event's date: imported rows are dated by their event, not by a publication. */
  readonly published: string | null;
  readonly sourceName: string | null;
}

/** What a dataset row codes of an event; the rest of its record is what no dataset row gives. */
export interface CodedRow {
  readonly eventType: string;
  readonly subEventType: string;
  readonly gtdAttackType: string | null;
  readonly date: DateRecord;
  readonly location: LocationRecord;
  readonly perpetratorOrgs: readonly Filler[];
  readonly targets: readonly Filler[];
  readonly victims: readonly Filler[];
  readonly weapons: readonly Filler[];
  readonly claimedBy: readonly Filler[];
  readonly killed: EventRecord["killed"];
  readonly injured: EventRecord["injured"];
  readonly sources: readonly string[];
  /** The row's own description (notes, summary, headline): the record's evidence. */
  readonly notes: string;
  readonly associates: readonly Filler[];
}

/**
 * The record of a dataset row. Every field written out in one literal: a spread followed by
 * twenty more properties makes V8 build a slow dictionary object, which costs more than the rest
 * of the mapping.
 */
export function datasetRecord(dataset: Dataset, originalId: string, c: CodedRow): ImportedRecord {
  return {
    role: "reported",
    eventType: c.eventType,
    subEventType: c.subEventType,
    gtdAttackType: c.gtdAttackType,
    date: c.date,
    location: c.location,
    perpetratorOrgs: c.perpetratorOrgs,
    targets: c.targets,
    victims: c.victims,
    weapons: c.weapons,
    claimedBy: c.claimedBy,
    killed: c.killed,
    injured: c.injured,
    sources: c.sources,
    evidence: { text: c.notes, start: 0, end: c.notes.length },
    associates: c.associates,
    site: null,
    perpetratorIndividuals: [],
    claims: [],
    kidnapped: null,
    sourceMentions: [],
    confidence: 1,
    dataset,
    originalId,
  };
}

/** A CSV row by column name, with coded errors that name the file, line and field. */
export class RowReader {
  constructor(
    private readonly header: ReadonlyMap<string, number>,
    private readonly fields: readonly string[],
    readonly file: string,
    readonly line: number,
  ) {}

  fail(field: string, detail: string): never {
    throw new SitrepError("E_CSV_ROW", detail, { file: this.file, line: this.line, field });
  }

  /** The trimmed cell, or "" when the column is absent. */
  text(column: string): string {
    const i = this.header.get(column);
    return i === undefined ? "" : (this.fields[i] ?? "").trim();
  }

  required(column: string): string {
    const v = this.text(column);
    if (v === "") this.fail(column, "the cell is empty");
    return v;
  }

  /** A number, or null for an empty cell; anything else is an error. */
  number(column: string): number | null {
    const v = this.text(column);
    if (v === "") return null;
    const n = Number(v);
    if (!Number.isFinite(n)) this.fail(column, `"${v.slice(0, 40)}" is not a number`);
    return n;
  }

  count(column: string): number | null {
    const n = this.number(column);
    if (n === null) return null;
    if (n < 0 || !Number.isInteger(n)) this.fail(column, `"${n}" is not a count`);
    return n;
  }

  latLon(latColumn: string, lonColumn: string): { lat: number | null; lon: number | null } {
    const lat = this.number(latColumn);
    const lon = this.number(lonColumn);
    if (lat !== null && Math.abs(lat) > 90) this.fail(latColumn, `latitude ${lat} is outside [-90, 90]`);
    if (lon !== null && Math.abs(lon) > 180) this.fail(lonColumn, `longitude ${lon} is outside [-180, 180]`);
    return lat === null || lon === null ? { lat: null, lon: null } : { lat, lon };
  }
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const pad = (n: number) => String(n).padStart(2, "0");
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** YYYY-MM-DD (a time after it is ignored), "15 October 2021" or "15-October-2021" (ACLED's exports), or null. */
export function parseDateCell(v: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[ T])/.exec(v);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isCalendarDate(y, m, d) ? isoDate(y, m, d) : null;
  }
  const words = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(v);
  if (words) {
    const m =
      MONTHS.findIndex(
        (name) => name.startsWith((words[2] as string).toLowerCase()) && (words[2] as string).length >= 3,
      ) + 1;
    const [y, d] = [Number(words[3]), Number(words[1])];
    return m > 0 && isCalendarDate(y, m, d) ? isoDate(y, m, d) : null;
  }
  return null;
}

export function shiftDate(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function monthRange(iso: string): { start: string; end: string } {
  const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: isoDate(y, m, 1), end: isoDate(y, m, last) };
}

/** A filler for an imported value: its words are the cell; offsets are into the row's notes (none: 0, 0). */
export const cellFiller = (text: string, extra: { name?: string; category?: string } = {}): Filler => ({
  text,
  start: 0,
  end: 0,
  name: extra.name ?? text,
  ...(extra.category ? { category: extra.category } : {}),
});

export const splitList = (v: string): string[] =>
  v
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);

export function locationRecord(
  name: string,
  admin1: string | null,
  admin2: string | null,
  country: { code: string; name: string } | null,
  countryText: string,
  lat: number | null,
  lon: number | null,
  precision: LocationPrecision,
) {
  return {
    name: name || admin2 || admin1 || countryText,
    admin1: admin1 || null,
    admin2: admin2 || null,
    country: country?.name ?? (countryText || null),
    countryCode: country?.code ?? null,
    lat,
    lon,
    precision,
    text: name,
    start: 0,
    end: 0,
  };
}
