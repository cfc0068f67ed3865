import type { TokenTable } from "../core/article.js";

const CAME = new Set(["came", "comes", "come"]);
/** Words between "came" and "after": "came a day after", "came just hours after". */
const CAME_GAP = 5;

/**
 * "The strike came a day after Israeli tanks pushed deeper into Rafah, where at least 12 people
 * were killed": the token of "after" when the sentence of tokens [first, end) tells that the
 * reported event came after another, or -1. What the sentence tells after it is of that earlier
 * event, however many clauses it runs through.
 */
export function cameAfterAt(t: TokenTable, first: number, end: number): number {
  for (let k = first; k < end; k++) {
    if (t.key[k] !== "after") continue;
    for (let j = k - 1; j >= Math.max(first, k - CAME_GAP); j--) if (CAME.has(t.key[j] as string)) return k;
  }
  return -1;
}
