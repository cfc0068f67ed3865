import type { Article } from "../../core/article.js";
import type { ActorMention, PlaceMention, TriggerMention } from "../../core/annotations.js";
import type { Stage, StageInput } from "../../pipeline/stage.js";
import { typingCues } from "../../taxonomy/cues.js";
import { taxonomy, type Taxonomy } from "../../taxonomy/load.js";
import type { Cue } from "../../taxonomy/types.js";
import { typeOf } from "../../taxonomy/typing.js";
import { tokenSpan } from "../../text/evidence.js";
import {
  backgroundCue,
  modalityOf,
  openingTime,
  periodBefore,
  periodSummed,
  type BackgroundDecision,
} from "./modality.js";
import { captureSense, participants } from "./participants.js";
import { scanCues, SentenceView, type Hit } from "./sentence-view.js";
import { cameAfterAt } from "../../text/came-after.js";

/** The token whose span holds (or follows) a text offset: binary search over token ends; -1 without tokens. */
export function tokenFinder(article: Article): (offset: number) => number {
  const ends = article.tokens.end;
  return (offset) => {
    let lo = 0;
    let hi = article.tokens.count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ends[mid] as number) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return article.tokens.count > 0 ? lo : -1;
  };
}

function bySentence<T extends { span: { start: number } }>(
  items: readonly T[],
  article: Article,
  tokenOf: (o: number) => number,
) {
  const out = new Map<number, T[]>();
  for (const it of items) {
    const tok = tokenOf(it.span.start);
    if (tok < 0) continue;
    const s = article.tokens.sentence[tok] as number;
    const list = out.get(s);
    if (list) list.push(it);
    else out.set(s, [it]);
  }
  return out;
}

interface Anchor {
  readonly hit: Hit<Cue>;
  /** The event class, a capture resolved to its sense. */
  readonly cls: string;
}

function supported(tax: Taxonomy, view: SentenceView, a: Anchor): boolean {
  const base = a.hit.value.eventClass ?? a.cls;
  const support = tax.support.get(base) ?? tax.defaultSupport;
  for (const cls of support) {
    const own = a.hit.value.classes.includes(cls) ? 1 : 0;
    if ((view.classCount.get(cls) ?? 0) - own > 0) return true;
  }
  return false;
}

const EMPTY: readonly never[] = [];

/** Classes of a weapon word that names the thing seized or defused rather than a use of it. */
const WEAPON_WORDS = new Set(["grenade", "bomb"]);
const DISRUPTING = new Set(["disrupt", "capture.weapons"]);
const USING = new Set(["explode", "kill", "harm", "fire", "suicide", "air", "shell", "clash", "attack"]);

/**
 * "Our troops seized an M-14 rifle, 3,000 cartridges and six grenades": beside a seizure or a
 * defusing and no use of weapons, a grenade or a bomb is the thing disrupted, not an attack.
 */
function withoutSeizedWeapons(input: StageInput, anchors: readonly Anchor[]): Anchor[] {
  if (!anchors.some((a) => DISRUPTING.has(a.cls)) || anchors.some((a) => USING.has(a.cls))) return [...anchors];
  return anchors.filter((a) => {
    if (!WEAPON_WORDS.has(a.cls) || a.hit.value.classes.includes("explode")) return true;
    input.trace?.note(
      "trigger.seized-weapon",
      tokenSpan(input.article, a.hit.first, a.hit.end - 1),
      `"${a.hit.value.phrase}" names what was seized`,
    );
    return false;
  });
}

/** Words that may stand in a list of arms: "armed with assault rifles, grenades and explosives". */
const ARMS_LIST_POS = new Set(["NOUN", "PROPN", "ADJ", "DET", "NUM", "CCONJ", "PUNCT"]);
const ARMS_REACH = 8;

/**
 * "Assailants armed with firearms and grenades stormed the hotel": the arms the attackers carry,
 * listed after "armed with", are not how the event is told when another word of the sentence tells
 * it (stormed, opened fire); a grenade or a bomb among them makes no grenade or bomb attack.
 */
function withoutCarriedArms(input: StageInput, view: SentenceView, anchors: readonly Anchor[]): Anchor[] {
  if (!anchors.some((a) => !WEAPON_WORDS.has(a.cls))) return [...anchors];
  const t = input.article.tokens;
  return anchors.filter((a) => {
    if (!WEAPON_WORDS.has(a.cls) || a.hit.value.classes.includes("explode")) return true;
    for (let k = a.hit.first - 1; k > view.first && a.hit.first - k <= ARMS_REACH; k--) {
      if (t.key[k] === "with" && t.key[k - 1] === "armed") {
        input.trace?.note(
          "trigger.carried-arms",
          tokenSpan(input.article, a.hit.first, a.hit.end - 1),
          `"${a.hit.value.phrase}" names what the attackers were armed with`,
        );
        return false;
      }
      if (!ARMS_LIST_POS.has(t.pos[k] as string)) break;
    }
    return true;
  });
}

