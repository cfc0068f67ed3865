import type { DatePrecision } from "../../core/annotations.js";
import type { EventRole, LocationPrecision } from "../../core/frame.js";
import type { EventRecord } from "../../core/record.js";
import type { AggregateBucket, Dataset, FigureRange, MapPoint } from "../../query/types.js";
import type {
  ApiToken,
  AuditEntry,
  Decision,
  DecisionKind,
  EventActor,
  EventDetail,
  EventFields,
  FigureHistoryEntry,
  FigureKind,
  MatchKind,
  NewEvent,
  NewReport,
  ReportOrigin,
  SimilarArticle,
  StoreCounts,
  StoredArticle,
  StoredEvent,
  StoredReport,
  TokenRole,
} from "../store.js";

/**
 * Rows as both databases return them, mapped to the Store's types. Column names are the same in
 * both schemas; JSON columns come back as text from SQLite and parsed from PostgreSQL, dates as
 * text from both (the PostgreSQL store casts them).
 */
export type Row = Record<string, unknown>;

const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

export const EVENT_COLUMNS = [
  "id",
  "dataset",
  "original_id",
  "event_type",
  "sub_event_type",
  "date_start",
  "date_end",
  "date_precision",
  "country",
  "country_code",
  "admin1",
  "admin2",
  "place",
  "lat",
  "lon",
  "geo_precision",
  "killed_low",
  "killed_best",
  "killed_high",
  "injured_low",
  "injured_best",
  "injured_high",
  "kidnapped_low",
  "kidnapped_best",
  "kidnapped_high",
  "role",
  "actors",
  "weapons",
  "sources",
  "notes",
  "report_count",
  "article_count",
  "source_count",
  "corrected",
  "version",
  "created_at",
  "updated_at",
] as const;

const figure = (r: Row, kind: FigureKind): FigureRange => ({
  low: num(r[`${kind}_low`]),
  best: num(r[`${kind}_best`]),
  high: num(r[`${kind}_high`]),
});

