import type { Article } from "../../core/article.js";
import type { ActorMention, PlaceMention } from "../../core/annotations.js";
import type { Taxonomy } from "../../taxonomy/load.js";
import type { BackgroundCue, ClauseRole, Cue, ModalityCue } from "../../taxonomy/types.js";
import type { PhraseIndex } from "../../text/phrases.js";

/** Cue classes that name who acts or is hit (generic nouns; named actors come from the actors stage). */
export const ACTOR_CLASSES: ReadonlySet<string> = new Set([
  "a.state",
  "a.armed",
  "a.generic",
  "a.force",
  "a.air",
  "a.protester",
  "a.crowd",
  "v.civ",
]);

/** The longest quotation (in tokens) read as a slogan or a title rather than reported speech. */
const SHORT_QUOTE = 8;

/** Words that open a relative clause: it belongs to the clause it hangs on. */
const RELATIVE: ReadonlySet<string> = new Set(["which", "who", "whom", "whose", "where", "when", "that"]);

/**
 * A boundary at token i that opens a clause hung on the one before: a relative word ("which left
 * 60 dead"), or a comma before one, before a participle (", prompting air strikes", ", killing
 * five") or before the agent of a passive (", reportedly by mortar fire"). Such a clause tells more
 * of the same event.
 */
function hangsOn(t: Article["tokens"], i: number): boolean {
  const here = t.key[i] as string;
  if (RELATIVE.has(here)) return true;
  if (here !== ",") return false;
  const next = t.key[i + 1] as string | undefined;
  if (next === undefined) return false;
  // ", reportedly by mortar fire from the Islamic State": the agent of the passive before it.
  if (next === "by" || (t.pos[i + 1] === "ADV" && t.key[i + 2] === "by")) return true;
  return RELATIVE.has(next) || (t.pos[i + 1] === "VERB" && next.endsWith("ing"));
}

/** A lexicon match: tokens [first, end) of the article. */
export interface Hit<T> {
  readonly first: number;
  readonly end: number;
  readonly value: T;
}

/** The cue of a match: entries listed more than once (variants, duplicates) are merged. */
function mergeCues(values: readonly Cue[]): Cue {
  if (values.length === 1) return values[0] as Cue;
  const classes = new Set<string>();
  let anchor: Cue["anchor"] = "none";
  let eventClass: string | null = null;
  for (const v of values) {
    v.classes.forEach((c) => classes.add(c));
    if (v.anchor === "strong" || (v.anchor === "weak" && anchor === "none")) anchor = v.anchor;
    eventClass ??= v.eventClass;
  }
  return { phrase: (values[0] as Cue).phrase, classes: [...classes], anchor, eventClass };
}

function matches<T>(index: PhraseIndex<T>, article: Article, first: number, end: number): Hit<T>[] {
  return index
    .findAll(article.tokens, first, end)
    .map((m) => ({ first: m.first, end: m.end, value: m.values[0] as T }));
}

/**
 * Everything the trigger rules read about one sentence, built only for sentences that hold an
 * anchor. Per-token tables make every later question (is there a clause boundary between two
 * tokens, which modality cue ends here) cost O(1), so a sentence costs time linear in its length.
 */
export class SentenceView {
  readonly first: number;
  readonly end: number;
  readonly cues: readonly Hit<Cue>[];
  /** Every cue class of the sentence, with how many matches carry it. */
  readonly classCount = new Map<string, number>();
  /** Clause boundaries (and subordinators) starting before token i: prefix counts, index i - first. */
  private readonly boundaryPrefix: Int32Array;
  /** Whether token i (index i - first) stands in a subordinate clause about another event. */
  private readonly inSubordinate: Uint8Array;
  /** Prefix counts of boundaries that end a clause outright (not a relative or participial clause hung on it). */
  private readonly hardPrefix: Int32Array;
  /** Prefix counts of clause words (not commas) that end a clause outright: "said", "but", ";". */
  private readonly wordPrefix: Int32Array;
  private readonly modalEnd: (Hit<ModalityCue> | undefined)[];
  private readonly modalStart: (Hit<ModalityCue> | undefined)[];
  private readonly backgroundEnd: (Hit<BackgroundCue> | undefined)[];
  private readonly backgroundStart: (Hit<BackgroundCue> | undefined)[];
  private readonly realisTo: Uint8Array;
  /** Actor cue class of the actor mention (or generic actor noun) starting at token i, if any. */
  readonly actorAt: (string | undefined)[];
  readonly placeAt: Uint8Array;
  /** Tokens inside an organisation's or a place's name ("Farabundo Marti National Liberation Front"). */
  private readonly inName: Uint8Array;
  /** Tokens inside a short quotation: a slogan, a title or scare quotes, not a report ("chanting "stop the killing""). */
  private readonly shortQuote: Uint8Array;
  private readonly cueStart: (Hit<Cue> | undefined)[];

