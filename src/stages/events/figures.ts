import type { FigureKind, FigureMention } from "../../core/annotations.js";
import type { FigureSummary } from "../../core/frame.js";

const inTextOrder = (mentions: readonly FigureMention[]): FigureMention[] =>
  [...mentions].sort((a, b) => a.span.start - b.span.start);

/**
 * Reconciles the figures an article gives for one count of one event, as UCDP does:
 * - a revision ("the toll rose to 63") supersedes what came before it;
 * - best is the revised figure, else the largest exact figure (a smaller exact figure is usually a
 *   part: "including three children"), else the tightest lower bound;
 * - low is the lowest exact figure (conflicting reports: the lowest credible), and an open-ended
 *   bound ("at least 41", "dozens") counts only when no exact figure already meets it;
 * - high is the largest exact figure, or null while an open-ended bound is unmet.
 * Every mention is kept, in text order.
 */
function summariseReports(mentions: readonly FigureMention[]): FigureSummary | null {
  if (mentions.length === 0) return null;
  // "two more died later in hospital": added to the count the others give
  const added = mentions.filter((m) => m.additional && !m.revision);
  if (added.length > 0 && added.length < mentions.length) {
    const base = summariseReports(mentions.filter((m) => !m.additional || m.revision));
    if (base) {
      const more = (f: (m: FigureMention) => number) => added.reduce((n, m) => n + f(m), 0);
      return {
        ...base,
        low: base.low + more((m) => m.low),
        best: base.best + more((m) => m.best),
        high: base.high === null ? null : base.high + more((m) => m.high ?? m.best),
        mentions: inTextOrder(mentions),
      };
    }
  }
  const all = inTextOrder(mentions);
  let from = 0;
  all.forEach((m, i) => {
    if (m.revision) from = i;
  });
  const live = all.slice(from);
  const exact = live.filter((m) => m.high !== null);
  const open = live.filter((m) => m.high === null);
  const maxExact = exact.reduce((x, m) => Math.max(x, m.high as number), -Infinity);
  const unmet = open.filter((m) => m.low > maxExact);
  const revised = live[0]?.revision ? (live[0] as FigureMention) : null;

  let chosen: FigureMention;
  if (revised) chosen = revised;
  else if (exact.length) chosen = exact.reduce((a, m) => (m.best > a.best ? m : a));
  else chosen = open.reduce((a, m) => (m.low > a.low ? m : a));

  const low = unmet.length
    ? Math.max(...unmet.map((m) => m.low))
    : exact.length
      ? Math.min(...exact.map((m) => m.low))
      : chosen.low;
  const high = unmet.length ? null : exact.length ? maxExact : null;
  let best = Math.max(chosen.best, low);
  if (high !== null) best = Math.min(best, high);
  return { low, best, high, chosen, mentions: all, perpetrators: chosen.perpetrators };
}

const OTHER_SIDE = new Set<FigureMention["group"]>(["civilians", "security", "victims"]);

/**
 * The count of one event: the reports reconciled (summariseReports), and the doers' own deaths
 * added when the text tells them apart from a count that does not already hold them ("two
 * Israelis were killed ... the gunman was shot dead": three, one of them a perpetrator), as
 * UCDP and ACLED count every death of the event.
 */
export function summariseFigures(mentions: readonly FigureMention[]): FigureSummary | null {
  const isDoers = (m: FigureMention) => m.group === "perpetrators" && !m.revision;
  const doers = mentions.filter(isDoers);
  const others = mentions.filter((m) => !isDoers(m));
  const base = summariseReports(others);
  const own = summariseReports(doers);
  if (!base || !own) return base ?? own;
  // only beside a count of the other side ("two Israelis", "23 Afghan soldiers"): "killing the
  // three" may count the same militants
  if (base.perpetrators || others.some((m) => !OTHER_SIDE.has(m.group))) return summariseReports(mentions);
  return {
    low: base.low + own.low,
    best: base.best + own.best,
    high: base.high === null || own.high === null ? null : base.high + own.high,
    chosen: base.chosen,
    mentions: inTextOrder(mentions),
    perpetrators: own.best,
  };
}

export function summariseAll(mentions: readonly FigureMention[]): Record<FigureKind, FigureSummary | null> {
  const of = (k: FigureKind) => summariseFigures(mentions.filter((m) => m.kind === k));
  return { killed: of("killed"), injured: of("injured"), kidnapped: of("kidnapped") };
}
