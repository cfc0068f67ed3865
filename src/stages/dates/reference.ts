import type { Article } from "../../core/article.js";
import { datelineDate } from "../../ingest/dateline.js";
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
  const end = datelineEnd(article);
  if (end === 0) return null;
  const head = datelineDate(article.text.slice(0, article.tokens.end[end - 1]));
  const t = head ? toTime(head) : null;
  return t === null ? null : { time: t, from: "dateline" };
}

/**
 * One past the last token of a dateline head ("CITY, DATE (OUTLET) --"), or 0 when the article
 * has none: a date there is when the story was filed, not when anything happened. A dateline is a
 * place and a comma within the first five tokens, then a number or "NO DATE", then a dash.
 */
export function datelineEnd(article: Article): number {
  const t = article.tokens;
  const limit = Math.min(t.count, 25);
  let comma = -1;
  for (let k = 1; k < Math.min(limit, 6); k++) {
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
