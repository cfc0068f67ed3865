import type { TokenTable } from "../../core/article.js";
import type { FigureKind } from "../../core/annotations.js";
import { mayStartQuantity, quantityAt, type Quantity } from "../../numbers/quantity.js";
import { countedAfter, type Counted } from "./counted.js";
import { figureLexicon, type PeopleGroup } from "./lexicon.js";

/** A casualty count found in a sentence, in tokens, before it becomes a FigureMention. */
export interface FigureCandidate {
  readonly kind: FigureKind;
  readonly low: number;
  readonly best: number;
  readonly high: number | null;
  readonly group: PeopleGroup;
  readonly perpetrators: number | null;
  readonly revision: boolean;
  /** First token and one past the last token of the evidence. */
  readonly first: number;
  readonly end: number;
  readonly rule: string;
  readonly confidence: number;
}

/** A count and what it counts: one item of "one civilian and six assailants". */
interface Item {
  readonly q: Quantity;
  readonly counted: Counted;
}

// Words that may stand between the counted people and the casualty word: auxiliaries, hedges,
// adverbs of degree ("were reportedly killed", "are feared to have been killed", "were all killed").
const AUX = new Set([
  "were",
  "was",
  "are",
  "is",
  "have",
  "has",
  "had",
  "been",
  "being",
  "be",
  "will",
  "would",
  "may",
  "might",
  "could",
  "reportedly",
  "also",
  "all",
  "later",
  "allegedly",
  "apparently",
  "seriously",
  "critically",
  "badly",
  "slightly",
  "lightly",
  "fatally",
  "mortally",
  "both",
  "subsequently",
  "eventually",
  "initially",
  "reported",
  "said",
  "believed",
  "feared",
  "thought",
  "known",
  "to",
  "confirmed",
  "officially",
  "already",
  "each",
  "since",
  "then",
  "now",
]);
const NEGATION = new Set(["not", "n't", "never", "no"]);
// Before an active verb these make the killing unreal: intended, feared, denied.
export const IRREALIS = new Set([
  "to",
  "not",
  "n't",
  "never",
  "will",
  "would",
  "could",
  "can",
  "cannot",
  "may",
  "might",
  "should",
  "must",
]);
// Between a toll phrase and its count ("the death toll has risen to 63", "a toll of 41").
const TOLL_LINK = new Set([
  "to",
  "at",
  "of",
  "is",
  "was",
  "has",
  "had",
  "have",
  "now",
  "stood",
  "stands",
  "stand",
  "reached",
  "reaches",
  "hit",
  "rose",
  "risen",
  "rises",
  "climbed",
  "climbs",
  "increased",
  "jumped",
  "went",
  "up",
  "mounted",
  "grew",
  "grown",
  "been",
  "raised",
  "revised",
  "officially",
  "later",
  "since",
  "subsequently",
  "eventually",
  "further",
  "also",
  "reportedly",
  "'s",
  "stands",
  "was",
  ",",
]);
const TOLL_COMPLEMENT_POS = new Set(["NOUN", "PROPN", "ADJ", "DET", "ADP", "PART", "NUM"]);
const TOLL_COMPLEMENT_HEADS = new Set(["from", "of", "in", "after"]);
const TOLL_COMPLEMENT_REACH = 24;
/** Punctuation and adverbs inside a toll's complement: "Sunday's", "Ulema-e-Islam", "in Khar, northwest Pakistan,". */
const TOLL_COMPLEMENT_MARKS = new Set([",", "-", "'s", "'"]);
const inTollComplement = (tokens: Context["tokens"], k: number): boolean =>
  TOLL_COMPLEMENT_POS.has(tokens.pos[k] as string) ||
  tokens.pos[k] === "ADV" ||
  TOLL_COMPLEMENT_MARKS.has(tokens.key[k] as string);
const TOLL_BRINGERS = new Set([
  "bringing",
  "brings",
  "brought",
  "raising",
  "raises",
  "taking",
  "pushing",
  "pushed",
  "lifting",
]);
const DETERMINERS = new Set(["the", "all", "its", "their", "his", "her", "another", "an", "a"]);
// A number right after these is a date, a page, an address or an age, whatever follows it.
const NOT_A_COUNT_BEFORE = new Set([
  "on",
  "since",
  "until",
  "till",
  "page",
  "route",
  "article",
  "resolution",
  "flight",
  "number",
  "no",
  "no.",
  "channel",
  "highway",
  "room",
  "aged",
  "age",
  "ages",
  "#",
  "'s",
]);
const NOUNS = new Set(["NOUN", "PROPN"]);
// "too many", "so many", "how many": degree, not a count.
const DEGREE = new Set(["too", "so", "how", "as"]);
const ITEM_JOIN = new Set([",", "and"]);
const RELATIVE = new Set(["who", "that", "which"]);
const PP_HEADS = new Set(["of", "from", "in", "at", "aboard", "on", "inside", "near"]);
const PP_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"]);
const OBJECT_POS = new Set(["NUM", "DET", "PRON", "PROPN", "NOUN"]);

