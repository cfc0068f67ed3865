import type { LocationPrecision } from "../core/frame.js";
import type { EventRecord, Filler, FigureRecord } from "../core/record.js";
import type { FigureRange } from "../query/types.js";
import type { Decision, EventActor, EventFields, FigureKind, StoredReport } from "../store/store.js";

/**
 * What all the reports of one event say together. Figures follow UCDP: low is the lowest credible
 * figure, high the highest figure any report gives (an open-ended "at least 41" gives 41: UCDP's
 * high is an estimate, not a bound), best the latest figure from the most authoritative source. Other
 * fields take the most precise or the most often reported value. Analysts' corrections are
 * applied last, so that new reports never overwrite them.
 */

/** A report as reconciliation needs it: its record, when it was published, from whom. */
export interface ReportView {
  readonly record: EventRecord;
  readonly published: string | null;
  readonly origin: StoredReport["origin"];
  readonly sourceName: string | null;
  /** The article's headline, the event's description until a dataset row gives one. */
  readonly title: string | null;
  /** Order of arrival, for ties on the publication date. */
  readonly seq: number;
}

/** A record imported from a dataset keeps the row's associated actors beside the roles. */
export interface ImportedRecord extends EventRecord {
  readonly associates?: readonly Filler[];
  readonly dataset?: string;
  readonly originalId?: string;
}

/** Location precisions from the finest (0) to the coarsest. */
export const PRECISION_RANK: Record<LocationPrecision, number> = {
  site: 0,
  city: 1,
  district: 2,
  province: 3,
  region: 4,
  country: 5,
};
const DATE_RANK = { day: 0, week: 1, month: 2, year: 3 } as const;
const FIGURE_KINDS: readonly FigureKind[] = ["killed", "injured", "kidnapped"];
/** Source kinds whose figures outrank an outlet's: health directorates, police, ministries. */
const AUTHORITATIVE_KINDS = new Set(["official", "organisation"]);

/** 2: a curated dataset row, or a figure the article attributes to an official source; 1: any other report. */
function authority(v: ReportView, fig: FigureRecord): number {
  if (v.origin === "import") return 2;
  const cited = fig.reports?.find((r) => r.start === fig.start)?.source ?? null;
  if (cited && v.record.sourceMentions.some((s) => s.name === cited && AUTHORITATIVE_KINDS.has(s.kind))) return 2;
  return 1;
}

const later = (a: ReportView, b: ReportView) =>
  (a.published ?? "") > (b.published ?? "") || ((a.published ?? "") === (b.published ?? "") && a.seq > b.seq);

export function reconcileFigure(views: readonly ReportView[], kind: FigureKind): FigureRange {
  let low: number | null = null;
  let high: number | null = null;
  let best: { view: ReportView; value: number; authority: number } | null = null;
  for (const v of views) {
    const f = v.record[kind];
    if (!f) continue;
    low = low === null ? f.low : Math.min(low, f.low);
    const top = f.high ?? Math.max(f.best, f.low);
    high = high === null ? top : Math.max(high, top);
    const a = authority(v, f);
    if (!best || a > best.authority || (a === best.authority && later(v, best.view)))
      best = { view: v, value: f.best, authority: a };
  }
  return { low, best: best?.value ?? null, high };
}

function mostCommon<T>(values: readonly T[], key: (v: T) => string): T | undefined {
  const counts = new Map<string, { v: T; n: number }>();
  for (const v of values) {
    const k = key(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { v, n: 1 });
  }
  let top: { v: T; n: number } | undefined;
  for (const c of counts.values()) if (!top || c.n > top.n) top = c;
  return top?.v;
}

function actorsOf(views: readonly ReportView[]): EventActor[] {
  const seen = new Map<string, EventActor>();
  const add = (f: Filler, role: EventActor["role"]) => {
    const name = (f.name ?? f.text).trim();
    if (!name) return;
    const key = `${role}\u0000${name.toLowerCase()}`;
    if (!seen.has(key)) seen.set(key, { name, role, category: f.category ?? null });
  };
  for (const v of views) {
    const r = v.record as ImportedRecord;
    for (const f of r.perpetratorOrgs) add(f, "perpetrator");
    for (const f of r.targets) add(f, "target");
    for (const f of r.victims) add(f, "victim");
    for (const f of r.claimedBy) add(f, "claimant");
    for (const f of r.associates ?? []) add(f, "associate");
  }
  return [...seen.values()];
}

function distinct(values: readonly (string | null | undefined)[]): string[] {
  const out = new Map<string, string>();
  for (const v of values) if (v && !out.has(v.toLowerCase())) out.set(v.toLowerCase(), v);
  return [...out.values()];
}

/** The event's fields from its reports (in arrival order) and the corrections decided on it. */
export function reconcile(
  views: readonly ReportView[],
  decisions: readonly Decision[] = [],
): {
  fields: EventFields;
  corrected: string[];
} {
  if (views.length === 0) throw new Error("an event has at least one report");
  const reported = views.filter((v) => v.record.role === "reported");
  const primary = reported.length ? reported : views;
  const type =
    mostCommon(primary, (v) => `${v.record.eventType}\u0000${v.record.subEventType}`)?.record ??
    (views[0] as ReportView).record;

  const dated = views
    .filter((v) => v.record.date)
    .sort((a, b) => DATE_RANK[a.record.date!.precision] - DATE_RANK[b.record.date!.precision] || a.seq - b.seq);
  const date = dated[0]?.record.date ?? null;

  const located = views
    .filter((v) => v.record.location)
    .sort(
      (a, b) =>
        PRECISION_RANK[a.record.location!.precision] - PRECISION_RANK[b.record.location!.precision] ||
        Number(b.record.location!.lat !== null) - Number(a.record.location!.lat !== null) ||
        a.seq - b.seq,
    );
  const loc = located[0]?.record.location ?? null;

  const imported = views.find((v) => v.origin === "import");
  const first = primary[0] as ReportView;
  const notes = imported ? imported.record.evidence.text : (first.title ?? first.record.evidence.text);

  const fields: Record<string, unknown> = {
    eventType: type.eventType,
    subEventType: type.subEventType,
    dateStart: date?.start ?? null,
    dateEnd: date?.end ?? null,
    datePrecision: date?.precision ?? null,
    country: loc?.country ?? null,
    countryCode: loc?.countryCode ?? null,
    admin1: loc?.admin1 ?? null,
    admin2: (loc as { admin2?: string | null } | null)?.admin2 ?? null,
    place: loc?.name ?? null,
    lat: loc?.lat ?? null,
    lon: loc?.lon ?? null,
    geoPrecision: loc?.precision ?? null,
    killed: reconcileFigure(views, "killed"),
    injured: reconcileFigure(views, "injured"),
    kidnapped: reconcileFigure(views, "kidnapped"),
    role: reported.length ? "reported" : "background",
    actors: actorsOf(views),
    weapons: distinct(views.flatMap((v) => v.record.weapons.map((w) => w.name ?? w.text))),
    sources: distinct(views.flatMap((v) => [v.sourceName, ...v.record.sources])),
    notes,
  };
  const corrected: string[] = [];
  for (const d of decisions) {
    if (d.kind !== "correct") continue;
    const field = String(d.payload.field);
    fields[field] = d.payload.value;
    if (!corrected.includes(field)) corrected.push(field);
  }
  return { fields: fields as unknown as EventFields, corrected };
}

export { FIGURE_KINDS };
