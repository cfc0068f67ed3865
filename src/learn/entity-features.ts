import { hashString, mix, mix3 } from "./hash.js";
import type { Candidate, CandidateMention } from "./entity-candidates.js";
import type { FeatureContext } from "./feature-context.js";

/** Feature templates of candidate phrases; a feature is mix(template, value...). */
const E = {
  BIAS: 201,
  HEAD: 202,
  FIRST: 203,
  WORD: 204,
  LEN: 205,
  HEAD_LEN: 206,
  LEX_HEAD: 207,
  LEX_FIRST: 208,
  EXACT: 209,
  FREQ: 210,
  MIN_FREQ: 211,
  POS: 212,
  FORM: 213,
  SHAPE_FIRST: 214,
  NAME_LIKE: 215,
  HAS_VERB: 216,
  L1: 217,
  L2: 218,
  R1: 219,
  R2: 220,
  L1_HEAD: 221,
  LVERB: 222,
  RVERB: 223,
  LVERB_DIST: 224,
  RVERB_DIST: 225,
  CUE_L: 226,
  CUE_R: 227,
  SENT_LEX: 228,
  SPOS_DOC: 229,
  COUNT: 230,
  DOC: 231,
  DOC_LEX: 232,
  DOC_HEAD: 233,
  L1_LEX: 234,
  R1_LEX: 235,
  SENT_DOC: 236,
  TITLE_BEFORE: 237,
  L1_R1: 238,
  L1_L2: 239,
  RVERB_PASSIVE: 240,
  LVERB_BY: 241,
  DOC_L1: 242,
  DOC_LVERB: 243,
  DOC_RVERB: 244,
  R1_R2: 245,
  FIRST_SENT: 246,
  HEAD_COUNT: 247,
  HEAD_COUNT_LEX: 248,
  KEY: 249,
  OF_HEAD: 250,
  OF_HEAD_LEX: 251,
  HARM_MENTIONS: 252,
  SENT_REL: 253,
  SENT_REL_DOC: 254,
  SENT_REL_MAX: 255,
  SENT_REL_COUNT: 256,
} as const;

const BOS = hashString("<s>");
const EOS = hashString("</s>");
const MAX_MENTIONS = 6;
const VERB_WINDOW = 8;

const bucket = (n: number): number => (n <= 3 ? n : n <= 6 ? 4 : n <= 10 ? 5 : 6);
const sentBucket = (s: number): number => (s <= 2 ? s : s <= 4 ? 3 : s <= 9 ? 4 : 5);

/** True when tokens [first, end) are exactly one match of a lexicon whose tags are `tags`. */
function exactly(tags: Uint8Array, first: number, end: number, n: number, begin = 1, inside = 2): boolean {
  if (tags[first] !== begin) return false;
  for (let i = first + 1; i < end; i++) if (tags[i] !== inside) return false;
  return end >= n || tags[end] !== inside;
}

/** The most features one candidate can write (the size of a feature buffer). */
export const MAX_CANDIDATE_FEATURES = 48 + MAX_MENTIONS * 32;

/** A feature buffer: `add` appends a hashed feature (duplicates allowed; readers skip them). */
class Buffer {
  n = 0;
  constructor(readonly data: Int32Array) {}
  add(x: number): void {
    this.data[this.n++] = x;
  }
}

/**
 * The features of the phrase itself (its words, lexicons, frequency, where it first occurs),
 * written at `out[from]`; returns the new end. Cheap: no look at the mentions' contexts.
 */
