/** The taxonomy as sitrep uses it, loaded from data/taxonomy (see load.ts and data/README.md). */

export type AnchorStrength = "strong" | "weak" | "none";

/** One lexicon entry (data/taxonomy/cues.tsv): the cue classes a phrase signals. */
export interface Cue {
  readonly phrase: string;
  readonly classes: readonly string[];
  /** The event class (data/taxonomy/typing.json families) the phrase triggers, or null for context words. */
  readonly eventClass: string | null;
  readonly anchor: AnchorStrength;
}

export interface SubEventTypeInfo {
  readonly name: string;
  readonly eventType: string;
  readonly family: string;
  /** GTD attack type, or null when GTD would not code the event. */
  readonly gtd: string | null;
  readonly definition: string;
}

/** A typing rule: the first whose conditions hold over a frame's cue classes gives its sub-event type. */
export interface TypingRule {
  readonly id: string;
  readonly all: readonly string[];
  readonly any: readonly string[];
  readonly none: readonly string[];
  readonly then: string;
}

export interface Veto {
  readonly unless: ReadonlySet<string>;
  /** When set, only triggers of these classes are vetoed. */
  readonly only: ReadonlySet<string> | null;
  readonly weakOnly: boolean;
  /** The triggers are kept but as background events. */
  readonly background: boolean;
}

/** "ignore" shadows a shorter cue: "no fewer than 20 were killed" asserts the killing. */
export type ModalityKind = "negated" | "hypothetical" | "generic" | "ignore";
export type Side = "before" | "after" | "around";

export interface ModalityCue {
  readonly kind: ModalityKind;
  readonly side: Side;
  readonly window: number;
}

export interface BackgroundCue {
  /**
   * earlier: an event before the reported one ("last month's bombing"); distinct: another event
   * ("another attack"); calendar: a month name, which marks an earlier event only in an article
   * without a publication date.
   */
  readonly kind: "earlier" | "distinct" | "calendar";
  readonly side: Side;
  readonly window: number;
}

/** How a word bounds the clause cues can reach (data/taxonomy/clauses.tsv). */
export type ClauseRole = "boundary" | "reporting" | "subordinate" | "realis-to";
