import type { EventRecord } from "../core/record.js";
import type { Dataset } from "../query/types.js";
import type {
  EventFields,
  FigureKind,
  MatchKind,
  NewArticle,
  NewEvent,
  NewEventWithReport,
  StoredEvent,
  StoredReport,
  StoreTx,
} from "../store/store.js";
import { bestMatch, compatibleTypes, dateWindow, type MatchInput } from "./match.js";
import { SYNDICATION_SIMILARITY, bandKeys, signature, similarity } from "./minhash.js";
import { FIGURE_KINDS, reconcile, type ReportView } from "./reconcile.js";

/**
 * Cross-article resolution inside one transaction: an article's events become reports of events
 * already in the database when they match (resolve/match.ts), new events otherwise; each touched
 * event is reconciled again from all its reports. Written once, over StoreTx, for both databases.
 */

/** An article as ingest gives it: `text` as the user gave it (evidence offsets point into it). */
export interface ArticleToStore extends Omit<NewArticle, "signature" | "bands"> {
  /** The normalised text, which near-duplicate detection compares. */
  readonly normalisedText: string;
  readonly records: readonly EventRecord[];
}

export interface AttachedReport {
  readonly eventId: number;
  readonly reportId: number;
  readonly match: MatchKind;
  readonly score: number;
}

export interface StoreOutcome {
  readonly articleId: number;
  /** False when the article (same content hash) was stored before: nothing was written. */
  readonly created: boolean;
  /** The earlier article this one copies (syndication), if any. */
  readonly copyOf: number | null;
  readonly reports: readonly AttachedReport[];
}

/**
 * A new event's row, every property written out: spreading thirty fields into a new object makes
 * V8 build a slow dictionary object, which imports of millions of rows pay for.
 */
export function newEvent(
  f: EventFields,
  dataset: Dataset,
  originalId: string | null,
  counts: { reportCount: number; articleCount: number; sourceCount: number },
): NewEvent {
  return {
    dataset,
    originalId,
    eventType: f.eventType,
    subEventType: f.subEventType,
    dateStart: f.dateStart,
    dateEnd: f.dateEnd,
    datePrecision: f.datePrecision,
    country: f.country,
    countryCode: f.countryCode,
    admin1: f.admin1,
    admin2: f.admin2,
    place: f.place,
    lat: f.lat,
    lon: f.lon,
    geoPrecision: f.geoPrecision,
    killed: f.killed,
    injured: f.injured,
    kidnapped: f.kidnapped,
    role: f.role,
    actors: f.actors,
    weapons: f.weapons,
    sources: f.sources,
    notes: f.notes,
    reportCount: counts.reportCount,
    articleCount: counts.articleCount,
    sourceCount: counts.sourceCount,
  };
}

const countryKey = (r: EventRecord) => `country:${r.location?.countryCode ?? "-"}`;

/** A stored report as reconciliation reads it. */
export function reportView(r: StoredReport, title: string | null = null): ReportView {
  return { record: r.record, published: r.published, origin: r.origin, sourceName: r.sourceName, title, seq: r.id };
}

/** Reconciles an event from all its reports and writes its fields and counts. */
export async function refreshEvent(tx: StoreTx, eventId: number, current?: StoredEvent): Promise<void> {
  const event = current ?? (await tx.eventById(eventId));
  if (!event) return;
  const reports = await tx.reportsOfEvent(eventId);
  if (reports.length === 0) return;
  const decisions = await tx.decisionsOf(eventId);
  const { fields, corrected } = reconcile(
    reports.map((r) => reportView(r)),
    decisions,
  );
  const keepNotes = !reports.some((r) => r.origin === "import") && event.notes !== null && !corrected.includes("notes");
  const articles = new Set(reports.map((r) => r.articleId).filter((a) => a !== null));
  const groups = new Set(
    reports.map((r) => (r.origin === "import" ? `dataset:${r.dataset}` : `group:${r.syndicationGroup ?? r.articleId}`)),
  );
  await tx.updateEvent(
    eventId,
    keepNotes ? { ...fields, notes: event.notes } : fields,
    {
      reportCount: reports.length,
      articleCount: articles.size,
      sourceCount: groups.size,
    },
    corrected,
  );
}

/** Every figure a report gives, as history entries (the record's figure reports, or the chosen figure). */
export function figureEntries(
  record: EventRecord,
  asOf: string | null,
  outlet: string | null,
): NewEventWithReport["figures"] {
  const out = [];
  for (const kind of FIGURE_KINDS as readonly FigureKind[]) {
    const f = record[kind];
    if (!f) continue;
    const items = f.reports?.length ? f.reports : [{ ...f, source: null }];
    for (const x of items) {
      out.push({
        kind,
        low: x.low,
        best: x.best,
        high: x.high,
        asOf,
        sourceName: x.source ?? outlet,
        text: x.text,
        start: x.start,
        end: x.end,
      });
    }
  }
  return out;
}

/**
 * Attaches one record to the best-matching event of its block, or creates an event for it.
 * `taken` holds the events this article already reports: one article's events stay apart.
 */
