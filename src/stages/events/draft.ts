import type {
  ClaimMention,
  DateMention,
  FigureMention,
  PlaceMention,
  RoleFiller,
  SourceMention,
  TriggerMention,
} from "../../core/annotations.js";
import type { EventRole } from "../../core/frame.js";

/** An event while the frame is being assembled: its triggers and what has been attached to it. */
export interface Draft {
  readonly id: number;
  readonly triggers: TriggerMention[];
  /** Sentences holding its triggers, in text order. */
  readonly sentences: number[];
  readonly families: Set<string>;
  /** The trigger words place it in an earlier event, or in another one than the event before. */
  otherEvent: "earlier" | "distinct" | "calendar" | null;
  /** True when every trigger sits in a subordinate clause ("after police shot a student"). */
  subordinate: boolean;
  /** A cue class that rules the event out (an accident, a disaster explaining the blast), or null. */
  vetoed: string | null;
  /** How the draft was assembled, for its rule: "sentence", "+coref" ... */
  readonly how: string[];
  role: EventRole;
  roleRule: string;
  readonly places: PlaceMention[];
  /** Of `places`, those named without a locative word ("The White House condemned"): weaker evidence of where. */
  readonly weakPlaces: Set<PlaceMention>;
  readonly dates: DateMention[];
  /** The sentence each date was told in. */
  readonly dateSentence: Map<DateMention, number>;
  /** Of `dates`, those of a statement about the event ("said on Wednesday that"): used when no other dates it. */
  readonly statementDates: Set<DateMention>;
  readonly figures: FigureMention[];
  readonly roles: RoleFiller[];
  readonly claims: ClaimMention[];
  readonly sources: SourceMention[];
}

/** Marked as an event before the one the article reports ("calendar": by a month, in an undated article). */
export const pastMark = (o: Draft["otherEvent"]): boolean => o === "earlier" || o === "calendar";

export function newDraft(id: number, trigger: TriggerMention, family: string): Draft {
  return {
    id,
    triggers: [trigger],
    sentences: [trigger.sentence],
    families: new Set([family]),
    otherEvent: trigger.otherEvent ?? null,
    subordinate: trigger.subordinate === true,
    vetoed: null,
    how: ["sentence"],
    role: "reported",
    roleRule: "role.reported",
    places: [],
    weakPlaces: new Set(),
    dates: [],
    dateSentence: new Map(),
    statementDates: new Set(),
    figures: [],
    roles: [],
    claims: [],
    sources: [],
  };
}

/** Adds a trigger to a draft (same sentence or a later mention of the same event). */
export function addTrigger(d: Draft, t: TriggerMention, family: string): void {
  d.triggers.push(t);
  if (d.sentences[d.sentences.length - 1] !== t.sentence) d.sentences.push(t.sentence);
  if (family !== "any") d.families.add(family);
  if (!t.subordinate && family !== "any") d.subordinate = false;
}
