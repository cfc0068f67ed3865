import type { Span } from "./span.js";

/** What a reader hands over: the text as the user gave it, and what is known about it. */
export interface ArticleInput {
  /** The file path as given, or the JSONL `id`, or a feed item's guid/link. */
  readonly id: string;
  /** The text as the user gave it; every reported offset points into this string. */
  readonly raw: string;
  /** Offset in `raw` where the analysed text begins (the date-line header is not analysed). */
  readonly analysisStart?: number;
  readonly title: string | null;
  /** Publication date, ISO `YYYY-MM-DD`, or null when unknown. */
  readonly published: string | null;
  readonly url?: string | null;
  /** The outlet that published it (a feed's title, a site name, the JSONL `source`). */
  readonly source?: string | null;
  readonly byline?: string | null;
  /** Where it came from, for error messages: the file and, for JSONL and feeds, the line or item. */
  readonly origin: { readonly file: string; readonly line?: number; readonly item?: number };
}

/**
 * Tokens as parallel arrays, one entry a token, whitespace left out: cheap to build and to scan.
 * Offsets are into Article.text.
 */
export interface TokenTable {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** The token as it appears in Article.text. */
  readonly value: readonly string[];
  /** Lower-cased value; what lexicons are matched against. */
  readonly lower: readonly string[];
  /** Lower-cased, diacritics stripped (text/nlp.ts foldKey): the key lexicons are indexed by. */
  readonly key: readonly string[];
  /** Universal POS tag (wink-nlp), e.g. NOUN, PROPN, VERB, NUM. */
  readonly pos: readonly string[];
  /** wink-nlp token type: word, number, punctuation, email, url, hashtag, emoji, ... */
  readonly type: readonly string[];
  /** Index of the sentence that holds the token. */
  readonly sentence: Int32Array;
}

export interface Sentence extends Span {
  /** First token of the sentence and one past its last, as indices into the TokenTable. */
  readonly firstToken: number;
  readonly endToken: number;
  readonly paragraph: number;
}

/**
 * Normalised-text offset i began at raw offset rawStart[i] and its source character ended at
 * rawEnd[i]; a span [s, e) of the normalised text covers raw [rawStart[s], rawEnd[e - 1]).
 */
export interface OffsetMap {
  readonly rawStart: Int32Array;
  readonly rawEnd: Int32Array;
}

/** One article, built once and never changed (see text/article.ts). */
export interface Article {
  readonly id: string;
  readonly raw: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly source: string | null;
  readonly byline: string | null;
  readonly origin: ArticleInput["origin"];
  /** Normalised text: quotes and dashes unified, whitespace collapsed, repeated paragraphs removed. */
  readonly text: string;
  readonly offsets: OffsetMap;
  /** True when the text is written in capitals only (as wire copy of the 1980s): case says nothing. */
  readonly caseless: boolean;
  readonly paragraphs: readonly Span[];
  readonly sentences: readonly Sentence[];
  readonly tokens: TokenTable;
  /** SHA-256 (hex) of the normalised text: the identity used to store an article once. */
  readonly hash: string;
  /** Number of whitespace-separated words in the raw text (the unit of throughput figures). */
  readonly wordCount: number;
}
