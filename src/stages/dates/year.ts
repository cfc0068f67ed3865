import type { TokenTable } from "../../core/article.js";

const OPENERS = new Set(["in", "during", "early", "late", "mid", "mid-"]);
const YEAR = /^(?:19|20)\d\d$/;

/**
 * Years standing alone as the time of something: "in 2016", "during 1989", "late 2014". A year
 * that names something ("the 2016 Olympics") has a noun after it and is not read.
 */
export function yearDates(t: TokenTable, first: number, limit: number): { first: number; end: number; year: number }[] {
  const out: { first: number; end: number; year: number }[] = [];
  for (let k = first + 1; k < limit; k++) {
    if (t.type[k] !== "number" || !YEAR.test(t.key[k] as string) || !OPENERS.has(t.key[k - 1] as string)) continue;
    const next = k + 1 < limit ? (t.pos[k + 1] as string) : "PUNCT";
    if (next === "NOUN" || next === "PROPN" || next === "NUM") continue;
    out.push({ first: k, end: k + 1, year: Number(t.key[k]) });
  }
  return out;
}
