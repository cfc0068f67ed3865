import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Sentence, TokenTable } from "../core/article.js";
import type { Span } from "../core/span.js";

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | null = null;

/** The wink-nlp instance, loaded once (about 50 ms). */
export function wink(): Wink {
  nlp ??= winkNLP(model, ["sbd", "pos"]);
  return nlp;
}

const NON_ASCII = /[^ -~]/;
const MARKS = /\p{M}/gu;

/**
 * The matching key of a lower-cased word: diacritics stripped and quotes unified, so that
 * "Kunduz", "Qunduz" stay apart but "Aydın"/"Aydin" and "Bogotá"/"Bogota" meet.
 */
export function foldKey(lower: string): string {
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .normalize("NFD")
    .replace(MARKS, "")
    .replace(/\u0131/g, "i")
    .replace(/[\u2018\u2019]/g, "'");
}

const WHITESPACE_TYPES = new Set(["tabCRLF", "spaces"]);

export interface Analysed {
  readonly tokens: TokenTable;
  readonly sentences: readonly Sentence[];
}

function paragraphOf(paragraphs: readonly Span[], offset: number, from: number): number {
  let p = from;
  while (p + 1 < paragraphs.length && (paragraphs[p + 1] as Span).start <= offset) p++;
  return p;
}

/**
 * Tokens and sentences of a normalised text. Offsets are the running sum of each token's
 * preceding spaces and length (wink-nlp's tokenizer is lossless); whitespace tokens are dropped
 * and sentences never cross a paragraph break. `analysisText` is what wink reads (the lower-cased
 * text for caseless articles, so that tagging is not fooled by capitals): it has the same length.
 */
export function analyse(text: string, analysisText: string, paragraphs: readonly Span[]): Analysed {
  const w = wink();
  const its = w.its;
  const doc = w.readDoc(analysisText);
  const winkTokens = doc.tokens();
  const values = winkTokens.out(its.value) as string[];
  const spaces = winkTokens.out(its.precedingSpaces) as string[];
  const types = winkTokens.out(its.type) as string[];
  const tags = winkTokens.out(its.pos) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  const n = values.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const keep = new Int32Array(n);
  let count = 0;
  let at = 0;
  for (let i = 0; i < n; i++) {
    at += (spaces[i] as string).length;
    start[i] = at;
    at += (values[i] as string).length;
    end[i] = at;
    if (!WHITESPACE_TYPES.has(types[i] as string) && (values[i] as string).trim() !== "") keep[count++] = i;
  }
  if (at !== text.length) throw new Error(`tokenizer lost characters: ${at} of ${text.length}`);

  // wink sentence index of each wink token, then sentences re-cut at paragraph breaks.
  const winkSentence = new Int32Array(n);
  spans.forEach(([a, b], s) => winkSentence.fill(s, a, b + 1));

  const tStart = new Int32Array(count);
  const tEnd = new Int32Array(count);
  const value: string[] = new Array(count);
  const lower: string[] = new Array(count);
  const key: string[] = new Array(count);
  const pos: string[] = new Array(count);
  const type: string[] = new Array(count);
  const sentence = new Int32Array(count);
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let firstToken = 0;
  for (let k = 0; k < count; k++) {
    const i = keep[k] as number;
    tStart[k] = start[i] as number;
    tEnd[k] = end[i] as number;
    const v = text.slice(tStart[k], tEnd[k]);
    value[k] = v;
    lower[k] = v.toLowerCase();
    key[k] = foldKey(lower[k] as string);
    pos[k] = tags[i] as string;
    type[k] = types[i] as string;
    if (k > 0) {
      const prev = keep[k - 1] as number;
      const p = paragraphOf(paragraphs, tStart[k] as number, paragraph);
      if (winkSentence[i] !== winkSentence[prev] || p !== paragraph) {
        sentences.push(makeSentence(tStart, tEnd, firstToken, k, paragraph));
        firstToken = k;
        paragraph = p;
      }
    } else {
      paragraph = paragraphOf(paragraphs, tStart[0] as number, 0);
    }
    sentence[k] = sentences.length;
  }
  if (count > 0) sentences.push(makeSentence(tStart, tEnd, firstToken, count, paragraph));
  return { tokens: { count, start: tStart, end: tEnd, value, lower, key, pos, type, sentence }, sentences };
}

function makeSentence(
  start: Int32Array,
  end: Int32Array,
  first: number,
  endToken: number,
  paragraph: number,
): Sentence {
  return { start: start[first] as number, end: end[endToken - 1] as number, firstToken: first, endToken, paragraph };
}
