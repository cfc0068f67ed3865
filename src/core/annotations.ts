import type { Span } from "./span.js";

/**
 * The annotations stages add to an article. Each is a fact with the span that supports it and
 * the rule that made it, so that `--explain` can say where every coded value came from.
 */
export interface Fact {
  readonly span: Span;
  /** Name of the rule (or model) that produced the fact, e.g. "figure.at-least". */
  readonly rule: string;
  /** 0..1, how sure the rule is. */
  readonly confidence: number;
}

export type FeatureType = "country" | "admin1" | "admin2" | "city" | "site" | "region" | "other";

/** A place name found in the text and resolved against the gazetteer. */
export interface PlaceMention extends Fact {
  /** Canonical name of the resolved place (gazetteer name). */
  readonly name: string;
  readonly featureType: FeatureType;
  readonly countryCode: string | null;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geonameId: number | null;
  readonly population: number | null;
  /** A province's seat: where an event known only by the province is placed, as ACLED does. */
  readonly seat?: { readonly lat: number; readonly lon: number };
}

export type DatePrecision = "day" | "week" | "month" | "year";

/** A date expression resolved to a calendar range (ISO dates, inclusive). */
export interface DateMention extends Fact {
  readonly start: string;
  readonly end: string;
  readonly precision: DatePrecision;
  /**
   * How it was resolved: absolute ("15 October 2021"), against the publication date ("on Friday"),
   * or against another event ("a week after another attack"): then `offsetDays` gives the signed
   * distance from that event's date to this one's, to be resolved once events are known.
   */
  readonly anchor: "absolute" | "publication" | "event";
  readonly offsetDays?: number;
}

export type FigureKind = "killed" | "injured" | "kidnapped";

/** A count of people killed, injured or kidnapped, as UCDP codes it. */
export interface FigureMention extends Fact {
  readonly kind: FigureKind;
  readonly low: number;
  readonly best: number;
  /** Null when open-ended ("at least 41"). */
  readonly high: number | null;
  /** Who the figure counts, when the text says: perpetrators are kept apart (GTD nkillter). */
  readonly group: "perpetrators" | "victims" | "security" | "civilians" | null;
  /** Of `best`, how many were perpetrators ("one civilian and six assailants were killed" → 6). */
  readonly perpetrators: number | null;
  /** The figure revises an earlier one ("the death toll rose to 63"). */
  readonly revision: boolean;
  /** The figure adds to the others ("two more died later in hospital"). */
  readonly additional?: boolean;
  /** Index into `sources` of the source the sentence cites for this figure, if any. */
  readonly sourceIndex: number | null;
}

export type ActorType =
  | "state forces"
  | "rebel group"
  | "political militia"
  | "identity militia"
  | "rioters"
  | "protesters"
  | "civilians"
  | "external/other forces";

/** A mention of an organisation or of people acting as a group (not yet given a role). */
export interface ActorMention extends Fact {
  readonly kind: "organisation" | "individual";
  /** Canonical name from the actor dictionary, or null for an organisation not in it. */
  readonly name: string | null;
  readonly actorType: ActorType | null;
  readonly countryCode: string | null;
}

/** A word or phrase that signals an event of a given type. */
export interface TriggerMention extends Fact {
  readonly eventType: string;
  readonly subEventType: string;
  readonly sentence: number;
  /** Negated ("no one was hurt"), hypothetical ("threatened to attack") or generic: not an event. */
  readonly modality: "asserted" | "negated" | "hypothetical";
  /** The trigger's event class in data/taxonomy (e.g. "bomb", "clash", "arrest"), when the trigger stage knows it. */
  readonly cue?: string;
  /** Cue classes of the trigger's sentence (weapons, actor kinds, who acts and who is hit) that typed it. */
  readonly context?: readonly string[];
  /**
   * Words around the trigger place it in an event other than the one just told: an earlier one the
   * article recalls ("last month's bombing", "a week after ... attack"), another one ("another
   * attack"), or one dated by a month in an article without a publication date ("calendar").
   */
  readonly otherEvent?: "earlier" | "distinct" | "calendar";
  /** The trigger sits in a clause about another event ("rioted after police shot a student"): less salient. */
  readonly subordinate?: boolean;
}

export type RoleName = "perpetratorOrgs" | "perpetratorIndividuals" | "targets" | "victims" | "weapons";

/** A role filler of an event: who did it, to whom, to what, with what. */
export interface RoleFiller extends Fact {
  readonly role: RoleName;
  /** Canonical name (actor dictionary) for organisations, weapons normalised. */
  readonly name: string | null;
  /** For victims: civilians, worshippers, security forces, officials...; for perpetrators: actor type. */
  readonly category: string | null;
  readonly sentence: number;
}

/** Who says a group did it: a claim by the group itself, an accusation, or a suspicion. */
export interface ClaimMention extends Fact {
  readonly kind: "claim" | "accusation" | "suspicion" | "denial";
  /** The group the claim is about. */
  readonly actor: Span;
  readonly actorName: string | null;
  /** Who made the statement (for a claim: usually the group itself). */
  readonly by: Span | null;
  readonly sentence: number;
  /**
   * The claim names its event only by a word that refers back ("claimed responsibility for the
   * incident", "attributed it to"): the event the article is about, not one told in its sentence.
   */
  readonly anaphoric?: boolean;
}

/** An outlet, official or witness the article cites. */
export interface SourceMention extends Fact {
  /** Normalised name ("AFP" for "Agence France-Presse"). */
  readonly name: string;
  readonly kind: "outlet" | "official" | "organisation" | "witness" | "other";
  readonly sentence: number;
}

/** The annotations a pipeline can hold, by key. */
export interface Annotations {
  readonly places: readonly PlaceMention[];
  readonly dates: readonly DateMention[];
  readonly figures: readonly FigureMention[];
  readonly actors: readonly ActorMention[];
  readonly triggers: readonly TriggerMention[];
  readonly roles: readonly RoleFiller[];
  readonly claims: readonly ClaimMention[];
  readonly sources: readonly SourceMention[];
  readonly events: readonly import("./frame.js").EventFrame[];
}

export type AnnotationKey = keyof Annotations;