export function writePhraseFeatures(c: FeatureContext, cand: Candidate, out: Int32Array, from: number): number {
  const f = new Buffer(out);
  f.n = from;
  const a = c.article;
  const t = a.tokens;
  const tags = c.tags;
  const m0 = cand.mentions[0]!;
  const head = m0.end - 1;
  const hw = c.word[head] as number;
  const hlex = c.lex[head] as number;
  const doc = c.docBucket;
  const len = Math.min(cand.words.length, 5);

  f.add(E.BIAS);
  f.add(mix(E.HEAD, hw));
  // the whole phrase: names and phrases that recur from story to story ("Luis Carlos Galan")
  if (cand.words.length > 1) f.add(mix(E.KEY, hashString(cand.key)));
  f.add(mix(E.FIRST, c.word[m0.first] as number));
  for (let i = m0.first; i < m0.end; i++) f.add(mix(E.WORD, c.word[i] as number));
  f.add(mix(E.LEN, len));
  f.add(mix3(E.HEAD_LEN, hw, len));
  f.add(mix(E.LEX_HEAD, hlex));
  f.add(mix(E.LEX_FIRST, c.lex[m0.first] as number));
  const n = c.n;
  if (exactly(tags.weapon, m0.first, m0.end, n)) f.add(mix(E.EXACT, 1));
  if (exactly(tags.target, m0.first, m0.end, n)) f.add(mix(E.EXACT, 2));
  if (exactly(tags.victim, m0.first, m0.end, n)) f.add(mix(E.EXACT, 3));
  if (exactly(tags.perpetrator, m0.first, m0.end, n)) f.add(mix(E.EXACT, 4));
  if (exactly(tags.actor, m0.first, m0.end, n)) f.add(mix(E.EXACT, 5));
  if (exactly(tags.actor, m0.first, m0.end, n, 3, 4)) f.add(mix(E.EXACT, 6));
  let minFreq = 9;
  let verb = false;
  for (let i = m0.first; i < m0.end; i++) {
    if (t.type[i] === "word") minFreq = Math.min(minFreq, c.freq[i] as number);
    if (t.pos[i] === "VERB" || t.pos[i] === "AUX") verb = true;
  }
  f.add(mix3(E.FREQ, c.freq[m0.first] as number, c.freq[head] as number));
  f.add(mix(E.MIN_FREQ, minFreq));
  f.add(mix3(E.POS, c.pos[m0.first] as number, c.pos[head] as number));
  if (verb) f.add(E.HAS_VERB);
  f.add(mix(E.SHAPE_FIRST, c.shape[m0.first] as number));
  if (len >= 2 && minFreq <= 1) f.add(mix(E.NAME_LIKE, len));
  // how often the head word stands alone in the document: "guerrillas" ten times is the story's
  const headCount = bucket(cand.headAlone ? cand.headAlone.mentions.length : cand.mentions.length);
  f.add(mix(E.HEAD_COUNT, headCount));
  f.add(mix3(E.HEAD_COUNT_LEX, headCount, hlex));
  f.add(mix(E.COUNT, bucket(cand.mentions.length)));
  f.add(mix(E.DOC, doc));
  f.add(mix3(E.DOC_LEX, doc, hlex));
  f.add(mix3(E.DOC_HEAD, doc, hw));
  let anyRun = false;
  for (let k = 0; k < cand.mentions.length && !anyRun; k++) if (cand.mentions[k]!.form !== "part") anyRun = true;
  f.add(mix3(E.SPOS_DOC, sentBucket(m0.sentence), doc));
  f.add(mix(E.FIRST_SENT, sentBucket(m0.sentence)));
  f.add(mix(E.FORM, anyRun ? 1 : 0));
  // "members of the FMLN": the members are the filler, the FMLN only says whose
  if (m0.form === "of") {
    f.add(mix(E.OF_HEAD, c.word[m0.head] as number));
    f.add(mix(E.OF_HEAD_LEX, c.lex[m0.head] as number));
  }
  return f.n;
}

/** The features of the contexts of the phrase's mentions (at most MAX_MENTIONS), written at `out[from]`; returns the new end. */
export function writeMentionFeatures(c: FeatureContext, cand: Candidate, out: Int32Array, from: number): number {
  const f = new Buffer(out);
  f.n = from;
  const m0 = cand.mentions[0]!;
  const hw = c.word[m0.end - 1] as number;
  const hlex = c.lex[m0.end - 1] as number;
  const limit = Math.min(cand.mentions.length, MAX_MENTIONS);
  for (let k = 0; k < limit; k++) mentionContext(c, f, cand.mentions[k]!, hw, hlex);
  // all its mentions, not the first few only: how many stand in a sentence that harms or damages,
  // and whether any stands in a sentence about the attack (a phrase the lead names in passing may
  // come back in the sentence that tells what was done to it)
  let harm = 0;
  let best = 0;
  let high = 0;
  for (const m of cand.mentions) {
    if ((c.sentenceCues[m.sentence] as number) & 3) harm++;
    const band = c.sentenceBand[m.sentence] as number;
    if (band > best) best = band;
    if (band >= 3) high++;
  }
  f.add(mix3(E.HARM_MENTIONS, bucket(harm), hlex));
  f.add(mix3(E.SENT_REL_MAX, best, hlex));
  f.add(mix3(E.SENT_REL_COUNT, bucket(high), best));
  // a name's surname standing alone speaks of the same person: "the murder of Oqueli"
  const alone = cand.headAlone;
  if (alone && cand.words.length >= 2 && isNameLike(c, m0)) {
    const more = Math.min(alone.mentions.length, MAX_MENTIONS - limit);
    for (let k = 0; k < more; k++) mentionContext(c, f, alone.mentions[k]!, hw, hlex);
  }
  return f.n;
}

