import type { TokenTable } from "../../core/article.js";
import { figureLexicon, type PeopleGroup } from "./lexicon.js";

/** What a count counts: the words after it up to the head noun. */
export interface Counted {
  /** One past the last token of the counted phrase (the count's own end when nothing follows). */
  readonly end: number;
  /** The head is a people noun ("people", "soldiers"), something else (a noun that counts
   * vehicles, years...), or a noun in neither list. "none" when no noun follows the count. */
  readonly kind: "people" | "thing" | "unknown" | "none";
  readonly group: PeopleGroup;
}

const MODIFIER_POS = new Set(["ADJ", "NOUN", "PROPN"]);
// Possessives and hyphens inside a noun phrase ("Kandahar's", "pro-government").
const INNER = new Set(["'s", "-", "'"]);
const OF_FOLLOWERS = new Set(["the", "them", "whom", "those", "these", "their", "its", "his", "her", "our"]);

/**
 * The phrase a count counts, read from token `at`: "of" after a vague count ("dozens of people",
 * "two of them"), then up to six modifier and noun tokens. The head is the last noun; a people noun
 * anywhere in it gives the group ("members of the security forces" → security).
 */
export function countedAfter(tokens: TokenTable, at: number, limit: number): Counted {
  const lex = figureLexicon();
  let j = at;
  if (tokens.key[j] === "of" && j + 1 < limit) {
    j++;
    if (OF_FOLLOWERS.has(tokens.key[j] as string)) j++;
    if (tokens.key[j - 1] === "them" || tokens.key[j - 1] === "whom") return { end: j, kind: "people", group: null };
  }
  let group: PeopleGroup = null;
  let headPeople = false;
  let headThing = false;
  let head = -1;
  for (let k = j; k < limit && k < j + 6; k++) {
    const key = tokens.key[k] as string;
    const pos = tokens.pos[k] as string;
    // "41 dead", "70 wounded soldiers": the casualty word is not part of what is counted.
    if (lex.forms.adjective.startsAt(tokens, k)) break;
    if (lex.things.has(key)) {
      headThing = true;
      headPeople = false;
      head = k;
      // "12-year-old boy": the count is an age whatever follows.
      break;
    }
    const m = lex.people.longestAt(tokens, k, limit);
    if (m) {
      const g = m.values[0] ?? null;
      if (group === null && g !== null) group = g;
      headPeople = true;
      head = m.end - 1;
      k = m.end - 1;
      continue;
    }
    if (MODIFIER_POS.has(pos) || (INNER.has(key) && k > j)) {
      if (pos === "NOUN" || pos === "PROPN") {
        head = k;
        headPeople = false;
      }
      continue;
    }
    break;
  }
  // A trailing modifier that is not a noun ("41 dead") does not make a phrase.
  if (head < 0) return { end: at, kind: "none", group: null };
  const end = head + 1;
  // "members of the security forces", "supporters of the FMLN": the group is in the complement.
  if (headPeople && group === null && tokens.key[end] === "of") {
    let k = end + 1;
    if (OF_FOLLOWERS.has(tokens.key[k] as string)) k++;
    const m = lex.people.longestAt(tokens, k, limit);
    if (m && m.values[0]) return { end: m.end, kind: "people", group: m.values[0] };
  }
  return { end, kind: headThing ? "thing" : headPeople ? "people" : "unknown", group };
}
