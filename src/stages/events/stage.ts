import type { TriggerMention } from "../../core/annotations.js";
import type { EventFrame, EventLocation } from "../../core/frame.js";
import { placePrecision } from "../../geo/precision.js";
import type { Stage, StageInput } from "../../pipeline/stage.js";
import { typingCues } from "../../taxonomy/cues.js";
import { taxonomy } from "../../taxonomy/load.js";
import { typeOf } from "../../taxonomy/typing.js";
import { ArticleIndex } from "./article-index.js";
import { absoluteDate, attachPlacesAndDates, attachRest, resolveRelativeDates } from "./attach.js";
import type { Draft } from "./draft.js";
import { toFrame } from "./frame.js";
import { mergeAcrossSentences, sentenceGroups } from "./group.js";
import { chooseLocation } from "./location.js";
import { decideRoles, salience } from "./role.js";
import { findSite } from "./site.js";
import { vetoOf } from "./veto.js";

const EMPTY: readonly never[] = [];
/** A dateline place ("SAN SALVADOR, 3 JAN 90 --", "KABUL (Reuters) -") opens the article. */
const DATELINE_TOKENS = 8;

function datelinePlace(input: StageInput, idx: ArticleIndex): EventLocation | null {
  for (const p of input.annotations.places ?? EMPTY) {
    const tok = idx.tokenOf(p.span.start);
    if (tok < 0 || tok >= DATELINE_TOKENS) break;
    if (p.featureType === "city" || p.featureType === "admin2") return { place: p, precision: placePrecision(p.featureType) };
  }
  return null;
}

/**
 * Assembles the article's events from the trigger mentions: sentence groups, vetoes, merging of the
 * mentions of one event across sentences, reported vs background, then places, dates, figures,
 * role fillers, claims and sources attached, and the type decided by the taxonomy's precedence
 * over all the event's cues. Works with whatever the earlier stages provide.
 */
export function assembleEvents(input: StageInput): EventFrame[] {
  const tax = taxonomy();
  const { article, annotations: ann, trace } = input;
  const idx = new ArticleIndex(article, tax);

  const bySentence = new Map<number, TriggerMention[]>();
  for (const t of [...(ann.triggers ?? EMPTY)].sort((a, b) => a.span.start - b.span.start)) {
    if (t.modality !== "asserted") {
      trace?.note(`frame.drop.${t.modality}`, t.span, `a ${t.modality} trigger reports no event`);
      continue;
    }
    const list = bySentence.get(t.sentence);
    if (list) list.push(t);
    else bySentence.set(t.sentence, [t]);
  }
  let nextId = 0;
  const groups: Draft[] = [];
  for (const s of [...bySentence.keys()].sort((a, b) => a - b)) {
    for (const g of sentenceGroups(tax, idx, bySentence.get(s) as TriggerMention[], () => nextId++)) {
      const veto = vetoOf(tax, g);
      if (veto?.kind === "drop") {
        trace?.note(`frame.veto.${veto.cls}`, g.triggers[0]!.span, "no political violence in this sentence");
        continue;
      }
      if (veto?.kind === "background") g.otherEvent = "earlier";
      if (veto?.kind === "rule-out") g.vetoed = veto.cls;
      groups.push(g);
    }
  }
  const relative = attachPlacesAndDates(idx, groups, ann.places ?? EMPTY, ann.dates ?? EMPTY);
  const drafts = mergeAcrossSentences(tax, groups, trace).filter((d) => {
    if (!d.vetoed) return true;
    trace?.note(`frame.veto.${d.vetoed}`, d.triggers[0]!.span, "the event is explained as no political violence");
    return false;
  });

  let main = decideRoles(article, tax, drafts, absoluteDate);
  resolveRelativeDates(relative, main, trace);
  main = decideRoles(article, tax, drafts, (d) => absoluteDate(d) ?? d.dates[0] ?? null);
  attachRest(tax, idx, drafts, main, {
    figures: ann.figures ?? EMPTY,
    roles: ann.roles ?? EMPTY,
    claims: ann.claims ?? EMPTY,
    sources: ann.sources ?? EMPTY,
  }, trace);

  const dateline = datelinePlace(input, idx);
  const frames: { frame: EventFrame; order: number }[] = [];
  for (const d of drafts) {
    const cues = typingCues(tax, d.triggers);
    const typed = typeOf(tax, cues);
    if (!typed) continue;
    let location = chooseLocation(d.places);
    let locationRule: string | null = location ? null : "location.none";
    if (!location && dateline && d.role === "reported") {
      location = dateline;
      locationRule = "location.dateline";
    }
    const frame = toFrame(article, tax, d, typed, cues, location, locationRule, findSite(article, tax, idx, d));
    frames.push({ frame, order: d.role === "reported" ? salience(d) : 1e9 + (d.sentences[0] ?? 0) });
  }
  return frames.sort((a, b) => a.order - b.order).map((f) => f.frame);
}

/** Event frames: the article's reported events first (the main one leading), then the ones it recalls. */
export const eventsStage: Stage<"events"> = {
  name: "events",
  requires: ["places", "dates", "sources", "figures", "actors", "triggers", "roles", "claims"],
  provides: ["events"],
  run: (input) => ({ events: assembleEvents(input) }),
};
