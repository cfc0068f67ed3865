import type { Article } from "../../core/article.js";
import type { SourceMention } from "../../core/annotations.js";
import type { Stage, Tracer } from "../../pipeline/stage.js";
import { tokenSpan } from "../../text/evidence.js";
import { classify, outletIn, type SourceReading } from "./classify.js";
import { sourceLexicon, type CueForm } from "./lexicon.js";
import { appositiveAfter, phraseEndingAt, phraseStartingAt, skipAdverbsLeft, type Phrase } from "./phrase.js";
import { headerSources } from "./wire-header.js";

// Readings too generic to list as a source on their own; a statement's channel may name one.
const GENERIC = new Set(["statement", "communique", "report", "reports"]);
const CHANNEL_VERBS = new Set([
  "issued",
  "posted",
  "published",
  "released",
  "carried",
  "broadcast",
  "put",
  "shared",
  "circulated",
  "read",
]);
const CHANNEL_PREPS = new Set(["on", "via", "through", "by", "in", "over"]);
const QUOTE_OR_COMMA = new Set([",", '"', "'"]);
// Nouns after an outlet that make it the reporter: "an AFP correspondent", "Reuters news agency".
const MEDIA_NOUNS = new Set([
  "correspondent",
  "reporter",
  "reporters",
  "journalist",
  "photographer",
  "news",
  "agency",
  "report",
  "reported",
  "reports",
  "tally",
  "count",
  "footage",
  "cameraman",
  "television",
  "tv",
]);

interface Found {
  readonly first: number;
  readonly end: number;
  readonly reading: SourceReading;
  readonly rule: string;
  readonly confidence: number;
}

/** A statement's channel: "a statement issued on the group's Telegram channels" → Telegram. */
function channelAfter(article: Article, p: Phrase, limit: number): Found | null {
  const t = article.tokens;
  let k = p.end;
  if (k < limit && CHANNEL_VERBS.has(t.key[k] as string)) k++;
  if (k >= limit || !CHANNEL_PREPS.has(t.key[k] as string)) return null;
  const np = phraseStartingAt(t, k + 1, limit);
  if (!np) return null;
  const o = outletIn(article, np.first, np.end);
  return o
    ? {
        first: o.first,
        end: o.end,
        reading: { name: o.name, kind: o.kind },
        rule: "source.statement-channel",
        confidence: 0.8,
      }
    : null;
}

const isProperPhrase = (article: Article, p: Phrase) => {
  for (let k = p.first; k < p.end; k++) if (article.tokens.pos[k] !== "PROPN") return false;
  return !article.caseless;
};

/**
 * A phrase read as a source, with its appositive: "Hafiz Abdulhai Abbas, Kandahar's director of
 * health" (the title names the source), "ExTrac, a conflict analysis organization" (the name does).
 */
function readPhrase(article: Article, p: Phrase, limit: number, rule: string): Found | null {
  const reading = classify(article, p);
  const app = appositiveAfter(article.tokens, p, limit);
  const appReading = app ? classify(article, app) : null;
  if (
    app &&
    appReading &&
    appReading.kind !== "witness" &&
    (!reading || (reading.kind === "other" && !GENERIC.has(reading.name)))
  ) {
    const name =
      appReading.kind === "organisation" && isProperPhrase(article, p)
        ? article.text.slice(article.tokens.start[p.first] as number, article.tokens.end[p.end - 1] as number)
        : appReading.name;
    return {
      first: p.first,
      end: app.end,
      reading: { name, kind: appReading.kind },
      rule: `${rule}+appositive`,
      confidence: 0.85,
    };
  }
  if (!reading) return null;
  if (GENERIC.has(reading.name)) return channelAfter(article, p, limit);
  return { first: p.first, end: p.end, reading, rule, confidence: 0.9 };
}

/** The sources a cue cites in the sentence of tokens [first, limit). */
function atCue(
  article: Article,
  cue: { first: number; end: number; form: CueForm },
  first: number,
  limit: number,
): Found[] {
  const t = article.tokens;
  const out: Found[] = [];
  if (cue.form === "according") {
    const p = phraseStartingAt(t, cue.end, limit);
    const found = p ? readPhrase(article, p, limit, "source.according-to") : null;
    if (found) out.push(found);
    // "according to eyewitnesses and a security guard": the second source too.
    const after = found ? found.end : p ? p.end : -1;
    if (after > 0 && t.key[after] === "and") {
      const q = phraseStartingAt(t, after + 1, limit);
      const second = q ? readPhrase(article, q, limit, "source.according-to") : null;
      if (second) out.push(second);
    }
    return out;
  }
  if (cue.form === "object") {
    const p = phraseStartingAt(t, cue.end, limit);
    if (!p) return out;
    const key = t.key[cue.first] as string;
    if (key === "told" || key === "telling") {
      const o = outletIn(article, p.first, p.end);
      if (o)
        out.push({
          first: o.first,
          end: o.end,
          reading: { name: o.name, kind: o.kind },
          rule: "source.told-outlet",
          confidence: 0.95,
        });
    } else {
      const found = readPhrase(article, p, limit, "source.quoted-by");
      if (found) out.push(found);
    }
    return out;
  }
  // The speaker: subject before the verb ("police said"), past an appositive ("Abbas, the health
  // director, said"), or after the verb when a quote or comma comes first (", said the governor").
  const k = skipAdverbsLeft(t, cue.first - 1, first);
  let subject: Phrase | null = null;
  if (k >= first && t.key[k] === ",") {
    const app = phraseEndingAt(t, k - 1, first);
    if (app && app.first - 1 > first && t.key[app.first - 1] === ",") {
      const head = phraseEndingAt(t, app.first - 2, first);
      if (head) {
        const found = readPhrase(article, head, limit, "source.speaker");
        if (found && found.end >= app.end) {
          out.push(found);
          return out;
        }
      }
    }
  } else subject = phraseEndingAt(t, k, first);
  if (subject) {
    const found = readPhrase(article, subject, cue.first, "source.speaker");
    if (found) out.push(found);
  } else if (k < first || QUOTE_OR_COMMA.has(t.key[k] as string)) {
    const p = phraseStartingAt(t, cue.end, limit);
    const found = p ? readPhrase(article, p, limit, "source.speaker-inverted") : null;
    if (found) out.push(found);
  }
  return out;
}