const DAY = 864e5;
/** A date this long before publication dates an earlier event (ACLED: the article's own events are recent). */
const STALE_DAYS = 30;
/** How far from a trigger, in its clause, a date dates it. */
const DATE_REACH = 8;

/** Token ranges of the sentence's dates that lie long before the publication date. */
type StaleDate = { first: number; end: number; words: string };

function staleDates(input: StageInput, tokenOf: (o: number) => number): Map<number, StaleDate[]> {
  const out = new Map<number, StaleDate[]>();
  const { article } = input;
  if (!article.published) return out;
  const limit = Date.parse(article.published) - STALE_DAYS * DAY;
  for (const d of input.annotations.dates ?? EMPTY) {
    if (d.anchor === "event" || !d.end || Date.parse(d.end) >= limit) continue;
    const first = tokenOf(d.span.start);
    const end = tokenOf(d.span.end - 1) + 1;
    if (first < 0) continue;
    const s = article.tokens.sentence[first] as number;
    const list = out.get(s) ?? [];
    list.push({ first, end, words: article.text.slice(d.span.start, d.span.end) });
    out.set(s, list);
  }
  return out;
}

/**
 * "In April, more than 20 soldiers were killed" in an article of August: a date long before the
 * publication that opens the sentence, or stands beside the trigger in its clause, dates an earlier
 * event.
 */
function staleDateOf(
  view: SentenceView,
  stale: readonly StaleDate[],
  first: number,
  end: number,
): BackgroundDecision | null {
  for (const d of stale) {
    const opening = d.first <= view.first + 1 && view.clauseWordBetween(view.first, d.first) === false;
    const near =
      (d.end <= first && first - d.end <= DATE_REACH && !view.hardBoundaryBetween(d.end, first)) ||
      (d.first >= end && d.first - end <= DATE_REACH && !view.hardBoundaryBetween(end, d.first));
    if (opening || near) return { kind: "earlier", words: d.words };
  }
  return null;
}

/** Deeds of a crowd whose purpose ("to protest", "to demand") it carries out by doing them. */
const GATHERED = new Set([
  "gathered",
  "marched",
  "blocked",
  "rallied",
  "assembled",
  "converged",
  "staged",
  "poured",
  "took",
]);
const GATHER_REACH = 12;

/** A crowd's deed before the infinitive at `first`, in its clause: "marched through the capital to protest". */
function gatheredBefore(article: StageInput["article"], view: SentenceView, first: number): boolean {
  const t = article.tokens;
  for (let k = first - 2; k >= Math.max(view.first, first - GATHER_REACH); k--) {
    if (GATHERED.has(t.key[k] as string)) return !view.hardBoundaryBetween(k, first);
  }
  return false;
}

/** Words between a light verb and the deed it names: "launched a blistering attack". */
const BEFORE_THE_DEED = new Set(["DET", "ADJ", "ADV", "NUM"]);

/** The strong trigger a weak one takes as its object ("launched a ... attack"), or null. `strongAt` maps a token to the strong trigger starting there. */
function deedNamed(article: StageInput["article"], strongAt: ReadonlyMap<number, Anchor>, end: number): Anchor | null {
  const t = article.tokens;
  let k = end;
  while (k < t.count && k - end < 4 && BEFORE_THE_DEED.has(t.pos[k] as string)) k++;
  return strongAt.get(k) ?? null;
}

