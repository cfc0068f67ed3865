import type { Article } from "../core/article.js";
import type { ClaimMention, Fact, RoleFiller } from "../core/annotations.js";
import type { EventFrame, FigureSummary } from "../core/frame.js";
import type {
  ArticleResult,
  ClaimRecord,
  EventRecord,
  Filler,
  FigureRecord,
  LocationRecord,
  SourceRecord,
} from "../core/record.js";
import type { Span } from "../core/span.js";
import { toEvidence } from "../text/evidence.js";

const round = (x: number) => Math.round(x * 100) / 100;

/** A filler with its evidence, or null when its span cannot be placed in the raw text (then it is dropped). */
function filler(
  article: Article,
  span: Span,
  extra: { name?: string | null; category?: string | null; confidence?: number },
): Filler | null {
  const ev = toEvidence(article, span);
  if (!ev) return null;
  return {
    text: ev.text,
    start: ev.start,
    end: ev.end,
    ...(extra.name ? { name: extra.name } : {}),
    ...(extra.category ? { category: extra.category } : {}),
    ...(extra.confidence === undefined ? {} : { confidence: round(extra.confidence) }),
  };
}

function fillers(article: Article, items: readonly RoleFiller[]): Filler[] {
  const out: Filler[] = [];
  for (const f of items) {
    const x = filler(article, f.span, { name: f.name, category: f.category, confidence: f.confidence });
    if (x) out.push(x);
  }
  return out;
}

function figure(
  article: Article,
  summary: FigureSummary | null,
  sourceName: (i: number | null) => string | null,
): FigureRecord | null {
  if (!summary) return null;
  const ev = toEvidence(article, summary.chosen.span);
  if (!ev) return null;
  const reports = summary.mentions.flatMap((m) => {
    const e = toEvidence(article, m.span);
    return e ? [{ low: m.low, best: m.best, high: m.high, ...e, source: sourceName(m.sourceIndex) }] : [];
  });
  return {
    low: summary.low,
    best: summary.best,
    high: summary.high,
    text: ev.text,
    start: ev.start,
    end: ev.end,
    perpetrators: summary.perpetrators,
    reports,
  };
}

function claim(article: Article, c: ClaimMention): ClaimRecord | null {
  const ev = toEvidence(article, c.span);
  const actor = filler(article, c.actor, { name: c.actorName });
  if (!ev || !actor) return null;
  return { kind: c.kind, actor, by: c.by ? filler(article, c.by, {}) : null, ...ev };
}

function factEvidence(article: Article, f: Fact) {
  return toEvidence(article, f.span);
}

/** The output record of an event frame: every span turned into evidence in the text the user gave. */
export function toRecord(
  article: Article,
  frame: EventFrame,
  allSources: readonly { name: string }[],
): EventRecord | null {
  const main = frame.triggers[0];
  const evidence = main ? filler(article, main.span, {}) : filler(article, frame.span, {});
  if (!evidence) return null;
  const sourceName = (i: number | null) => (i === null ? null : (allSources[i]?.name ?? null));

  let location: LocationRecord | null = null;
  if (frame.location) {
    const p = frame.location.place;
    const ev = factEvidence(article, p);
    if (ev) {
      location = {
        name: p.name,
        admin1: p.admin1,
        country: p.country,
        countryCode: p.countryCode,
        lat: p.lat,
        lon: p.lon,
        precision: frame.location.precision,
        featureType: p.featureType,
        geonameId: p.geonameId,
        ...ev,
      };
    }
  }
  const dateEv = frame.date ? factEvidence(article, frame.date) : null;
  const claims = frame.claims.map((c) => claim(article, c)).filter((c): c is ClaimRecord => c !== null);
  const sourceMentions: SourceRecord[] = frame.sources.flatMap((s) => {
    const ev = factEvidence(article, s);
    return ev ? [{ name: s.name, kind: s.kind, ...ev }] : [];
  });
  return {
    role: frame.role,
    eventType: frame.eventType,
    subEventType: frame.subEventType,
    gtdAttackType: frame.gtdAttackType,
    date:
      frame.date && dateEv
        ? {
            start: frame.date.start,
            end: frame.date.end,
            precision: frame.date.precision,
            text: dateEv.text,
            evidenceStart: dateEv.start,
            evidenceEnd: dateEv.end,
          }
        : null,
    location,
    site: frame.site ? filler(article, frame.site.span, { name: frame.site.name }) : null,
    perpetratorOrgs: fillers(article, frame.perpetratorOrgs),
    perpetratorIndividuals: fillers(article, frame.perpetratorIndividuals),
    targets: fillers(article, frame.targets),
    victims: fillers(article, frame.victims),
    weapons: fillers(article, frame.weapons),
    claimedBy: claims.filter((c) => c.kind === "claim").map((c) => c.actor),
    claims,
    killed: figure(article, frame.figures.killed, sourceName),
    injured: figure(article, frame.figures.injured, sourceName),
    kidnapped: figure(article, frame.figures.kidnapped, sourceName),
    sources: [...new Set(sourceMentions.map((s) => s.name))],
    sourceMentions,
    evidence,
    confidence: round(frame.confidence),
  };
}

export function toArticleResult(
  article: Article,
  frames: readonly EventFrame[],
  sources: readonly { name: string }[],
): ArticleResult {
  return {
    id: article.id,
    title: article.title,
    published: article.published,
    events: frames.map((f) => toRecord(article, f, sources)).filter((r): r is EventRecord => r !== null),
  };
}
