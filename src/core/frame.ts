import type {
  ClaimMention,
  DateMention,
  Fact,
  FigureKind,
  FigureMention,
  PlaceMention,
  RoleFiller,
  SourceMention,
  TriggerMention,
} from "./annotations.js";
import type { Span } from "./span.js";

export type EventRole = "reported" | "background";

/** ACLED-style location precision: the site or town itself, a district, a province, a country. */
export type LocationPrecision = "site" | "city" | "district" | "province" | "country" | "region";

/** A figure reconciled from the mentions that report it (UCDP low / best / high). */
export interface FigureSummary {
  readonly low: number;
  readonly best: number;
  readonly high: number | null;
  /** The mention whose words the summary shows as its evidence. */
  readonly chosen: FigureMention;
  /** Every mention that reports this figure for this event, in text order. */
  readonly mentions: readonly FigureMention[];
  /** Of `best`, how many were perpetrators, when the text separates them. */
  readonly perpetrators: number | null;
}

/** The place an event happened: a resolved mention, with the precision it gives the event. */
export interface EventLocation {
  readonly place: PlaceMention;
  readonly precision: LocationPrecision;
}

/** An event as an article tells it, in normalised-text spans (see core/record.ts for the output form). */
export interface EventFrame {
  readonly role: EventRole;
  readonly eventType: string;
  readonly subEventType: string;
  /** GTD attack type (Bombing/Explosion, Armed Assault, ...) or null when GTD would not code it. */
  readonly gtdAttackType: string | null;
  /** The trigger mentions that make up the event; the first is its main evidence. */
  readonly triggers: readonly TriggerMention[];
  readonly location: EventLocation | null;
  /** The kind of site, kept apart from the place (mosque, market, checkpoint). */
  readonly site: (Fact & { readonly name: string }) | null;
  readonly date: DateMention | null;
  readonly perpetratorOrgs: readonly RoleFiller[];
  readonly perpetratorIndividuals: readonly RoleFiller[];
  readonly targets: readonly RoleFiller[];
  readonly victims: readonly RoleFiller[];
  readonly weapons: readonly RoleFiller[];
  readonly claims: readonly ClaimMention[];
  readonly figures: Readonly<Record<FigureKind, FigureSummary | null>>;
  readonly sources: readonly SourceMention[];
  readonly confidence: number;
  /** The rule that assembled the frame (and decided its role). */
  readonly rule: string;
  /** The sentence(s) that report the event. */
  readonly span: Span;
}