  constructor(
    readonly article: Article,
    readonly tax: Taxonomy,
    first: number,
    end: number,
    cues: readonly Hit<Cue>[],
    actors: readonly ActorMention[],
    places: readonly PlaceMention[],
    tokenOf: (offset: number) => number,
  ) {
    this.first = first;
    this.end = end;
    this.cues = cues;
    const n = end - first;
    this.cueStart = new Array(n);
    for (const h of cues) {
      this.cueStart[h.first - first] = h;
      for (const c of h.value.classes) this.classCount.set(c, (this.classCount.get(c) ?? 0) + 1);
    }

    this.boundaryPrefix = new Int32Array(n + 1);
    this.inSubordinate = new Uint8Array(n);
    this.realisTo = new Uint8Array(n);
    const clauseStarts = new Uint8Array(n);
    const clauseEndRole: (ClauseRole | undefined)[] = new Array(n);
    for (const h of matches(tax.clauses, article, first, end)) {
      // "IS-claimed attack": a verb in a hyphenated compound is an adjective, no clause of its own.
      if (h.first > first && article.tokens.key[h.first - 1] === "-") continue;
      if (h.value === "realis-to") {
        this.realisTo[h.end - 1 - first] = 1;
        continue;
      }
      clauseStarts[h.first - first] = 1;
      clauseEndRole[h.end - 1 - first] = h.value;
    }
    // A subordinate clause ("after another attack on worshippers") runs on through a clause that
    // hangs on it (", which left 60 dead", ", prompting air strikes") and ends at any other boundary.
    let sub = false;
    const t = article.tokens;
    this.hardPrefix = new Int32Array(n + 1);
    this.wordPrefix = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      this.boundaryPrefix[i + 1] = (this.boundaryPrefix[i] as number) + (clauseStarts[i] as number);
      const soft = clauseStarts[i] === 1 && hangsOn(t, first + i);
      this.hardPrefix[i + 1] = (this.hardPrefix[i] as number) + (clauseStarts[i] === 1 && !soft ? 1 : 0);
      const comma = t.key[first + i] === ",";
      this.wordPrefix[i + 1] = (this.wordPrefix[i] as number) + (clauseStarts[i] === 1 && !soft && !comma ? 1 : 0);
      const role = clauseEndRole[i];
      if (role === "subordinate") sub = true;
      else if (role && sub && !hangsOn(t, first + i)) sub = false;
      this.inSubordinate[i] = sub ? 1 : 0;
    }

    this.modalEnd = new Array(n);
    this.modalStart = new Array(n);
    for (const h of matches(tax.modality, article, first, end)) {
      this.modalEnd[h.end - 1 - first] = h;
      this.modalStart[h.first - first] = h;
    }
    this.backgroundEnd = new Array(n);
    this.backgroundStart = new Array(n);
    for (const h of matches(tax.background, article, first, end)) {
      this.backgroundEnd[h.end - 1 - first] = h;
      this.backgroundStart[h.first - first] = h;
    }