/** Every word rare in the training texts: a name. */
function isNameLike(c: FeatureContext, m: CandidateMention): boolean {
  for (let i = m.first; i < m.end; i++)
    if (c.article.tokens.type[i] === "word" && (c.freq[i] as number) > 1) return false;
  return true;
}

/** The context features of one mention. */
function mentionContext(c: FeatureContext, f: Buffer, m: CandidateMention, hw: number, hlex: number): void {
  const a = c.article;
  const t = a.tokens;
  const tags = c.tags;
  const doc = c.docBucket;
  {
    const s = a.sentences[m.sentence]!;
    const l1 = m.first - 1 >= s.firstToken ? (c.word[m.first - 1] as number) : BOS;
    const l2 = m.first - 2 >= s.firstToken ? (c.word[m.first - 2] as number) : BOS;
    const r1 = m.end < s.endToken ? (c.word[m.end] as number) : EOS;
    const r2 = m.end + 1 < s.endToken ? (c.word[m.end + 1] as number) : EOS;
    f.add(mix(E.L1, l1));
    f.add(mix(E.L2, l2));
    f.add(mix(E.R1, r1));
    f.add(mix(E.R2, r2));
    f.add(mix3(E.L1_HEAD, l1, hw));
    f.add(mix3(E.L1_LEX, l1, hlex));
    f.add(mix3(E.R1_LEX, r1, hlex));
    if (m.first - 1 >= s.firstToken && tags.title[m.first - 1]) f.add(E.TITLE_BEFORE);
    f.add(mix3(E.L1_L2, l1, l2));
    // "killed by X" (agent) vs "killed X" (patient); "X was killed" (patient) vs "X killed" (agent)
    const byBefore = (t.key[m.first - 1] as string) === "by" && m.first - 1 >= s.firstToken ? 1 : 0;
    for (let i = m.first - 1, d = 1; i >= s.firstToken && d <= VERB_WINDOW; i--, d++) {
      if (t.pos[i] === "VERB") {
        f.add(mix(E.LVERB, c.word[i] as number));
        f.add(mix3(E.LVERB_DIST, c.word[i] as number, bucket(d)));
        f.add(mix3(E.LVERB_BY, c.word[i] as number, byBefore));
        break;
      }
    }
    for (let i = m.end, d = 1; i < s.endToken && d <= VERB_WINDOW; i++, d++) {
      if (t.pos[i] === "VERB") {
        const passive = i - 1 >= m.end && t.pos[i - 1] === "AUX" ? 1 : 0;
        f.add(mix(E.RVERB, c.word[i] as number));
        f.add(mix3(E.RVERB_DIST, c.word[i] as number, bucket(d)));
        f.add(mix3(E.RVERB_PASSIVE, c.word[i] as number, passive));
        break;
      }
    }
    if (c.cueLeft[m.first]) f.add(mix(E.CUE_L, c.cueLeft[m.first] as number));
    if (c.cueRight[m.end - 1]) f.add(mix(E.CUE_R, c.cueRight[m.end - 1] as number));
    const band = c.sentenceBand[m.sentence] as number;
    f.add(mix3(E.SENT_REL, band, hlex));
    f.add(mix3(E.SENT_REL_DOC, band, doc));
    const cues = c.sentenceCues[m.sentence] as number;
    f.add(mix3(E.SENT_LEX, cues, hlex));
    f.add(mix3(E.SENT_DOC, cues, doc));
  }
}
