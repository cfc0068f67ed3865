import type { TokenTable } from "../../core/article.js";
import type { FigureKind } from "../../core/annotations.js";
import { readTsvLexicon } from "../../numbers/lexicon-file.js";
import { PhraseIndex } from "../../text/phrases.js";
import { figureLexicon, type PeopleGroup } from "./lexicon.js";
import { IRREALIS, type FigureCandidate } from "./patterns.js";

/** People nouns that name a group whatever their form: never one person. */
const COLLECTIVE = new Set([
  "people",
  "police",
  "personnel",
  "staff",
  "crew",
  "men",
  "women",
  "children",
  "military",
  "public",
  "family",
  "others",
  "more",
  "other",
  "security",
  "troops",
]);
/** Words that open a phrase naming one known person: "the ambassador", "his bodyguard". */
const DEFINITE = new Set(["the", "his", "her", "their", "its", "our", "this", "that"]);
/** "killed a soldier": one, as the object of an active casualty verb. */
const INDEFINITE = new Set(["a", "an"]);
/** Words inside a noun phrase before its head: "Russia's ambassador", "pro-government militia". */
const INNER = new Set(["'s", "'", "-"]);
const MODIFIER_POS = new Set(["ADJ", "PROPN", "NOUN"]);
/** How many modifier tokens may stand before the head: "Russian major general", "Syria's top army commander". */
const REACH = 6;
/** Between a subject and its casualty word: auxiliaries and hedges ("was reportedly killed"). */
const AUX = new Set([
  "was",
  "is",
  "has",
  "had",
  "been",
  "being",
  "be",
  "will",
  "would",
  "reportedly",
  "also",
  "later",
  "allegedly",
  "apparently",
  "fatally",
  "mortally",
  "subsequently",
  "eventually",
  "then",
  "since",
  "now",
  "already",
  "believed",
  "feared",
  "thought",
  "to",
  "have",
]);

/** One person: not a plural ("officers", "gunmen", "policemen") nor a collective ("police"). */
const singular = (key: string) => !COLLECTIVE.has(key) && !key.endsWith("s") && !key.endsWith("men");

interface Head {
  readonly first: number;
  readonly end: number;
  readonly group: PeopleGroup;
}

/** The people noun heading the phrase that starts at token `at`: modifiers, then one people noun ending the phrase. */
function headAfter(tokens: TokenTable, at: number, limit: number): { head: Head | null; end: number } {
  const people = figureLexicon().people;
  let k = at;
  let head: Head | null = null;
  while (k < limit && k < at + REACH + 1) {
    const key = tokens.key[k] as string;
    const m = people.longestAt(tokens, k, limit);
    if (m) {
      head = { first: m.first, end: m.end, group: m.values[0] ?? null };
      k = m.end;
      continue;
    }
    if (MODIFIER_POS.has(tokens.pos[k] as string) || (INNER.has(key) && k > at)) {
      head = null;
      k++;
      continue;
    }
    break;
  }
  return { head, end: k };
}

function one(kind: FigureKind, first: number, end: number, group: PeopleGroup, rule: string): FigureCandidate {
  return {
    kind,
    low: 1,
    best: 1,
    high: 1,
    group,
    perpetrators: group === null ? null : group === "perpetrators" ? 1 : 0,
    revision: false,
    first,
    end,
    rule,
    confidence: 0.7,
  };
}

/**
 * One person killed, hurt or kidnapped, named without a number: the object of an active casualty
 * verb ("Roadside IED kills Russian major general", "fatally shot Russia's ambassador"), the
 * subject of a passive or of "died" after a definite determiner ("the ambassador was killed"), or
 * a person named after a title ("Major General Vyacheslav Gladkikh died"). A count the sentence
 * gives in numbers is read by the other patterns; `taken` marks its tokens, which are skipped.
 * Each test reads a few tokens beside a casualty word: linear in the sentence.
 */
type Form = "active" | "passive" | "intransitive";
let casualtyWords: PhraseIndex<{ form: Form; kind: FigureKind }> | null = null;

/** The active, passive and intransitive casualty words in one index: one scan of a sentence finds them all. */
function casualtyIndex(): PhraseIndex<{ form: Form; kind: FigureKind }> {
  casualtyWords ??= new PhraseIndex(
    readTsvLexicon("casualty-terms.tsv")
      .filter((r) => r.form === "active" || r.form === "passive" || r.form === "intransitive")
      .map((r) => [r.phrase as string, { form: r.form as Form, kind: r.kind as FigureKind }] as const),
  );
  return casualtyWords;
}

export function singularFigures(
  tokens: TokenTable,
  first: number,
  limit: number,
  taken: (i: number) => boolean,
): FigureCandidate[] {
  const out: FigureCandidate[] = [];
  for (const m of casualtyIndex().findAll(tokens, first, limit)) {
    for (const { form, kind } of m.values) {
      if (form === "active") {
        if (m.first > first && IRREALIS.has(tokens.key[m.first - 1] as string)) continue;
        let at = m.end;
        // "shot dead the ambassador", "killed a local politician"
        if (at < limit && (DEFINITE.has(tokens.key[at] as string) || INDEFINITE.has(tokens.key[at] as string))) at++;
        if (at >= limit || taken(at) || tokens.type[at] === "number") continue;
        const { head, end } = headAfter(tokens, at, limit);
        if (!head || head.end !== end || !singular(tokens.key[end - 1] as string) || taken(end - 1)) continue;
        out.push(one(kind, at, end, head.group, "figure.active-one"));
        continue;
      }
      let s = m.first - 1;
      while (s >= first && AUX.has(tokens.key[s] as string)) s--;
      // A passive needs its auxiliary ("was killed"); "died" takes none.
      if (s < first || (form === "passive" && s === m.first - 1) || taken(s)) continue;
      const person = subjectAt(tokens, first, s);
      if (person) out.push(one(kind, person.first, person.end, person.group, `figure.${form}-one`));
    }
  }
  return out;
}

/** A phrase naming one person that ends at token `s`: "the ambassador", "Ambassador Andrei Karlov". */
function subjectAt(tokens: TokenTable, first: number, s: number): Head | null {
  const lex = figureLexicon();
  const key = tokens.key[s] as string;
  // "Major General Vyacheslav Gladkikh": a name after a title.
  if (tokens.pos[s] === "PROPN" && !lex.people.startsAt(tokens, s)) {
    let k = s;
    while (k > first && tokens.pos[k - 1] === "PROPN" && !lex.titles.has(tokens.key[k - 1] as string)) k--;
    if (k > first && lex.titles.has(tokens.key[k - 1] as string)) {
      let t = k - 1;
      while (t > first && lex.titles.has(tokens.key[t - 1] as string)) t--;
      return { first: t, end: s + 1, group: null };
    }
    return null;
  }
  if (!singular(key)) return null;
  // The people noun ending at s, then its modifiers back to a definite determiner.
  for (let k = s; k >= first && k > s - 3; k--) {
    const m = lex.people.longestAt(tokens, k, s + 1);
    if (!m || m.end !== s + 1) continue;
    let left = m.first;
    while (
      left > first &&
      m.first - left < REACH &&
      (MODIFIER_POS.has(tokens.pos[left - 1] as string) || INNER.has(tokens.key[left - 1] as string))
    )
      left--;
    if (left > first && DEFINITE.has(tokens.key[left - 1] as string))
      return { first: left - 1, end: s + 1, group: m.values[0] ?? null };
    return null;
  }
  return null;
}
