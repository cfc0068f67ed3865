import type { DatePrecision, FeatureType } from "./annotations.js";
import type { EventRole, LocationPrecision } from "./frame.js";

/**
 * The event record sitrep writes (`extract --format jsonl`), stores and exports. A superset of the
 * evaluation interchange format: every offset points into the text the user gave, and
 * `text.slice(start, end) === filler.text` holds for every filler.
 */
export interface Filler {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Canonical name (actor dictionary, normalised weapon), when known. */
  readonly name?: string;
  /** Victim type, actor type or weapon class, when known. */
  readonly category?: string;
  readonly confidence?: number;
}

export interface FigureRecord {
  readonly low: number;
  readonly best: number;
  readonly high: number | null;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** How many of `best` were perpetrators, when the text says. */
  readonly perpetrators?: number | null;
  /** Every figure the article gives for this count, with its words. */
  readonly reports?: readonly {
    readonly low: number;
    readonly best: number;
    readonly high: number | null;
    readonly text: string;
    readonly start: number;
    readonly end: number;
    readonly source?: string | null;
  }[];
}

export interface LocationRecord {
  readonly name: string;
  readonly admin1: string | null;
  readonly country: string | null;
  readonly countryCode: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly precision: LocationPrecision;
  readonly featureType?: FeatureType;
  readonly geonameId?: number | null;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface DateRecord {
  readonly start: string;
  readonly end: string;
  readonly precision: DatePrecision;
  readonly text?: string;
  readonly evidenceStart?: number;
  readonly evidenceEnd?: number;
}

export interface ClaimRecord {
  readonly kind: "claim" | "accusation" | "suspicion" | "denial";
  readonly actor: Filler;
  readonly by: Filler | null;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface SourceRecord {
  readonly name: string;
  readonly kind: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface EventRecord {
  readonly role: EventRole;
  readonly eventType: string;
  readonly subEventType: string;
  readonly gtdAttackType: string | null;
  readonly date: DateRecord | null;
  readonly location: LocationRecord | null;
  readonly site: Filler | null;
  readonly perpetratorOrgs: readonly Filler[];
  readonly perpetratorIndividuals: readonly Filler[];
  readonly targets: readonly Filler[];
  readonly victims: readonly Filler[];
  readonly weapons: readonly Filler[];
  readonly claimedBy: readonly Filler[];
  readonly claims: readonly ClaimRecord[];
  readonly killed: FigureRecord | null;
  readonly injured: FigureRecord | null;
  readonly kidnapped: FigureRecord | null;
  /** Names of the outlets and officials cited (the interchange format's list). */
  readonly sources: readonly string[];
  readonly sourceMentions: readonly SourceRecord[];
  /** The words that report the event (its main trigger). */
  readonly evidence: Filler;
  readonly confidence: number;
}

/** One line of `sitrep extract --format jsonl`. */
export interface ArticleResult {
  readonly id: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly events: readonly EventRecord[];
}