export async function attachRecord(
  tx: StoreTx,
  m: MatchInput & {
    readonly articleId: number | null;
    readonly eventIndex: number;
    readonly dataset: Dataset;
    readonly originalId: string | null;
    readonly sourceName: string | null;
    readonly syndicationGroup: number | null;
    readonly title: string | null;
    /** Only match events of these datasets (imports match extracted events, not each other). */
    readonly matchDatasets?: readonly Dataset[];
  },
  taken: Set<number>,
): Promise<AttachedReport> {
  const window = dateWindow(m);
  const candidates =
    window && m.matchDatasets?.length !== 0
      ? await tx.candidateEvents({
          countryCode: m.record.location?.countryCode ?? null,
          from: window.from,
          to: window.to,
          eventTypes: compatibleTypes(m.record.eventType),
          ...(m.matchDatasets ? { datasets: m.matchDatasets } : {}),
        })
      : [];
  const match = bestMatch(m, candidates, taken);
  const origin = m.articleId === null ? "import" : "article";
  let eventId: number;
  let kind: MatchKind;
  if (match) {
    eventId = match.event.id;
    kind = "matched";
  } else {
    const v: ReportView = {
      record: m.record,
      published: m.published,
      origin,
      sourceName: m.sourceName,
      title: m.title,
      seq: 0,
    };
    const { fields } = reconcile([v]);
    eventId = await tx.insertEvent(
      newEvent(fields, m.dataset, m.articleId === null ? m.originalId : null, {
        reportCount: 1,
        articleCount: m.articleId === null ? 0 : 1,
        sourceCount: 1,
      }),
    );
    kind = origin === "import" ? "import" : "new";
  }
  const reportId = await tx.insertReport({
    eventId,
    articleId: m.articleId,
    eventIndex: m.eventIndex,
    origin,
    dataset: m.dataset,
    originalId: m.originalId,
    record: m.record,
    match: kind,
    matchScore: match ? Math.round(match.score * 1000) / 1000 : 1,
    published: m.published,
    sourceName: m.sourceName,
    syndicationGroup: m.syndicationGroup,
  });
  await tx.addFigureHistory(
    figureEntries(m.record, m.published, m.sourceName).map((f) => ({ ...f, eventId, reportId })),
  );
  if (match) await refreshEvent(tx, eventId, match.event);
  taken.add(eventId);
  return { eventId, reportId, match: kind, score: match?.score ?? 1 };
}

/** Stores an article and its events, resolved against the database. Idempotent on the content hash. */
export async function storeArticle(tx: StoreTx, a: ArticleToStore): Promise<StoreOutcome> {
  const before = await tx.articleByHash(a.hash);
  if (before) return { articleId: before.id, created: false, copyOf: null, reports: [] };
  const sig = signature(a.normalisedText);
  const bands = bandKeys(sig);
  // Writers that could copy one another's article or event serialise here (PostgreSQL).
  await tx.lockBlocks([...bands.map((b) => `band:${b}`), ...a.records.map(countryKey)]);

  let copyOf: { id: number; group: number; sim: number } | null = null;
  for (const s of await tx.similarArticles(bands)) {
    const sim = similarity(sig, s.signature);
    if (sim >= SYNDICATION_SIMILARITY && (!copyOf || sim > copyOf.sim))
      copyOf = { id: s.id, group: s.syndicationGroup, sim };
  }
  const article: NewArticle = {
    hash: a.hash,
    externalId: a.externalId,
    title: a.title,
    published: a.published,
    url: a.url,
    source: a.source,
    text: a.text,
    signature: sig,
    bands,
  };
  const stored = await tx.insertArticle(article, copyOf?.group ?? null);
  if (!stored.created) return { articleId: stored.article.id, created: false, copyOf: null, reports: [] };

  const taken = new Set<number>();
  const reports: AttachedReport[] = [];
  // Reported events first: an article's own event should claim its match before a recalled one does.
  const order = a.records
    .map((r, i) => ({ r, i }))
    .sort((x, y) => Number(x.r.role !== "reported") - Number(y.r.role !== "reported") || x.i - y.i);
  for (const { r, i } of order) {
    reports[i] = await attachRecord(
      tx,
      {
        record: r,
        published: a.published,
        articleId: stored.article.id,
        eventIndex: i,
        dataset: "sitrep",
        originalId: null,
        sourceName: a.source,
        syndicationGroup: stored.article.syndicationGroup,
        title: a.title,
      },
      taken,
    );
  }
  return { articleId: stored.article.id, created: true, copyOf: copyOf?.id ?? null, reports };
}

/** A dataset row that joins no event: a new event of its own, ready for the bulk insert. */
export function newImportedEvent(m: {
  readonly record: EventRecord;
  readonly published: string | null;
  readonly dataset: Dataset;
  readonly originalId: string;
  readonly sourceName: string | null;
}): NewEventWithReport {
  const { fields } = reconcile([
    { record: m.record, published: m.published, origin: "import", sourceName: m.sourceName, title: null, seq: 0 },
  ]);
  return {
    event: newEvent(fields, m.dataset, m.originalId, { reportCount: 1, articleCount: 0, sourceCount: 1 }),
    report: {
      articleId: null,
      eventIndex: 0,
      origin: "import",
      dataset: m.dataset,
      originalId: m.originalId,
      record: m.record,
      match: "import",
      matchScore: 1,
      published: m.published,
      sourceName: m.sourceName,
      syndicationGroup: null,
    },
    figures: figureEntries(m.record, m.published, m.sourceName),
  };
}
