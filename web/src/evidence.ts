import type { EventRecord, Filler } from "../../src/core/record.js";
import { el } from "./dom.js";

/** One coded fact's words in the article: `text.slice(start, end)` should equal `text`. */
export interface EvidenceSpan {
  /** The record field it supports (the key of the fields list on the event page). */
  readonly field: string;
  /** What it says, for the tooltip: "killed: at least 41". */
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Fields of the record, their labels, in the order the event page lists them. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  eventType: "Event type",
  date: "Date",
  location: "Location",
  site: "Site",
  perpetratorOrgs: "Perpetrator (organisation)",
  perpetratorIndividuals: "Perpetrator (individuals)",
  targets: "Targets",
  victims: "Victims",
  weapons: "Weapons",
  claimedBy: "Claimed by",
  killed: "Killed",
  injured: "Injured",
  kidnapped: "Kidnapped",
  sources: "Sources",
};

function filler(field: string, f: Filler): EvidenceSpan {
  const named = f.name && f.name !== f.text ? ` (${f.name})` : "";
  return {
    field,
    label: `${FIELD_LABELS[field] ?? field}: ${f.text}${named}`,
    start: f.start,
    end: f.end,
    text: f.text,
  };
}

/** Every evidence span of a record, each tagged with the field it supports. */
export function evidenceOf(r: EventRecord): EvidenceSpan[] {
  const spans: EvidenceSpan[] = [];
  spans.push({
    field: "eventType",
    label: `${r.eventType} / ${r.subEventType}: ${r.evidence.text}`,
    start: r.evidence.start,
    end: r.evidence.end,
    text: r.evidence.text,
  });
  if (r.date && r.date.text !== undefined && r.date.evidenceStart !== undefined && r.date.evidenceEnd !== undefined) {
    spans.push({
      field: "date",
      label: `Date ${r.date.start}: ${r.date.text}`,
      start: r.date.evidenceStart,
      end: r.date.evidenceEnd,
      text: r.date.text,
    });
  }
  if (r.location) {
    const l = r.location;
    spans.push({
      field: "location",
      label: `Location: ${[l.name, l.admin1, l.country].filter(Boolean).join(", ")}`,
      start: l.start,
      end: l.end,
      text: l.text,
    });
  }
  if (r.site) spans.push(filler("site", r.site));
  for (const key of [
    "perpetratorOrgs",
    "perpetratorIndividuals",
    "targets",
    "victims",
    "weapons",
    "claimedBy",
  ] as const) {
    for (const f of r[key]) spans.push(filler(key, f));
  }
  for (const c of r.claims) {
    spans.push({ field: "claimedBy", label: `${c.kind}: ${c.text}`, start: c.start, end: c.end, text: c.text });
  }
  for (const key of ["killed", "injured", "kidnapped"] as const) {
    const fig = r[key];
    if (!fig) continue;
    const mentions = fig.reports?.length ? fig.reports : [fig];
    for (const m of mentions) {
      const range = m.high === m.low ? `${m.low}` : `${m.low}–${m.high ?? "?"}`;
      spans.push({
        field: key,
        label: `${FIELD_LABELS[key]}: ${range} ("${m.text}")`,
        start: m.start,
        end: m.end,
        text: m.text,
      });
    }
  }
  for (const s of r.sourceMentions)
    spans.push({ field: "sources", label: `Source: ${s.name}`, start: s.start, end: s.end, text: s.text });
  return spans;
}

export interface RenderedText {
  readonly element: HTMLElement;
  /** The marks that make up each field's spans, in text order. */
  readonly marksOf: ReadonlyMap<string, HTMLElement[]>;
  /** Spans whose offsets do not hold their words: shown to the analyst, never highlighted wrongly. */
  readonly broken: readonly EvidenceSpan[];
}

/**
 * The article text with every evidence span marked. The text is cut at every span boundary; each
 * piece is a text node, inside a <mark> when some span covers it. Overlapping spans share marks.
 */
export function renderEvidenceText(text: string, spans: readonly EvidenceSpan[]): RenderedText {
  const ok: EvidenceSpan[] = [];
  const broken: EvidenceSpan[] = [];
  for (const s of spans) {
    const valid =
      Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end;
    if (valid && text.slice(s.start, s.end) === s.text) ok.push(s);
    else broken.push(s);
  }
  const cuts = [...new Set([0, text.length, ...ok.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const container = el("div", {
    class: "article-text",
    tabindex: "0",
    "aria-label": "Article text with evidence marked",
  });
  const marksOf = new Map<string, HTMLElement[]>();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] as number;
    const b = cuts[i + 1] as number;
    const piece = text.slice(a, b);
    const covering = ok.filter((s) => s.start <= a && s.end >= b);
    if (covering.length === 0) {
      container.append(document.createTextNode(piece));
      continue;
    }
    const fields = [...new Set(covering.map((s) => s.field))];
    const mark = el(
      "mark",
      {
        class: `ev ${fields.map((f) => `ev-${f}`).join(" ")}`,
        "data-fields": fields.join(" "),
        title: covering.map((s) => s.label).join("\n"),
      },
      piece,
    );
    for (const f of fields) {
      const list = marksOf.get(f);
      if (list) list.push(mark);
      else marksOf.set(f, [mark]);
    }
    container.append(mark);
  }
  return { element: container, marksOf, broken };
}