/** Outlets named in a sentence that cites someone, in parentheses ("(Reuters)") or as a reporter ("an AFP photographer"). */
function outletsIn(article: Article, first: number, limit: number, cited: boolean): Found[] {
  const t = article.tokens;
  const out: Found[] = [];
  for (const m of sourceLexicon().outlets.findAll(t, first, limit)) {
    const o = outletIn(article, m.first, m.end);
    if (!o) continue;
    const bracketed = t.key[o.first - 1] === "(" && t.key[o.end] === ")";
    const reporter = MEDIA_NOUNS.has(t.key[o.end] as string);
    if (cited || bracketed || reporter) {
      out.push({
        first: o.first,
        end: o.end,
        reading: { name: o.name, kind: o.kind },
        rule: bracketed ? "source.outlet-dateline" : "source.outlet",
        confidence: 0.8,
      });
    }
  }
  return out;
}

function header(article: Article): Found[] {
  return headerSources(article).flatMap((h) => {
    const p = { first: h.first, end: h.end };
    const outlet = outletIn(article, h.first, h.end);
    const reading: SourceReading = outlet
      ? { name: outlet.name, kind: outlet.kind }
      : (classify(article, p) ?? {
          name: article.text.slice(article.tokens.start[h.first] as number, article.tokens.end[h.end - 1] as number),
          kind: h.where === "dateline" ? "outlet" : "other",
        });
    return [{ first: h.first, end: h.end, reading, rule: `source.header-${h.where}`, confidence: 0.9 }];
  });
}

function record(article: Article, f: Found): SourceMention {
  return {
    span: tokenSpan(article, f.first, f.end - 1),
    rule: f.rule,
    confidence: f.confidence,
    name: f.reading.name,
    kind: f.reading.kind,
    sentence: article.tokens.sentence[f.first] as number,
  };
}

function sentenceSources(article: Article, first: number, limit: number, trace: Tracer | null): Found[] {
  const lex = sourceLexicon();
  const t = article.tokens;
  const found: Found[] = [];
  const cues = lex.cues.findAll(t, first, limit);
  for (const m of cues) {
    for (const form of new Set(m.values))
      found.push(...atCue(article, { first: m.first, end: m.end, form }, first, limit));
  }
  for (let k = first; k < limit; k++) {
    const key = t.key[k] as string;
    if (key === "statement" || key === "statements" || key === "communique" || key === "message" || key === "video") {
      const c = channelAfter(article, { first: k, end: k + 1 }, limit);
      if (c) found.push(c);
    }
  }
  found.push(...outletsIn(article, first, limit, cues.length > 0));
  // One source per span: the first reading of overlapping ones wins.
  found.sort((a, b) => a.first - b.first || b.end - a.end);
  const kept: Found[] = [];
  for (const f of found) {
    const clash = kept.find((x) => x.first < f.end && f.first < x.end);
    if (clash) {
      if (clash.first !== f.first || clash.end !== f.end)
        trace?.note(f.rule, tokenSpan(article, f.first, f.end - 1), `overlaps the source "${clash.reading.name}"`);
      continue;
    }
    kept.push(f);
  }
  return kept;
}

/**
 * The outlets, officials, organisations and witnesses the article cites: "according to AFP",
 * "told AFP", "police said", "Hafiz Abdulhai Abbas, Kandahar's director of health", wire headers.
 * Each mention marks the words of the one who reports, so that later stages never take a source
 * for a perpetrator.
 */
export const sourcesStage: Stage<"sources"> = {
  name: "sources",
  requires: [],
  provides: ["sources"],
  run({ article, trace }) {
    const found = header(article);
    const headerEnd = found.reduce((m, f) => Math.max(m, f.end), 0);
    for (const s of article.sentences) {
      for (const f of sentenceSources(article, s.firstToken, s.endToken, trace)) {
        if (f.first >= headerEnd || !found.some((h) => h.first < f.end && f.first < h.end)) found.push(f);
      }
    }
    found.sort((a, b) => a.first - b.first);
    return { sources: found.map((f) => record(article, f)) };
  },
};
