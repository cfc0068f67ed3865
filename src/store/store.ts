/**
 * The event database, as one interface with two implementations: SQLite (store/sqlite, the
 * embedded default) and PostgreSQL + PostGIS (store/postgres, for many users and ingest workers).
 * One contract suite (store/contract.ts) runs against both. Open one with `openStore(dbOption)`
 * from store/open.ts: a file path selects SQLite, a `postgres://` URL PostgreSQL.
 *
 * What is stored:
 * - articles: the text the user gave (every evidence offset points into it), its content hash
 *   (an article is stored once), outlet, publication date and a minhash signature used to find
 *   syndicated copies of one wire story;
 * - events: one row per real-world event, holding the figures and fields reconciled from all its
 *   reports, in queryable columns;
 * - reports: one row per article × event (or per imported dataset row): the EventRecord as that
 *   article told it, with its evidence offsets, so that the UI can highlight them in the text;
 * - sources (outlets, grouped by syndication), actors on events, the history of figures, manual
 *   decisions, an audit log and API tokens.
 *
 * The write operations that carry domain logic are library functions over a Store, written once
 * for both databases: `ingestArticles` (ingest/pipeline.ts), `importFile` (import/import.ts),
 * `mergeEvents` / `splitEvent` / `correctEvent` (resolve/decisions.ts). They work through
 * `transaction()` and the primitives of `StoreTx`; each implementation guarantees that a
 * transaction is atomic and that concurrent writers of one database never see half of another's.
 *
 * Every method rejects with a SitrepError: E_STORE_OPEN, E_STORE_MIGRATION, E_STORE_WRITE,
 * E_NOT_FOUND, E_CONFLICT (a stale `expectedVersion`) or E_VALIDATION.
 */
import type { DatePrecision } from "../core/annotations.js";
import type { EventRole, LocationPrecision } from "../core/frame.js";
import type { EventRecord } from "../core/record.js";
import type {
  ActorRole,
  AggregateBucket,
  AggregateQuery,
  Dataset,
  EventQuery,
  FigureRange,
  MapPoint,
  MapQuery,
} from "../query/types.js";
import type { EventFilter } from "../query/types.js";
import type { EventFacts } from "./event-facts.js";

export type FigureKind = "killed" | "injured" | "kidnapped";

/** An actor of an event under its canonical name, as the actor queries see it. */
export interface EventActor {
  readonly name: string;
  readonly role: ActorRole;
  /** Actor type or victim category, when coded (rebel group, civilians, worshippers...). */
  readonly category: string | null;
}

/**
 * The reconciled, queryable fields of an event: what all its reports, the dataset rows it was
 * imported from and the analysts' corrections say together.
 */
export interface EventFields {
  readonly eventType: string;
  readonly subEventType: string;
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  readonly datePrecision: DatePrecision | null;
  readonly country: string | null;
  /** ISO 3166-1 alpha-2. */
  readonly countryCode: string | null;
  readonly admin1: string | null;
  readonly admin2: string | null;
  /** The town or site name. */
  readonly place: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geoPrecision: LocationPrecision | null;
  readonly killed: FigureRange;
  readonly injured: FigureRange;
  readonly kidnapped: FigureRange;
  /** "reported" when at least one report reports it, "background" when articles only recall it. */
  readonly role: EventRole;
  readonly actors: readonly EventActor[];
  /** Normalised weapon names. */
  readonly weapons: readonly string[];
  /** Outlets and cited sources, distinct. */
  readonly sources: readonly string[];
  /** A short description: the dataset's notes, or the main evidence sentence of the first report. */
  readonly notes: string | null;
}

/** An event's row as it is first written. */
export interface NewEvent extends EventFields {
  readonly dataset: Dataset;
  /** The dataset's own id (ACLED event_id_cnty, GTD eventid, UCDP id), or null for extracted events. */
  readonly originalId: string | null;
  readonly reportCount: number;
  /** Distinct articles reporting it. */
  readonly articleCount: number;
  /** Distinct independent sources: syndicated copies of one wire story count once. */
  readonly sourceCount: number;
}