// An aside that names some of the counted people between the count and its verb: "At least 63
// people, including the assailant, were killed", "27 people (including three gunmen) died".
const ASIDE_OPEN = new Set([",", "(", "-", "--"]);
const ASIDE_CLOSE = new Set([",", ")", "-", "--"]);
const ASIDE_MAX = 16;
// A count in apposition counts people, or nouns the lexicon does not know ("ten foreign climbers").
const COUNTED_IN_APPOSITION = new Set(["people", "unknown"]);
// "the assailant", "its bomber": one perpetrator without a number.
const ASIDE_DETERMINERS = new Set(["the", "its", "their", "his", "her", "one", "a", "an"]);

function isYear(q: Quantity): boolean {
  const n = q.number;
  return !!n && n.digits && q.rule === "exact" && n.value >= 1900 && n.value <= 2100;
}

interface Context {
  readonly tokens: TokenTable;
  readonly first: number;
  readonly limit: number;
  /** Active casualty phrases of the sentence, by the index of their last token. */
  readonly activeByLast: ReadonlyMap<number, FigureKind>;
  /** First token of each active phrase, by its last token. */
  readonly activeFirst: ReadonlyMap<number, number>;
  /** Toll phrases by the index of their last token, with their first token. */
  readonly tollByLast: ReadonlyMap<number, { kind: FigureKind; first: number }>;
}

/** Skips auxiliaries and hedges from p; reports how many and whether a negation was among them. */
function auxChain(ctx: Context, p: number): { end: number; count: number; negated: boolean } {
  let count = 0;
  let negated = false;
  while (p < ctx.limit && count < 6) {
    const k = ctx.tokens.key[p] as string;
    if (NEGATION.has(k)) negated = true;
    else if (!AUX.has(k)) break;
    p++;
    count++;
  }
  return { end: p, count, negated };
}

/** "… were killed", "… died", "… killed in the blast" after the counted phrase ending at p. */
function casualtyAfter(ctx: Context, p: number, hasNoun: boolean): { kind: FigureKind; rule: string } | null {
  const lex = figureLexicon();
  const { tokens, limit } = ctx;
  if (p < limit && RELATIVE.has(tokens.key[p] as string)) p++;
  const chain = auxChain(ctx, p);
  if (chain.negated) return null;
  const at = chain.end;
  if (at >= limit) return null;
  const intr = lex.forms.intransitive.longestAt(tokens, at, limit);
  if (intr) return { kind: intr.values[0] as FigureKind, rule: "figure.died" };
  const pass = lex.forms.passive.longestAt(tokens, at, limit);
  if (!pass) return null;
  if (chain.count > 0) return { kind: pass.values[0] as FigureKind, rule: "figure.passive" };
  // A participle with no auxiliary is a reduced passive ("41 people killed in the blast") unless an
  // object follows, which makes it the main verb ("three soldiers killed five guerrillas").
  const next = pass.end < limit ? (tokens.pos[pass.end] as string) : "PUNCT";
  if (hasNoun && !OBJECT_POS.has(next) && !(pass.end < limit && mayStartQuantity(tokens, pass.end)))
    return { kind: pass.values[0] as FigureKind, rule: "figure.reduced-passive" };
  return null;
}

/** The casualty reading of a passive after a prepositional phrase: "50 peasants of various ages have been kidnapped". */
function casualtyAfterPhrase(ctx: Context, p: number): { kind: FigureKind; rule: string } | null {
  const { tokens, limit } = ctx;
  if (p >= limit || !PP_HEADS.has(tokens.key[p] as string)) return null;
  let k = p + 1;
  while (k < limit && k < p + 5 && PP_POS.has(tokens.pos[k] as string)) k++;
  if (k === p + 1 || k >= limit || !AUX.has(tokens.key[k] as string)) return null;
  const c = casualtyAfter(ctx, k, true);
  return c && c.rule === "figure.passive" ? c : null;
}

