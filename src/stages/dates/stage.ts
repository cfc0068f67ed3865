import * as chrono from "chrono-node";
import type { Article } from "../../core/article.js";
import type { DateMention } from "../../core/annotations.js";
import type { Stage, Tracer } from "../../pipeline/stage.js";
import { tokenSpan } from "../../text/evidence.js";
import { addDays, fromTime, monthRange, yearOf, yearRange } from "./calendar.js";
import { dateWindows } from "./cues.js";
import { eventRelativeDates } from "./event-relative.js";
import { datelineHead, referenceDate, type Reference } from "./reference.js";
import { resolveParse, tokensOf, type ResolvedDate } from "./resolve.js";
import { unknownDayDates } from "./unknown-day.js";
import { lastWeekend, weekendMentions } from "./weekend.js";
import { overnightMentions } from "./overnight.js";
import { organisationNouns } from "../../actors/unknown-orgs.js";
import { weekdaysOfAbsolute } from "./weekday-of-absolute.js";
import { tokenRange } from "../claims/token-range.js";
import { yearDates } from "./year.js";

// Without a reference date chrono still needs an instant; only absolute parses are kept then.
const NO_REFERENCE = Date.UTC(2000, 0, 1, 12);

/** A part of the day chrono takes for the whole parse: "night of", "morning of". */
const PART_OF_DAY = /^(?:night|morning|evening|afternoon) of /i;

/** chrono's parses of `text` as of `instant`, none when chrono throws on odd input. */
function parseWith(parser: chrono.Chrono, text: string, instant: Date): chrono.ParsedResult[] {
  try {
    return parser.parse(text, { instant, timezone: 0 }, { forwardDate: false });
  } catch {
    return [];
  }
}

/** The first parse of `text` at its start, with its offset `at` in the window. */
function reparse(
  text: string,
  instant: Date,
  parser: chrono.Chrono,
  at: number,
): { r: chrono.ParsedResult; at: number } | null {
  const r = parseWith(parser, text, instant)[0];
  return r && r.index === 0 ? { r, at } : null;
}

function chronoDates(
  article: Article,
  ref: Reference | null,
  first: number,
  limit: number,
  trace: Tracer | null,
): ResolvedDate[] {
  const t = article.tokens;
  const out: ResolvedDate[] = [];
  const instant = new Date((ref?.time ?? NO_REFERENCE) + 12 * 3_600_000);
  for (const w of dateWindows(t, first, limit)) {
    const from = t.start[w.first] as number;
    const text = article.text.slice(from, t.end[w.end - 1] as number);
    for (const parsed of parseWith(chrono.casual, text, instant)) {
      // "the night of 3 January": chrono reads a time of day and loses the date after "of"
      const partOfDay = PART_OF_DAY.exec(parsed.text);
      const { r, at } =
        partOfDay && !parsed.start.isCertain("day")
          ? (reparse(
              text.slice(parsed.index + partOfDay[0].length),
              instant,
              chrono.casual,
              parsed.index + partOfDay[0].length,
            ) ?? { r: parsed, at: parsed.index })
          : { r: parsed, at: parsed.index };
      const span = tokensOf(t, from + at, from + at + r.text.length, w.first, w.end);
      if (!span) continue;
      let res = resolveParse(t, r, span, first, ref);
      // "3/1/2024" read month first lies ahead: day first, as most of the world writes it
      if ("reason" in res && r.text.includes("/")) {
        const dayFirst = reparse(r.text, instant, chrono.en.GB, 0);
        if (dayFirst && dayFirst.r.text === r.text) {
          const again = resolveParse(t, dayFirst.r, span, first, ref);
          if (!("reason" in again)) res = again;
        }
      }
      if ("reason" in res) trace?.note("date.dropped", tokenSpan(article, res.first, res.end - 1), res.reason);
      else out.push(res);
    }
  }
  return out;
}

/**
 * Dates of events: chrono-node reads the words around date cues (month and weekday names,
 * "yesterday", "ago", "last week", date-shaped numbers), and our rules resolve them into the past
 * of the publication date (or of the dateline when there is no publication date). Expressions
 * relative to another event ("a week after another attack") keep `anchor: "event"` and the
 * signed `offsetDays` (other event − this event) for the events stage to resolve; their `start`
 * and `end` are empty until then. The dateline's own date is when the story was filed and is left out.
 */
