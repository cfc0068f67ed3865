import type { Article } from "../../core/article.js";
import { datelineDate } from "../../ingest/dateline.js";
import { headlineTokens } from "../../text/headline.js";
import { toTime } from "./calendar.js";

/** The date relative expressions are resolved against, and where it came from. */
export interface Reference {
  readonly time: number;
  readonly from: "publication" | "dateline";
}

/**
 * The publication date when known; otherwise the date of a wire dateline at the top of the text
 * ("SAN SALVADOR, 15 NOV 89 --", "KABUL, Oct 16 (Reuters) -"); otherwise null, and only absolute
 * dates resolve.
 */
export function referenceDate(article: Article): Reference | null {
  const published = article.published ? toTime(article.published) : null;
  if (published !== null) return { time: published, from: "publication" };
  // Only a dateline shaped as one ("CITY, DATE --"): a date in a first sentence is no reference.
  const head = datelineHead(article);
  if (!head) return null;
  const t = article.tokens;
  const date = datelineDate(article.text.slice(t.start[head.first], t.end[head.end - 1]));
  const time = date ? toTime(date) : null;
  return time === null ? null : { time, from: "dateline" };
}

/** The tokens [first, end) of a dateline head ("CITY, DATE (OUTLET) --"). */
export interface DatelineHead {
  readonly first: number;
  readonly end: number;
}

/**
 * The dateline head, where the story was filed and when, or null: a date there is not when
 * anything happened. It opens the article, or the paragraph after a headline ("Gunmen kill 14 in
 * Burkina Faso\n\nOUAGADOUGOU, March 12 (Reuters) -").
 */
export function datelineHead(article: Article): DatelineHead | null {
  const at = datelineFrom(article, 0);
  if (at > 0) return { first: 0, end: at };
  const first = headlineTokens(article);
  if (first === 0) return null;
  const end = datelineFrom(article, first);
  return end > 0 ? { first, end } : null;
}

/**
 * One past the last token of a dateline head opening at token `from`, or 0: a place and a comma
 * within its first five tokens, then a number or "NO DATE", then a dash.
 */
function datelineFrom(article: Article, from: number): number {
  const t = article.tokens;
  const limit = Math.min(t.count, from + 25);
  let comma = -1;
  for (let k = from + 1; k < Math.min(limit, from + 6); k++) {
    if (t.key[k] === ",") {
      comma = k;
      break;
    }
  }
  if (comma < 0) return 0;
  let sawDate = false;
  for (let k = comma + 1; k < limit; k++) {
    const key = t.key[k] as string;
    if (t.type[k] === "number" || key === "date") sawDate = true;
    if (key === "--" || key === "-") return sawDate ? k + 1 : 0;
    if (key === "." && (t.value[k - 1] as string).length > 4) return 0;
  }
  return 0;
}