function groupOf(items: readonly Item[]): { group: PeopleGroup; perpetrators: number | null } {
  const groups = new Set(items.map((x) => x.counted.group));
  const group = groups.size === 1 ? (items[0]?.counted.group ?? null) : null;
  let perps = 0;
  let known = false;
  for (const x of items) {
    if (x.counted.group === "perpetrators") perps += x.q.best;
    if (x.counted.group !== null) known = true;
  }
  return { group, perpetrators: known ? perps : null };
}

function candidate(
  items: readonly Item[],
  kind: FigureKind,
  rule: string,
  confidence: number,
  revision = false,
): FigureCandidate {
  const single = items.length === 1;
  const first = items[0] as Item;
  const last = items[items.length - 1] as Item;
  const sum = (f: (q: Quantity) => number | null) => {
    let total = 0;
    for (const x of items) {
      const v = f(x.q);
      if (v === null) return null;
      total += v;
    }
    return total;
  };
  // A quantity "a" ("a soldier was wounded") shows its noun as evidence; a list shows all of it.
  const end =
    single && first.q.number === null && !first.q.vague ? first.counted.end : single ? first.q.end : last.counted.end;
  return {
    kind,
    low: sum((q) => q.low) as number,
    best: sum((q) => q.best) as number,
    high: sum((q) => q.high),
    ...groupOf(items),
    revision,
    first: first.q.first,
    end,
    rule: single ? rule : `${rule}+list`,
    confidence: confidence * (single ? 1 : 0.95),
  };
}

/** The count at token i, or "a"/"an" before a people noun (count 1), with what it counts. */
function itemAt(ctx: Context, i: number): Item | null {
  const { tokens, limit } = ctx;
  const key = tokens.key[i] as string;
  if ((key === "a" || key === "an") && i + 1 < limit && !(tokens.key[i + 1] === "number")) {
    const q = quantityAt(tokens, i, limit);
    if (q) return { q, counted: countedAfter(tokens, q.end, limit) };
    const counted = countedAfter(tokens, i + 1, limit);
    if (counted.kind !== "people") return null;
    return {
      q: { first: i, end: i + 1, low: 1, best: 1, high: 1, rule: "exact", vague: false, number: null },
      counted,
    };
  }
  const q = quantityAt(tokens, i, limit);
  if (!q) return null;
  // "2D CORPORAL", "3rd": a number glued to letters is an ordinal or a code.
  if (q.end < limit && tokens.end[q.end - 1] === tokens.start[q.end] && tokens.type[q.end] === "word") return null;
  if (q.vague && i > ctx.first && DEGREE.has(tokens.key[i - 1] as string)) return null;
  // "13 out of 19 crew members": the first number counts them, the second the whole.
  let from = q.end;
  if (tokens.key[from] === "out" && tokens.key[from + 1] === "of") {
    const whole = quantityAt(tokens, from + 2, limit);
    if (whole) from = whole.end;
  }
  const counted = countedAfter(tokens, from, limit);
  if (counted.kind === "thing") return null;
  if (counted.kind !== "people") {
    if (isYear(q)) return null;
    const prev = i > ctx.first ? (tokens.key[i - 1] as string) : "";
    if (NOT_A_COUNT_BEFORE.has(prev) || (i > ctx.first && tokens.type[i - 1] === "currency")) return null;
    if (tokens.key[q.end] === "-" || tokens.key[q.end] === "%") return null;
  }
  return { q, counted };
}

/**
 * ", including the assailant," (or ", among them ...,", or a count in apposition) after a counted
 * phrase ending at p: where the aside ends (its
 * closing comma or bracket) and how many of those it names are perpetrators ("including the
 * assailant" → 1, "including the seven assailants" → 7, "including 13 soldiers and the bomber" →
 * 1); null when p opens no such aside. Bounded: at most ASIDE_MAX tokens.
 */
