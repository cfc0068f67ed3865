import type { TokenTable } from "../../core/article.js";
import { readTsvLexicon } from "../../numbers/lexicon-file.js";

type Cue = "month" | "weekday" | "relative" | "modifier" | "unit" | "ambiguous-month";

let cues: Map<string, Cue> | null = null;

/** data/lexicons/date-cues.tsv, by word. */
export function dateCues(): ReadonlyMap<string, Cue> {
  cues ??= new Map(readTsvLexicon("date-cues.tsv").map((r) => [r.word as string, r.cue as Cue] as const));
  return cues;
}

// One token: "15/10/2021", "16-11-89", "2021-10-15" (bounded, no backtracking).
const DATE_SHAPE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})$/;
const MONTH_OPENERS = new Set([
  "in",
  "early",
  "late",
  "mid",
  "since",
  "during",
  "until",
  "of",
  "last",
  "this",
  "next",
  "on",
  "by",
  "mid-",
]);
const WINDOW_BEFORE = 4;
const WINDOW_AFTER = 5;
// A run of cues merges into one window; chrono-node's time grows faster than linearly with the
// length of what it reads (its patterns look back over all text before each match), so a merged
// window is cut at this many tokens and the next one starts where it ends.
const MAX_WINDOW = 40;

/** Does token k hold a date cue, given its neighbours? */
function isCue(t: TokenTable, k: number, first: number, limit: number): boolean {
  let key = t.key[k] as string;
  // "mid-August", "late-October": one token.
  const dash = key.indexOf("-");
  if (dash > 0 && dash < 6) key = key.slice(dash + 1);
  const cue = dateCues().get(key);
  if (cue === "month" || cue === "weekday" || cue === "relative") return true;
  if (cue === "ambiguous-month") {
    return (
      (k + 1 < limit && t.type[k + 1] === "number") ||
      (k > first && (t.type[k - 1] === "number" || MONTH_OPENERS.has(t.key[k - 1] as string)))
    );
  }
  if (cue === "modifier") {
    const next = k + 1 < limit ? dateCues().get(t.key[k + 1] as string) : undefined;
    return next === "unit" || next === "weekday" || next === "month";
  }
  return t.type[k] === "number" && DATE_SHAPE.test(key);
}

/**
 * The token windows of a sentence [first, limit) worth handing to chrono-node: a few tokens around
 * each date cue, overlapping windows merged. A sentence with no cue costs one map lookup a token.
 */
export function dateWindows(t: TokenTable, first: number, limit: number): { first: number; end: number }[] {
  const out: { first: number; end: number }[] = [];
  for (let k = first; k < limit; k++) {
    if (!isCue(t, k, first, limit)) continue;
    const a = Math.max(first, k - WINDOW_BEFORE);
    const b = Math.min(limit, k + WINDOW_AFTER + 1);
    const last = out[out.length - 1];
    if (last && a <= last.end && b - last.first <= MAX_WINDOW) last.end = Math.max(last.end, b);
    else if (last && a < last.end) out.push({ first: last.end, end: b });
    else out.push({ first: a, end: b });
  }
  return out;
}