    this.actorAt = new Array(n);
    for (const a of actors) {
      const cls = a.actorType ? tax.actorTypes.get(a.actorType) : undefined;
      if (!cls) continue;
      const t = tokenOf(a.span.start);
      if (t >= first && t < end) {
        this.actorAt[t - first] = cls;
        this.classCount.set(cls, (this.classCount.get(cls) ?? 0) + 1);
      }
    }
    for (const h of cues) {
      const cls = h.value.classes.find((c) => ACTOR_CLASSES.has(c));
      if (cls && this.actorAt[h.first - first] === undefined) this.actorAt[h.first - first] = cls;
    }
    this.shortQuote = new Uint8Array(n);
    let open = -1;
    for (let i = 0; i < n; i++) {
      if (t.value[first + i] !== '"') continue;
      if (open < 0) open = i;
      else {
        if (i - open - 1 <= SHORT_QUOTE) this.shortQuote.fill(1, open + 1, i);
        open = -1;
      }
    }
    this.placeAt = new Uint8Array(n);
    this.inName = new Uint8Array(n);
    for (const p of places) {
      const t = tokenOf(p.span.start);
      if (t >= first && t < end) this.placeAt[t - first] = 1;
    }
    // Organisations and places are names; "suicide bombers" as an actor is a description, not a name.
    for (const named of [...actors.filter((a) => a.kind === "organisation"), ...places]) {
      const a = Math.max(first, tokenOf(named.span.start));
      const b = Math.min(end - 1, tokenOf(named.span.end - 1));
      if (b >= a) this.inName.fill(1, a - first, b - first + 1);
    }
  }

  /** True when every token of [a, b) lies inside a name: a word of a name reports no event. */
  withinName(a: number, b: number): boolean {
    for (let i = a; i < b; i++) if (i < this.first || i >= this.end || this.inName[i - this.first] !== 1) return false;
    return b > a;
  }

  cueStartingAt(t: number): Hit<Cue> | undefined {
    return t >= this.first && t < this.end ? this.cueStart[t - this.first] : undefined;
  }

  has(cls: string): boolean {
    return (this.classCount.get(cls) ?? 0) > 0;
  }

  /** True when a boundary that ends the clause outright starts in tokens [a, b): a relative or participial clause hangs on. */
  hardBoundaryBetween(a: number, b: number): boolean {
    if (b <= a) return false;
    const lo = Math.max(a, this.first) - this.first;
    const hi = Math.min(b, this.end) - this.first;
    return (this.hardPrefix[hi] as number) - (this.hardPrefix[lo] as number) > 0;
  }

  /** True when a clause word other than a comma ("said", "but", "while") ends the clause in tokens [a, b). */
  clauseWordBetween(a: number, b: number): boolean {
    if (b <= a) return false;
    const lo = Math.max(a, this.first) - this.first;
    const hi = Math.min(b, this.end) - this.first;
    return (this.wordPrefix[hi] as number) - (this.wordPrefix[lo] as number) > 0;
  }

  /** True when a clause boundary starts in tokens [a, b). */
  boundaryBetween(a: number, b: number): boolean {
    if (b <= a) return false;
    const lo = Math.max(a, this.first) - this.first;
    const hi = Math.min(b, this.end) - this.first;
    return (this.boundaryPrefix[hi] as number) - (this.boundaryPrefix[lo] as number) > 0;
  }

  /** True when token t stands in a subordinate clause about another event ("rioted after police shot a student"). */
  subordinateAt(t: number): boolean {
    return t > this.first && t < this.end && this.inSubordinate[t - 1 - this.first] === 1;
  }

  modalEndingAt(t: number): Hit<ModalityCue> | undefined {
    return t >= this.first && t < this.end ? this.modalEnd[t - this.first] : undefined;
  }

  modalStartingAt(t: number): Hit<ModalityCue> | undefined {
    return t >= this.first && t < this.end ? this.modalStart[t - this.first] : undefined;
  }

  backgroundEndingAt(t: number): Hit<BackgroundCue> | undefined {
    return t >= this.first && t < this.end ? this.backgroundEnd[t - this.first] : undefined;
  }

  backgroundStartingAt(t: number): Hit<BackgroundCue> | undefined {
    return t >= this.first && t < this.end ? this.backgroundStart[t - this.first] : undefined;
  }

  inShortQuote(t: number): boolean {
    return t >= this.first && t < this.end && this.shortQuote[t - this.first] === 1;
  }

  isRealisTo(t: number): boolean {
    return t >= this.first && t < this.end && this.realisTo[t - this.first] === 1;
  }
}

const UPPER = /^\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/**
 * A capitalised proper noun inside a sentence of ordinary text is a name, not the word it spells:
 * "27 March", "Storm Corps", "Operation Desert Storm". Its event and non-event classes are
 * dropped; actor and weapon classes stay ("the Army").
 */
function asName(article: Article, first: number, sentenceFirst: number): boolean {
  if (article.caseless || first === sentenceFirst) return false;
  const t = article.tokens;
  const v = t.value[first] as string;
  return t.pos[first] === "PROPN" && UPPER.test(v) && LOWER.test(v);
}

function withoutNameSenses(cue: Cue): Cue | null {
  // Event classes have no dot ("attack"); circumstances do ("a.state", "w.firearm"); "n.*" are non-events.
  const classes = cue.classes.filter((c) => c.includes(".") && !c.startsWith("n."));
  return classes.length ? { ...cue, classes, eventClass: null, anchor: "none" } : null;
}

const NUMBER = /^\d+(st|nd|rd|th)?$/;

/** A month name beside a day number is a date, whatever its case: "ON 19 MARCH", "March 3rd". */
function asDate(tax: Taxonomy, article: Article, first: number, end: number): boolean {
  if (end - first !== 1 || tax.background.longestAt(article.tokens, first, end)?.values[0]?.kind !== "calendar")
    return false;
  const t = article.tokens;
  return NUMBER.test(t.key[first - 1] ?? "") || NUMBER.test(t.key[first + 1] ?? "");
}

/** The cue matches of tokens [first, end), longest first, entries merged. */
export function scanCues(tax: Taxonomy, article: Article, first: number, end: number): Hit<Cue>[] {
  const out: Hit<Cue>[] = [];
  for (const m of tax.cues.findAll(article.tokens, first, end)) {
    let value: Cue | null = mergeCues(m.values);
    if (asName(article, m.first, first) || asDate(tax, article, m.first, m.end)) value = withoutNameSenses(value);
    if (value) out.push({ first: m.first, end: m.end, value });
  }
  return out;
}
