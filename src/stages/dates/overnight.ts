import type { TokenTable } from "../../core/article.js";

/** Words beside "overnight" that give the night's own day: "overnight Saturday", "overnight into Sunday". */
const DAY_WORDS = new Set([
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "into",
  "to",
  "from",
  "between",
  "on",
]);

/**
 * "Russian shelling killed three civilians overnight, the governor said": the night before the
 * report, as "last night" is, which chrono-node does not read. Left to the weekday when one stands
 * beside it ("overnight Saturday", "overnight into Sunday"). Token indices of each "overnight".
 */
export function overnightMentions(t: TokenTable, first: number, limit: number): number[] {
  const out: number[] = [];
  for (let k = first; k < limit; k++) {
    if (t.key[k] !== "overnight") continue;
    if (DAY_WORDS.has(t.key[k + 1] as string) || DAY_WORDS.has(t.key[k - 1] as string)) continue;
    out.push(k);
  }
  return out;
}