function asideAfter(ctx: Context, p: number): { end: number; perpetrators: number | null } | null {
  const { tokens, limit } = ctx;
  let k = p;
  const opened = k < limit && ASIDE_OPEN.has(tokens.key[k] as string);
  if (opened) k++;
  if (k >= limit) return null;
  // where the people named start: "including ...", "among them ...", or a count in apposition
  // ("Eleven people, ten foreign climbers and a Pakistani guide, were killed")
  let b: number;
  if (tokens.key[k] === "including") b = k + 1;
  else if (tokens.key[k] === "among" && (tokens.key[k + 1] === "them" || tokens.key[k + 1] === "whom")) b = k + 2;
  else if (opened && mayStartQuantity(tokens, k) && COUNTED_IN_APPOSITION.has(itemAt(ctx, k)?.counted.kind ?? ""))
    b = k;
  else return null;
  const lex = figureLexicon();
  let perpetrators: number | null = null;
  for (let j = b; j < limit && j <= b + ASIDE_MAX; j++) {
    const key = tokens.key[j] as string;
    if (ASIDE_CLOSE.has(key)) return j > b ? { end: j + 1, perpetrators } : null;
    // a verb inside means the aside never closed before the clause went on
    if (tokens.pos[j] === "VERB" || tokens.pos[j] === "AUX") return null;
    if (mayStartQuantity(tokens, j)) {
      const item = itemAt(ctx, j);
      if (item && item.counted.kind === "people") {
        if (item.counted.group === "perpetrators") perpetrators = (perpetrators ?? 0) + item.q.best;
        j = item.counted.end - 1;
        continue;
      }
    }
    if (ASIDE_DETERMINERS.has(key) && j + 1 < limit) {
      const m = lex.people.longestAt(tokens, j + 1, limit);
      if (m && m.values[0] === "perpetrators") {
        const head = tokens.key[m.end - 1] as string;
        // "the assailants": more than one, how many the text does not say
        if (!head.endsWith("s") && !head.endsWith("men")) perpetrators = (perpetrators ?? 0) + 1;
        j = m.end - 1;
      }
    }
  }
  return null;
}

/** The toll phrase a count completes ("the death toll rose to 63"), if any. */
function tollBefore(ctx: Context, q: Quantity): { kind: FigureKind; revision: boolean } | null {
  const { tokens } = ctx;
  const lex = figureLexicon();
  let j = q.first - 1;
  let revision = false;
  let steps = 0;
  while (j >= ctx.first && steps < 6 && !ctx.tollByLast.has(j) && TOLL_LINK.has(tokens.key[j] as string)) {
    if (lex.revisionWords.has(tokens.key[j] as string)) revision = true;
    j--;
    steps++;
  }
  if (steps === 0) return null;
  let toll = ctx.tollByLast.get(j);
  // "the death toll from Friday's bombing of the mosque rose to 63": past the toll's complement,
  // however long ("from Sunday's suicide bombing at a rally of the party in Khar, northwest Pakistan,").
  for (let k = j; !toll && k >= ctx.first && j - k < TOLL_COMPLEMENT_REACH && inTollComplement(tokens, k); k--) {
    const t = ctx.tollByLast.get(k - 1);
    if (t && TOLL_COMPLEMENT_HEADS.has(tokens.key[k] as string)) toll = t;
  }
  if (!toll) return null;
  let b = toll.first - 1;
  if (b >= ctx.first && DETERMINERS.has(tokens.key[b] as string)) b--;
  if (b >= ctx.first && TOLL_BRINGERS.has(tokens.key[b] as string)) revision = true;
  return { kind: toll.kind, revision };
}

/**
 * The active casualty verb right before a count ("killed at least 41", "wounding the two"), unless
 * it is unreal: "not to kill a child", "threatened to kill 10", "could kill hundreds".
 */
function activeBefore(ctx: Context, first: number): FigureKind | null {
  let j = first - 1;
  if (j >= ctx.first && DETERMINERS.has(ctx.tokens.key[j] as string) && ctx.tokens.key[j] !== "a") j--;
  const active = ctx.activeByLast.get(j);
  if (!active) return null;
  const start = ctx.activeFirst.get(j) as number;
  if (start > ctx.first && IRREALIS.has(ctx.tokens.key[start - 1] as string)) return null;
  return active;
}

/**
 * The casualty figures of the sentence made of tokens [first, limit). Each count is read once,
 * by the first reading that fits: a toll ("the death toll rose to 63"), a list of counts before a
 * passive ("one civilian and six assailants were killed"), a count before a casualty word ("41
 * dead", "41 deaths", "41 people were killed", "41 people died"), or after an active verb ("killed
 * at least 41 people", "left more than 60 people dead", "took 12 hostages").
 */