export interface StoredEvent extends NewEvent {
  readonly id: number;
  /** Fields an analyst corrected; reconciliation keeps these values whatever new reports say. */
  readonly corrected: readonly string[];
  /** Incremented by every change; pass it back as `expectedVersion` to detect concurrent edits. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What the input says of an article, and its identity. */
export interface ArticleFields {
  /** SHA-256 of the normalised text: the identity that makes ingest idempotent. */
  readonly hash: string;
  /** The id the input gave it (file path, JSONL id, feed guid). */
  readonly externalId: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly url: string | null;
  /** Outlet name, when the input said. */
  readonly source: string | null;
}

/** What is known of an article; `text` is loaded only by `getArticle`. */
export interface StoredArticle extends ArticleFields {
  readonly id: number;
  readonly sourceId: number | null;
  /** Articles in one group are copies of one story (near-duplicate text). */
  readonly syndicationGroup: number;
  readonly ingestedAt: string;
}

export interface ArticleWithText extends StoredArticle {
  /** The text as the user gave it: evidence offsets point into this string. */
  readonly text: string;
}

export type ReportOrigin = "article" | "import";

/** How a report came to be attached to its event. */
export type MatchKind = "new" | "matched" | "manual" | "import";

export interface StoredReport {
  readonly id: number;
  readonly eventId: number;
  /** Null for a report that is an imported dataset row. */
  readonly articleId: number | null;
  /** Position of the event among the article's events (0-based); with articleId, unique. */
  readonly eventIndex: number;
  readonly origin: ReportOrigin;
  readonly dataset: Dataset;
  /** For an imported row: its id in the dataset (with `dataset`, unique). */
  readonly originalId: string | null;
  /** The record as the article (or the dataset row) told it, evidence offsets into the article text. */
  readonly record: EventRecord;
  readonly match: MatchKind;
  /** 0..1, how well it matched its event when it was attached (1 for new and manual). */
  readonly matchScore: number;
  /** Publication date of the article (or the dataset row's date), for figure history. */
  readonly published: string | null;
  /** The outlet of the article, or the dataset's source field. */
  readonly sourceName: string | null;
  readonly syndicationGroup: number | null;
  readonly createdAt: string;
}

/** One figure as one report gave it, in the order the reports came. */
export interface FigureHistoryEntry {
  readonly eventId: number;
  readonly reportId: number;
  readonly kind: FigureKind;
  readonly low: number;
  readonly best: number;
  readonly high: number | null;
  /** The date the figure was published (article date), or null. */
  readonly asOf: string | null;
  readonly sourceName: string | null;
  /** The words of the figure and where they are in the article. */
  readonly text: string | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly recordedAt: string;
}

export type DecisionKind = "merge" | "split" | "correct";

/** A manual decision; it is kept and applied again whenever the event is reconciled. */
export interface Decision {
  readonly id: number;
  readonly kind: DecisionKind;
  /** merge: [kept, ...absorbed]; split: [from, created]; correct: [event]. */
  readonly eventIds: readonly number[];
  /** merge/split: the reports moved; correct: { field, value }. */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly by: string;
  readonly note: string | null;
  readonly at: string;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  /** Who: a token name, a user name, or "cli:<user>". */
  readonly actor: string;
  /** What: ingest, import, merge, split, correct, token.create, token.revoke... */
  readonly action: string;
  readonly eventId: number | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

export type TokenRole = "editor" | "admin";

export interface ApiToken {
  readonly id: number;
  readonly name: string;
  readonly role: TokenRole;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** An event with everything the evidence view needs. */
export interface EventDetail {
  readonly event: StoredEvent;
  /** In the order they came; each with its article (null for imported rows). */
  readonly reports: readonly (StoredReport & { readonly article: StoredArticle | null })[];
  readonly figureHistory: readonly FigureHistoryEntry[];
  readonly decisions: readonly Decision[];
  /** Set when this event was merged into another: the id to go to instead. */
  readonly mergedInto: number | null;
}

export interface EventPage {
  readonly events: readonly StoredEvent[];
  /** Every matching event, or null when the query asked for no total. */
  readonly total: number | null;
}

export interface StoreCounts {
  readonly articles: number;
  readonly events: number;
  readonly reports: number;
  readonly sources: number;
}

// ---- the write primitives, used inside transaction() ----

export interface NewArticle extends ArticleFields {
  readonly text: string;
  /** Minhash signature of the text (resolve/minhash.ts) and its LSH band keys. */
  readonly signature: Uint32Array;
  readonly bands: readonly string[];
}

/** An earlier article that shares an LSH band with a new one: a near-duplicate candidate. */
export interface SimilarArticle {
  readonly id: number;
  readonly signature: Uint32Array;
  readonly syndicationGroup: number;
}

/** A report as it is first written: the store gives it its id and time. */
export type NewReport = Omit<StoredReport, "id" | "createdAt">;

/** A new event with its first report and the figures that report gives: what an imported row becomes. */
export interface NewEventWithReport {
  readonly event: NewEvent;
  readonly report: Omit<NewReport, "eventId">;
  readonly figures: readonly Omit<FigureHistoryEntry, "eventId" | "reportId" | "recordedAt">[];
}

/**
 * The events resolution compares a new record with: same country (or no country), a date range
 * overlapping [from, to] and starting at most 31 days before `from` (events known only to the
 * year are too vague to resolve against), any of the event types (empty: any). Blocking keeps
 * resolution fast.
 */
export interface Block {
  readonly countryCode: string | null;
  readonly from: string;
  readonly to: string;
  readonly eventTypes?: readonly string[];
  /** Only events of these datasets (default: all). */
  readonly datasets?: readonly Dataset[];
}

export interface StoreTx {
  /** The stored article with this content hash, or null. */
  articleByHash(hash: string): Promise<StoredArticle | null>;
  /**
   * Stores an article once: when another writer stored the same hash meanwhile, returns that one
   * with `created: false` (and stores nothing).
   */
  insertArticle(
    article: NewArticle,
    syndicationGroup: number | null,
  ): Promise<{ article: StoredArticle; created: boolean }>;
  /** Earlier articles sharing at least one band key. */
  similarArticles(bands: readonly string[]): Promise<SimilarArticle[]>;
  /** The id of an outlet, created on first use. */
  sourceId(name: string): Promise<number>;
  /**
   * Serialises writers that resolve into the same blocks (PostgreSQL: transaction-scoped
   * advisory locks, taken in sorted order; SQLite: a no-op, its writer lock already serialises).
   */
  lockBlocks(keys: readonly string[]): Promise<void>;
  candidateEvents(block: Block): Promise<StoredEvent[]>;
  eventById(id: number): Promise<StoredEvent | null>;
  eventByOriginalId(dataset: Dataset, originalId: string): Promise<StoredEvent | null>;
  insertEvent(event: NewEvent): Promise<number>;
  /** Writes reconciled fields and counts; bumps the version. */
  updateEvent(
    id: number,
    fields: EventFields,
    counts: { reportCount: number; articleCount: number; sourceCount: number },
    corrected: readonly string[],
  ): Promise<void>;
  /** Marks an event as merged into another; it leaves every query but getEvent. */
  markMerged(id: number, into: number): Promise<void>;
  insertReport(report: NewReport): Promise<number>;
  /** Of these dataset ids, those imported already (as events or as reports of events). */
  importedIds(dataset: Dataset, originalIds: readonly string[]): Promise<Set<string>>;
  /** Stores new events, each with its first report and that report's figures (the bulk path of imports). */
  insertEventsWithReports(items: readonly NewEventWithReport[]): Promise<void>;
  reportsOfEvent(eventId: number): Promise<StoredReport[]>;
  /** Moves reports (and their figure history) to another event. */
  moveReports(reportIds: readonly number[], toEventId: number): Promise<void>;
  addFigureHistory(entries: readonly Omit<FigureHistoryEntry, "recordedAt">[]): Promise<void>;
  addDecision(decision: Omit<Decision, "id" | "at">): Promise<number>;
  decisionsOf(eventId: number): Promise<Decision[]>;
  audit(entry: Omit<AuditEntry, "id" | "at">): Promise<void>;
}

export interface Store {
  readonly dialect: "sqlite" | "postgres";

