import type { Article } from "../../core/article.js";
import type { DateMention } from "../../core/annotations.js";
import type { Taxonomy } from "../../taxonomy/load.js";
import type { Draft } from "./draft.js";

const DAY = 864e5;
/** An event dated this long before the reported one is one the article recalls. */
const EARLIER_DAYS = 2;
/** An article's own events are this recent at most, against its publication date. */
const STALE_DAYS = 30;

/** Whether a trigger's sentence holds a cue that turns its events into background (a trial, an anniversary). */
function vetoedToBackground(tax: Taxonomy, d: Draft): string | null {
  for (const t of d.triggers) {
    for (const c of t.context ?? []) {
      const v = tax.vetoes.get(c);
      if (!v?.background) continue;
      if (![...v.unless].some((u) => t.context?.includes(u))) return c;
    }
  }
  return null;
}

/** First told in a subordinate clause: as the cause or the occasion of what the sentence reports. */
const toldAsCause = (d: Draft): boolean => d.triggers[0]?.subordinate === true;

/** Orders events by how much the article is about them: earlier sentence first, a main clause before a subordinate one. */
export const salience = (d: Draft): number => (d.sentences[0] ?? 0) + (d.subordinate ? 0.5 : 0);

const dayOf = (d: DateMention | null | undefined) => (d ? Date.parse(d.end) : NaN);
/** The first day a date may be: an event within the reported one's week ("last week") is not before it. */
const firstDayOf = (d: DateMention | null | undefined) => (d ? Date.parse(d.start) : NaN);

/**
 * Reported or background. An event is background when words place it earlier ("last month's
 * bombing", "a week after another attack"), when its sentence is about a trial or an anniversary,
 * or when its date lies before the reported event's (by more than two days) or long before the
 * publication. The main event is the most salient one left; it is reported, and so is every
 * other event not shown to be earlier.
 */
export function decideRoles(
  article: Article,
  tax: Taxonomy,
  drafts: readonly Draft[],
  dateOf: (d: Draft) => DateMention | null,
): Draft | null {
  // A month-dated event is earlier only beside a lead told otherwise ("on Sunday"); when the lead
  // itself is month-dated, the article's own time is the calendar (a retrospective, an encyclopedia).
  // An undated article that tells an event by its calendar date as the cause of something else
  // ("the laws were first introduced after gunmen killed 12 people ... on January 7, 2015") recalls it.
  const cause = (d: Draft) =>
    !article.published && d.subordinate && (d.otherEvent === "calendar" || dateOf(d)?.anchor === "absolute");
  const lead = [...drafts]
    .filter((d) => d.otherEvent !== "earlier" && !cause(d))
    .sort((a, b) => salience(a) - salience(b))[0];
  const calendarIsEarlier = lead !== undefined && lead.otherEvent !== "calendar";
  for (const d of drafts) {
    const veto = vetoedToBackground(tax, d);
    if (d.otherEvent === "earlier") setRole(d, "background", "role.background:earlier-cue");
    else if (cause(d)) setRole(d, "background", "role.background:dated-cause-in-undated-article");
    else if (d.otherEvent === "calendar" && calendarIsEarlier)
      setRole(d, "background", "role.background:month-dated-beside-undated-report");
    else if (veto) setRole(d, "background", `role.background:${veto}`);
  }
  const published = article.published ? Date.parse(article.published) : NaN;
  for (const d of drafts) {
    if (d.role === "background") continue;
    const day = dayOf(dateOf(d));
    if (!Number.isNaN(published) && !Number.isNaN(day) && day < published - STALE_DAYS * DAY) {
      setRole(d, "background", "role.background:dated-long-before-publication");
    }
  }
  let main = [...drafts].filter((d) => d.role === "reported").sort((a, b) => salience(a) - salience(b))[0] ?? null;
  if (!main && !article.published) {
    // Undated copy about one past event only (an encyclopedic account, a story first told now):
    // nothing else is reported, so the most salient recalled event is what the article reports.
    main = [...drafts].filter((d) => !toldAsCause(d)).sort((a, b) => salience(a) - salience(b))[0] ?? null;
    if (main) setRole(main, "reported", "role.reported:only-event-of-undated-article");
  }
  if (!main) return null;
  const mainDate = dateOf(main);
  if (!article.published && (!mainDate || mainDate.anchor !== "absolute")) {
    // Undated copy: news names a weekday ("on Monday") for the story's own events and a calendar
    // date ("Dec. 10 bombings") for earlier ones.
    for (const d of drafts) {
      if (d !== main && d.role === "reported" && dateOf(d)?.anchor === "absolute") {
        setRole(d, "background", "role.background:calendar-dated-beside-undated-report");
      }
    }
  }
  const mainDay = firstDayOf(mainDate);
  for (const d of drafts) {
    if (d === main || d.role === "background") continue;
    const day = dayOf(dateOf(d));
    if (!Number.isNaN(mainDay) && !Number.isNaN(day) && day < mainDay - EARLIER_DAYS * DAY) {
      setRole(d, "background", "role.background:dated-before-reported-event");
    }
  }
  if (main.roleRule === "role.reported") main.roleRule = "role.reported:main";
  return main;
}

function setRole(d: Draft, role: Draft["role"], rule: string): void {
  d.role = role;
  d.roleRule = rule;
}