export const datesStage: Stage<"dates"> = {
  name: "dates",
  requires: [],
  provides: ["dates"],
  run({ article, trace }) {
    const ref = referenceDate(article);
    const head = datelineHead(article);
    const inHead = (k: number) => head !== null && k >= head.first && k < head.end;
    const t = article.tokens;
    const dates: DateMention[] = [];
    /** A date mention of tokens [first, end) that covers the calendar range r. */
    const pushRange = (
      first: number,
      end: number,
      rule: string,
      confidence: number,
      r: { start: number; end: number },
      precision: DateMention["precision"],
      anchor: DateMention["anchor"],
    ) =>
      dates.push({
        span: tokenSpan(article, first, end - 1),
        rule,
        confidence,
        start: fromTime(r.start),
        end: fromTime(r.end),
        precision,
        anchor,
      });
    for (const s of article.sentences) {
      const relative = eventRelativeDates(t, s.firstToken, s.endToken);
      for (const e of relative) {
        dates.push({
          span: tokenSpan(article, e.first, e.end - 1),
          rule: e.rule,
          confidence: 0.8,
          start: "",
          end: "",
          precision: e.precision,
          anchor: "event",
          offsetDays: e.offsetDays,
        });
      }
      const taken = (a: number, b: number) => inHead(a) || relative.some((e) => e.first < b && a < e.end);
      for (const d of chronoDates(article, ref, s.firstToken, s.endToken, trace)) {
        if (taken(d.first, d.end)) {
          trace?.note(
            "date.dropped",
            tokenSpan(article, d.first, d.end - 1),
            inHead(d.first) ? "the dateline: when the story was filed" : "part of a date relative to another event",
          );
          continue;
        }
        // "the 19 April Movement (M-19)", "the 15th of May Brigade": a date in a group's name
        if (organisationNouns().has(t.key[d.end] as string)) {
          trace?.note("date.dropped", tokenSpan(article, d.first, d.end - 1), "part of an organisation's name");
          continue;
        }
        dates.push({
          span: tokenSpan(article, d.first, d.end - 1),
          rule: d.rule,
          confidence: d.anchor === "absolute" ? 0.95 : 0.85,
          start: d.start,
          end: d.endDate,
          precision: d.precision,
          anchor: d.anchor,
        });
      }
      for (const y of yearDates(t, s.firstToken, s.endToken)) {
        if (taken(y.first, y.end)) continue;
        // "elections in 1990" in a 1989 story: a plan, not an event.
        if (ref && y.year > yearOf(ref.time)) continue;
        pushRange(y.first, y.end, "date.year", 0.7, yearRange(y.year), "year", "absolute");
      }
      // "05/00/2015": the day unknown, the month is the date's precision
      for (const u of unknownDayDates(t, s.firstToken, s.endToken)) {
        if (taken(u.first, u.end)) continue;
        const r = u.month === null ? yearRange(u.year) : monthRange(u.year, u.month);
        if (ref && r.start > ref.time) continue;
        pushRange(u.first, u.end, "date.unknown-day", 0.9, r, u.precision, "absolute");
      }
      if (ref) {
        for (const w of weekendMentions(t, s.firstToken, s.endToken)) {
          if (taken(w.first, w.end)) continue;
          pushRange(w.first, w.end, "date.weekend", 0.85, lastWeekend(ref.time), "week", "publication");
        }
        for (const k of overnightMentions(t, s.firstToken, s.endToken)) {
          if (taken(k, k + 1)) continue;
          const night = addDays(ref.time, -1);
          pushRange(k, k + 1, "date.overnight", 0.75, { start: night, end: night }, "day", "publication");
        }
      }
    }
    dates.sort((a, b) => a.span.start - b.span.start);
    if (!ref) {
      // tokens already read as part of a date
      const covered = new Uint8Array(t.count);
      for (const d of dates) {
        const r = tokenRange(article, d.span);
        if (r) covered.fill(1, r[0], r[1]);
      }
      for (const w of weekdaysOfAbsolute(article, dates, (i) => covered[i] === 1)) {
        dates.push({
          span: tokenSpan(article, w.first, w.end - 1),
          rule: "date.weekday-of-absolute",
          confidence: 0.8,
          start: w.day,
          end: w.day,
          precision: "day",
          // told by weekday, as a story tells its own events
          anchor: "publication",
        });
      }
      dates.sort((a, b) => a.span.start - b.span.start);
    }
    return { dates };
  },
};