function sentenceTriggers(
  input: StageInput,
  tax: Taxonomy,
  s: number,
  view: SentenceView,
  anchors: readonly Anchor[],
  stale: readonly StaleDate[],
): TriggerMention[] {
  const { article } = input;
  const classes = new Set<string>();
  for (const h of view.cues) for (const c of h.value.classes) if (c !== "capture") classes.add(c);
  for (const a of anchors) classes.add(a.cls);
  for (const c of view.actorAt) if (c) classes.add(c);

  const out: TriggerMention[] = [];
  const opening = openingTime(article, view);
  const cameAfter = cameAfterAt(article.tokens, view.first, view.end);
  const strongAt = new Map<number, Anchor>();
  for (const a of anchors) if (a.hit.value.anchor === "strong") strongAt.set(a.hit.first, a);
  const period = periodBefore(article, view);
  let previous: { end: number; other: TriggerMention["otherEvent"] } | null = null;
  for (const a of anchors) {
    const { first, end } = a.hit;
    const span = tokenSpan(article, first, end - 1);
    const weak = a.hit.value.anchor === "weak";
    if (weak && !supported(tax, view, a)) {
      input.trace?.note(
        "trigger.unsupported",
        span,
        `weak trigger "${a.hit.value.phrase}" without a supporting cue in its sentence`,
      );
      continue;
    }
    // "launched a blistering attack on the government": a light verb is as real as the deed it names
    const named = weak ? deedNamed(article, strongAt, end) : null;
    let modal = modalityOf(article, view, first, end);
    // "farmers blocked a highway on Monday to protest against fuel prices": the gathering is the protest
    if (modal.rule === "modality.infinitive" && a.cls === "protest" && gatheredBefore(article, view, first))
      modal = { modality: "asserted", rule: null };
    if (named && modal.modality === "asserted") {
      const of = modalityOf(article, view, named.hit.first, named.hit.end);
      if (of.modality !== "asserted") modal = of;
    }
    let background =
      backgroundCue(article, view, first, end) ??
      (first > view.first + 1 ? opening : null) ??
      periodSummed(article, view, first, period) ??
      staleDateOf(view, stale, first, end) ??
      (cameAfter >= 0 && first > cameAfter ? { kind: "earlier" as const, words: "came ... after" } : null);
    // A clause hung on an earlier event's trigger tells more of it ("bombings in Istanbul that killed 44").
    // A comma does not end it ("was killed in the same province, reportedly by mortar fire").
    if (
      !background &&
      previous?.other &&
      previous.other !== "distinct" &&
      !view.clauseWordBetween(previous.end, first)
    ) {
      background = { kind: previous.other, words: "(the clause it hangs on)" };
    }
    previous = { end, other: background?.kind };
    const subordinate = view.subordinateAt(first);
    const context = [...classes, ...participants(article, view, first, end)].sort();
    const typed = typeOf(tax, typingCues(tax, [{ cue: a.cls, context }]));
    if (!typed) continue;
    if (modal.rule) input.trace?.note(modal.rule, span, `"${a.hit.value.phrase}" is ${modal.modality}`);
    if (background)
      input.trace?.note(`trigger.${background.kind}-event`, span, `"${background.words}" places it in another event`);
    out.push({
      span,
      rule: `trigger.${a.cls}${weak ? ".weak" : ""}>${typed.rule.id}`,
      confidence: modal.modality !== "asserted" ? 0.3 : weak ? 0.6 : 0.8,
      eventType: typed.info.eventType,
      subEventType: typed.info.name,
      sentence: s,
      modality: modal.modality,
      cue: a.cls,
      context,
      ...(background ? { otherEvent: background.kind } : {}),
      ...(subordinate ? { subordinate: true } : {}),
    });
  }
  return out;
}

/**
 * Finds the words that report events, sentence by sentence. A sentence is scanned once against the
 * cue lexicon (one map lookup per token); only a sentence holding an anchor word is looked at
 * further, and every further question reads a bounded window, so the stage is linear in the text.
 */
export function findTriggers(input: StageInput): TriggerMention[] {
  const tax = taxonomy();
  const { article } = input;
  const tokenOf = tokenFinder(article);
  const actors = bySentence<ActorMention>(input.annotations.actors ?? EMPTY, article, tokenOf);
  const places = bySentence<PlaceMention>(input.annotations.places ?? EMPTY, article, tokenOf);
  const stale = staleDates(input, tokenOf);
  const out: TriggerMention[] = [];
  article.sentences.forEach((sentence, s) => {
    const hits = scanCues(tax, article, sentence.firstToken, sentence.endToken);
    if (!hits.some((h) => h.value.anchor !== "none")) return;
    const view = new SentenceView(
      article,
      tax,
      sentence.firstToken,
      sentence.endToken,
      hits,
      actors.get(s) ?? EMPTY,
      places.get(s) ?? EMPTY,
      tokenOf,
    );
    const anchors: Anchor[] = [];
    for (const hit of hits) {
      if (hit.value.anchor === "none" || !hit.value.eventClass) continue;
      if (view.withinName(hit.first, hit.end)) {
        input.trace?.note(
          "trigger.in-name",
          tokenSpan(article, hit.first, hit.end - 1),
          `"${hit.value.phrase}" is part of a name`,
        );
        continue;
      }
      const cls =
        hit.value.eventClass === "capture" ? captureSense(article, view, hit.first, hit.end) : hit.value.eventClass;
      anchors.push({ hit, cls });
    }
    out.push(
      ...sentenceTriggers(
        input,
        tax,
        s,
        view,
        withoutCarriedArms(input, view, withoutSeizedWeapons(input, anchors)),
        stale.get(s) ?? EMPTY,
      ),
    );
  });
  return out;
}

/** Trigger words typed by the taxonomy, with their modality and the cues that typed them. */
export const triggersStage: Stage<"triggers"> = {
  name: "triggers",
  requires: ["places", "dates", "actors"],
  provides: ["triggers"],
  run: (input) => ({ triggers: findTriggers(input) }),
};