  /**
   * Runs `fn` in one transaction: all its writes land, or none. Transactions of one Store run one
   * at a time. Rejects with E_STORE_WRITE when the database refuses a write.
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;

  /**
   * Runs a bulk load (an import): when the database holds no events yet, an implementation may
   * drop secondary indexes while `fn` runs and build them once at the end (SQLite does). Queries
   * still answer meanwhile, more slowly. `fn` writes through `transaction()` as usual.
   */
  bulkLoad<T>(fn: () => Promise<T>): Promise<T>;

  // ---- reads ----
  queryEvents(query: EventQuery): Promise<EventPage>;
  aggregate(query: AggregateQuery): Promise<AggregateBucket[]>;
  mapPoints(query: MapQuery): Promise<MapPoint[]>;
  /** The map and timeline fields of the live events matching a filter (all when absent), in id order (event-facts.ts). */
  eventFacts(filter?: EventFilter): Promise<EventFacts>;
  /** The ids of the live events matching a filter, ascending. */
  eventIds(filter: EventFilter): Promise<Int32Array>;
  /** A value that changes whenever an event changes, whoever changed it: cheap, for caches. */
  changeToken(): Promise<string>;
  /** Null when there is no such event. Merged events are returned with `mergedInto` set. */
  getEvent(id: number): Promise<EventDetail | null>;
  getArticle(id: number): Promise<ArticleWithText | null>;
  /** Most recent first. */
  listArticles(page: { limit?: number; offset?: number }): Promise<StoredArticle[]>;
  /** The reports an article gave, with their events' ids, in the article's order. */
  reportsOfArticle(articleId: number): Promise<StoredReport[]>;
  counts(): Promise<StoreCounts>;
  /** Distinct canonical actor names with their event counts (for pickers), most events first. */
  actorNames(prefix: string, limit?: number): Promise<{ name: string; events: number }[]>;
  auditLog(query: { eventId?: number; limit?: number; offset?: number }): Promise<AuditEntry[]>;

  // ---- API tokens (stored as SHA-256 hashes; the plain token is shown once) ----
  createToken(name: string, role: TokenRole): Promise<{ token: string; info: ApiToken }>;
  /** The token's record when it is valid and not revoked (and notes its use), else null. */
  verifyToken(plain: string): Promise<ApiToken | null>;
  revokeToken(id: number): Promise<void>;
  listTokens(): Promise<ApiToken[]>;

  close(): Promise<void>;
}
