import { createHash } from "node:crypto";
import type { Article, ArticleInput } from "../core/article.js";
import { analyse } from "./nlp.js";
import { normalise } from "./normalise.js";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    // The token arrays hold strings: freezing the array is enough, and walking them is not free.
    if (Array.isArray(value) && typeof value[0] !== "object") return value;
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

function countWords(raw: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Length-preserving lower-casing: characters whose lower case is longer stay as they are. */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = "";
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/**
 * Builds the immutable Article: normalised text and its offset map, sentences, tokens and the
 * content hash. Typed arrays cannot be frozen; nothing in sitrep writes to them.
 */
export function buildArticle(input: ArticleInput): Article {
  const from = input.analysisStart ?? 0;
  const norm = normalise(input.raw, from);
  const { tokens, sentences } = analyse(
    norm.text,
    norm.caseless ? lowerSameLength(norm.text) : norm.text,
    norm.paragraphs,
  );
  const article: Article = {
    id: input.id,
    raw: input.raw,
    title: input.title,
    published: input.published,
    url: input.url ?? null,
    source: input.source ?? null,
    byline: input.byline ?? null,
    origin: input.origin,
    text: norm.text,
    offsets: { rawStart: norm.rawStart, rawEnd: norm.rawEnd },
    caseless: norm.caseless,
    paragraphs: norm.paragraphs,
    sentences,
    tokens,
    hash: createHash("sha256").update(norm.text).digest("hex"),
    wordCount: countWords(input.raw.slice(from)),
  };
  return deepFreeze(article);
}

/** An article from a string, for tests and the library API: id "text", no title. */
export function articleFromText(raw: string, published: string | null = null, id = "text"): Article {
  return buildArticle({ id, raw, title: null, published, origin: { file: id } });
}