export function eventFromRow(r: Row): StoredEvent {
  return {
    id: Number(r.id),
    dataset: r.dataset as Dataset,
    originalId: str(r.original_id),
    eventType: String(r.event_type),
    subEventType: String(r.sub_event_type),
    dateStart: str(r.date_start),
    dateEnd: str(r.date_end),
    datePrecision: str(r.date_precision) as DatePrecision | null,
    country: str(r.country),
    countryCode: str(r.country_code),
    admin1: str(r.admin1),
    admin2: str(r.admin2),
    place: str(r.place),
    lat: num(r.lat),
    lon: num(r.lon),
    geoPrecision: str(r.geo_precision) as LocationPrecision | null,
    killed: figure(r, "killed"),
    injured: figure(r, "injured"),
    kidnapped: figure(r, "kidnapped"),
    role: r.role as EventRole,
    actors: json<EventActor[]>(r.actors),
    weapons: json<string[]>(r.weapons),
    sources: json<string[]>(r.sources),
    notes: str(r.notes),
    reportCount: Number(r.report_count),
    articleCount: Number(r.article_count),
    sourceCount: Number(r.source_count),
    corrected: json<string[]>(r.corrected),
    version: Number(r.version),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** The values of the event columns (less id, counts and bookkeeping), in EVENT_FIELD_COLUMNS order. */
export const EVENT_FIELD_COLUMNS = EVENT_COLUMNS.slice(3, 30);

export function eventFieldValues(f: EventFields): unknown[] {
  return [
    f.eventType,
    f.subEventType,
    f.dateStart,
    f.dateEnd,
    f.datePrecision,
    f.country,
    f.countryCode,
    f.admin1,
    f.admin2,
    f.place,
    f.lat,
    f.lon,
    f.geoPrecision,
    f.killed.low,
    f.killed.best,
    f.killed.high,
    f.injured.low,
    f.injured.best,
    f.injured.high,
    f.kidnapped.low,
    f.kidnapped.best,
    f.kidnapped.high,
    f.role,
    JSON.stringify(f.actors),
    JSON.stringify(f.weapons),
    JSON.stringify(f.sources),
    f.notes,
  ];
}

/** The columns a new event is written with (its times aside), in the order of newEventValues. */
export const NEW_EVENT_COLUMNS = [
  "dataset",
  "original_id",
  ...EVENT_FIELD_COLUMNS,
  "report_count",
  "article_count",
  "source_count",
];

export const newEventValues = (e: NewEvent): unknown[] => [
  e.dataset,
  e.originalId,
  ...eventFieldValues(e),
  e.reportCount,
  e.articleCount,
  e.sourceCount,
];

/** The columns a report is written with, its time last; reportValues gives the others, in order. */
export const REPORT_COLUMNS = [
  "event_id",
  "article_id",
  "event_index",
  "origin",
  "dataset",
  "original_id",
  "record",
  "match",
  "match_score",
  "published",
  "source_name",
  "syndication_group",
  "created_at",
];

/** The bulk load gives ids itself, so the event id comes apart from the report. */
export const reportValues = (r: Omit<NewReport, "eventId">, eventId: number): unknown[] => [
  eventId,
  r.articleId,
  r.eventIndex,
  r.origin,
  r.dataset,
  r.originalId,
  recordJson(r.record),
  r.match,
  r.matchScore,
  r.published,
  r.sourceName,
  r.syndicationGroup,
];

/** The columns a figure history entry is written with, its time last; figureValues gives the others, in order. */
export const FIGURE_COLUMNS = [
  "event_id",
  "report_id",
  "kind",
  "low",
  "best",
  "high",
  "as_of",
  "source_name",
  "text",
  "start",
  '"end"',
  "recorded_at",
];

export const figureValues = (
  f: Omit<FigureHistoryEntry, "eventId" | "reportId" | "recordedAt">,
  eventId: number,
  reportId: number,
): unknown[] => [eventId, reportId, f.kind, f.low, f.best, f.high, f.asOf, f.sourceName, f.text, f.start, f.end];

export function articleFromRow(r: Row): StoredArticle {
  return {
    id: Number(r.id),
    hash: String(r.hash),
    externalId: String(r.external_id),
    title: str(r.title),
    published: str(r.published),
    url: str(r.url),
    source: str(r.source),
    sourceId: num(r.source_id),
    syndicationGroup: Number(r.syndication_group),
    ingestedAt: iso(r.ingested_at),
  };
}

export const ARTICLE_COLUMNS =
  "id, hash, external_id, title, published, url, source, source_id, syndication_group, ingested_at";

const RECORD_DEFAULTS = {
  gtdAttackType: null,
  date: null,
  location: null,
  site: null,
  perpetratorOrgs: [],
  perpetratorIndividuals: [],
  targets: [],
  victims: [],
  weapons: [],
  claimedBy: [],
  claims: [],
  killed: null,
  injured: null,
  kidnapped: null,
  sources: [],
  sourceMentions: [],
};

/** A record as stored: without its null and empty fields (a third of an imported row's record), restored on reading. */
export function recordJson(record: EventRecord): string {
  const out: Record<string, unknown> = {};
  const r = record as unknown as Record<string, unknown>;
  for (const k in r) {
    const v = r[k];
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return JSON.stringify(out);
}

const recordFrom = (v: unknown): EventRecord => ({ ...RECORD_DEFAULTS, ...json<object>(v) }) as unknown as EventRecord;

export function reportFromRow(r: Row): StoredReport {
  return {
    id: Number(r.id),
    eventId: Number(r.event_id),
    articleId: num(r.article_id),
    eventIndex: Number(r.event_index),
    origin: r.origin as ReportOrigin,
    dataset: r.dataset as Dataset,
    originalId: str(r.original_id),
    record: recordFrom(r.record),
    match: r.match as MatchKind,
    matchScore: Number(r.match_score),
    published: str(r.published),
    sourceName: str(r.source_name),
    syndicationGroup: num(r.syndication_group),
    createdAt: iso(r.created_at),
  };
}

export function figureFromRow(r: Row): FigureHistoryEntry {
  return {
    eventId: Number(r.event_id),
    reportId: Number(r.report_id),
    kind: r.kind as FigureKind,
    low: Number(r.low),
    best: Number(r.best),
    high: num(r.high),
    asOf: str(r.as_of),
    sourceName: str(r.source_name),
    text: str(r.text),
    start: num(r.start),
    end: num(r.end),
    recordedAt: iso(r.recorded_at),
  };
}

export function decisionFromRow(r: Row): Decision {
  return {
    id: Number(r.id),
    kind: r.kind as DecisionKind,
    eventIds: json<number[]>(r.event_ids),
    payload: json<Record<string, unknown>>(r.payload),
    by: String(r.by),
    note: str(r.note),
    at: iso(r.at),
  };
}

export function auditFromRow(r: Row): AuditEntry {
  return {
    id: Number(r.id),
    at: iso(r.at),
    actor: String(r.actor),
    action: String(r.action),
    eventId: num(r.event_id),
    detail: json<Record<string, unknown>>(r.detail),
  };
}

export function bucketFromRow(r: Row): AggregateBucket {
  return {
    key: r.key === null ? "" : String(r.key),
    events: Number(r.events),
    killedLow: Number(r.killed_low),
    killedBest: Number(r.killed_best),
    injuredBest: Number(r.injured_best),
  };
}

export function tokenFromRow(r: Row): ApiToken {
  return {
    id: Number(r.id),
    name: String(r.name),
    role: r.role as TokenRole,
    createdAt: iso(r.created_at),
    lastUsedAt: r.last_used_at === null ? null : iso(r.last_used_at),
    revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
  };
}

export function mapPointFromRow(r: Row): MapPoint {
  return {
    id: Number(r.id),
    lat: Number(r.lat),
    lon: Number(r.lon),
    eventType: String(r.event_type),
    subEventType: String(r.sub_event_type),
    dateStart: r.date_start === null ? null : String(r.date_start),
    killedBest: r.killed_best === null ? null : Number(r.killed_best),
    geoPrecision: (r.geo_precision ?? null) as MapPoint["geoPrecision"],
  };
}

export function countsFromRow(r: Row): StoreCounts {
  return {
    articles: Number(r.articles),
    events: Number(r.events),
    reports: Number(r.reports),
    sources: Number(r.sources),
  };
}

/** A minhash signature as the articles table keeps it (a blob of its bytes). */
export const signatureBlob = (signature: Uint32Array): Buffer =>
  Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);

export function similarArticleFromRow(r: Row): SimilarArticle {
  // A copy: the driver's buffer may be a view at any byte offset, which a Uint32Array cannot take.
  const blob = r.signature as Buffer;
  const bytes = new Uint8Array(blob.byteLength);
  bytes.set(blob);
  return { id: Number(r.id), signature: new Uint32Array(bytes.buffer), syndicationGroup: Number(r.syndication_group) };
}

/** The words full-text search finds an event by: its notes, place, province and actors' names. */
export function eventSearchText(f: EventFields): string {
  let text = f.notes || "";
  const add = (words: string | null) => {
    if (words) text = text ? `${text} ${words}` : words;
  };
  add(f.place);
  add(f.admin1);
  for (const a of f.actors) add(a.name);
  return text;
}

/** The distinct articles that reports come from (an imported row has none). */
export const articleIdsOf = (reports: readonly StoredReport[]): number[] => [
  ...new Set(reports.map((r) => r.articleId).filter((a): a is number => a !== null)),
];

/** An event with its reports (each with its article), figure history and decisions. */
export function eventDetailFromRows(
  event: Row,
  reports: readonly StoredReport[],
  articles: readonly Row[],
  figures: readonly Row[],
  decisions: readonly Decision[],
): EventDetail {
  const byId = new Map(articles.map((a) => [Number(a.id), articleFromRow(a)]));
  return {
    event: eventFromRow(event),
    reports: reports.map((r) => ({ ...r, article: r.articleId === null ? null : (byId.get(r.articleId) ?? null) })),
    figureHistory: figures.map(figureFromRow),
    decisions,
    mergedInto: event.merged_into === null ? null : Number(event.merged_into),
  };
}