export function figuresInSentence(tokens: TokenTable, first: number, limit: number): FigureCandidate[] {
  const lex = figureLexicon();
  const activeByLast = new Map<number, FigureKind>();
  const activeFirst = new Map<number, number>();
  for (const m of lex.forms.active.findAll(tokens, first, limit)) {
    activeByLast.set(m.end - 1, m.values[0] as FigureKind);
    activeFirst.set(m.end - 1, m.first);
  }
  const tollByLast = new Map<number, { kind: FigureKind; first: number }>();
  for (const m of lex.tolls.findAll(tokens, first, limit))
    tollByLast.set(m.end - 1, { kind: m.values[0] as FigureKind, first: m.first });
  const ctx: Context = { tokens, first, limit, activeByLast, activeFirst, tollByLast };

  const out: FigureCandidate[] = [];
  for (let i = first; i < limit; i++) {
    if (!mayStartQuantity(tokens, i)) continue;
    const item = itemAt(ctx, i);
    if (!item) continue;
    // "no one", "none of", "no-one" (tokenised "no - one").
    const prev = i > first ? (tokens.key[i - 1] as string) : "";
    if (prev === "no" || prev === "none" || (prev === "-" && i - 2 >= first && tokens.key[i - 2] === "no")) continue;
    const { q, counted } = item;
    const hasNoun = counted.kind !== "none";
    const sure = counted.kind === "people" || counted.kind === "none" ? 0.9 : 0.7;
    const conf = q.number === null && !q.vague ? 0.6 : sure;

    const toll = q.number !== null ? tollBefore(ctx, q) : null;
    if (toll && counted.kind !== "unknown") {
      // "a toll of 1 person wounded": the words after the count say what the toll counts.
      const said = counted.kind === "people" ? casualtyAfter(ctx, counted.end, true) : null;
      out.push(
        candidate(
          [item],
          said?.kind ?? toll.kind,
          toll.revision ? "figure.toll-revised" : "figure.toll",
          0.9,
          toll.revision,
        ),
      );
      i = Math.max(i, q.end - 1);
      continue;
    }

    // A list of counts joined by commas and "and", then one passive for all of them.
    const items: Item[] = [item];
    let p = counted.end;
    while (hasNoun && p + 1 < limit && ITEM_JOIN.has(tokens.key[p] as string)) {
      const skip = tokens.key[p] === "," && tokens.key[p + 1] === "and" ? 2 : 1;
      const next = itemAt(ctx, p + skip);
      // "15 soldiers, 4 of them seriously": a part of the count before it, not more of them.
      if (!next || next.counted.kind !== "people" || tokens.key[next.q.end] === "of") break;
      items.push(next);
      p = next.counted.end;
    }
    if (items.length > 1) {
      const after = casualtyAfter(ctx, p, true);
      const before = after ? null : activeBefore(ctx, q.first);
      if (after || before) {
        out.push(candidate(items, (after?.kind ?? before) as FigureKind, after?.rule ?? "figure.active", 0.85));
        i = p - 1;
        continue;
      }
    }

    let adjective = !hasNoun ? lex.forms.adjective.longestAt(tokens, q.end, limit) : null;
    // "many dead bodies": a vague word before an adjective and a noun is no count of the dead.
    if (adjective && q.vague && NOUNS.has(tokens.pos[adjective.end] as string)) adjective = null;
    if (adjective) {
      out.push(candidate([item], adjective.values[0] as FigureKind, "figure.count-adjective", conf));
      i = q.end - 1;
      continue;
    }
    const noun = hasNoun ? lex.forms.noun.longestAt(tokens, counted.end - 1, limit) : null;
    if (noun && noun.end === counted.end && q.number !== null) {
      // "Two of the hostages were killed": the verb after the noun says what befell them.
      const verb = casualtyAfter(ctx, counted.end, true);
      if (verb && verb.kind !== noun.values[0]) out.push(candidate([item], verb.kind, verb.rule, conf));
      else out.push(candidate([item], noun.values[0] as FigureKind, "figure.count-noun", 0.85));
      i = counted.end - 1;
      continue;
    }
    // "At least 63 people, including the assailant, were killed": the whole count, its aside skipped.
    const aside = counted.kind === "people" ? asideAfter(ctx, counted.end) : null;
    const beyond = aside ? casualtyAfter(ctx, aside.end, true) : null;
    if (aside && beyond) {
      const c = candidate([item], beyond.kind, `${beyond.rule}+aside`, conf);
      out.push(aside.perpetrators === null ? c : { ...c, group: null, perpetrators: aside.perpetrators });
      i = aside.end - 1;
      continue;
    }
    const after = casualtyAfter(ctx, counted.end, hasNoun) ?? (hasNoun ? casualtyAfterPhrase(ctx, counted.end) : null);
    if (after) {
      out.push(candidate([item], after.kind, after.rule, conf));
      i = counted.end - 1;
      continue;
    }
    const before = activeBefore(ctx, q.first);
    if (before) {
      out.push(candidate([item], before, "figure.active", conf));
      i = counted.end - 1;
      continue;
    }
    i = q.end - 1;
  }
  return out;
}
