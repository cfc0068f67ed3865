import type { TokenTable } from "../../core/article.js";
import { dateCues } from "./cues.js";

/** Words beside "overnight" that lead to the night's own day: "overnight into Sunday", "on Saturday overnight". */
const TOWARD_A_DAY = new Set(["into", "to", "from", "between", "on"]);

/** A weekday, or a word leading to one: the night's day is told beside it. */
function daySide(t: TokenTable, k: number): boolean {
  const key = t.key[k] as string;
  return TOWARD_A_DAY.has(key) || dateCues().get(key) === "weekday";
}

/**
 * "Russian shelling killed three civilians overnight, the governor said": the night before the
 * report, as "last night" is, which chrono-node does not read. Left to the weekday when one stands
 * beside it ("overnight Saturday", "overnight into Sunday"). Token indices of each "overnight".
 */
export function overnightMentions(t: TokenTable, first: number, limit: number): number[] {
  const out: number[] = [];
  for (let k = first; k < limit; k++) {
    if (t.key[k] !== "overnight") continue;
    if ((k + 1 < limit && daySide(t, k + 1)) || (k > first && daySide(t, k - 1))) continue;
    out.push(k);
  }
  return out;
}
