import type { TokenTable } from "../core/article.js";
import { KeyFilter } from "./key-filter.js";
import { foldKey, wink } from "./nlp.js";
import { tokenHashes } from "./token-hashes.js";

interface Node<T> {
  next: Map<string, Node<T>> | null;
  values: T[] | null;
}

export interface PhraseMatch<T> {
  /** First token and one past the last token of the match. */
  readonly first: number;
  readonly end: number;
  readonly values: readonly T[];
}

const WHITESPACE = new Set(["tabCRLF", "spaces"]);

/** The matching keys of a phrase, tokenised exactly as article text is (wink-nlp), folded. */
export function phraseKeys(phrase: string): string[] {
  const w = wink();
  const doc = w.readDoc(phrase);
  const values = doc.tokens().out(w.its.value) as string[];
  const types = doc.tokens().out(w.its.type) as string[];
  const out: string[] = [];
  values.forEach((v, i) => {
    if (!WHITESPACE.has(types[i] as string) && v.trim()) out.push(foldKey(v.toLowerCase()));
  });
  return out;
}

/**
 * A lexicon of phrases indexed by their words (a token trie keyed by the folded token), so that a
 * scan costs one map lookup per token and words that start no phrase cost nothing more.
 * Matching is case-insensitive and diacritic-insensitive; callers check case where it matters.
 */
export class PhraseIndex<T> {
  private readonly root = new Map<string, Node<T>>();
  /** The first words of the phrases, as a cheap test before the root lookup. */
  private readonly firstWords = new KeyFilter();
  private size = 0;

  constructor(entries: Iterable<readonly [phrase: string, value: T]> = []) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  get entries(): number {
    return this.size;
  }

  /** Adds a phrase given as text (tokenised like article text) or as its token keys. */
  add(phrase: string | readonly string[], value: T): void {
    const keys = typeof phrase === "string" ? phraseKeys(phrase) : phrase;
    if (keys.length === 0) return;
    let level = this.root;
    let node: Node<T> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      node = level.get(k);
      if (i === 0) this.firstWords.add(k);
      if (!node) {
        node = { next: null, values: null };
        level.set(k, node);
      }
      if (i < keys.length - 1) {
        node.next ??= new Map();
        level = node.next;
      }
    }
    (node as Node<T>).values ??= [];
    (node as Node<T>).values!.push(value);
    this.size++;
  }

  /**
   * True when some phrase starts with this token key: the cheap test before a match. Callers may
   * read one token past the end of the table: no key, no phrase.
   */
  starts(key: string | undefined): boolean {
    return key !== undefined && this.firstWords.mayHold(key) && this.root.has(key);
  }

  /** False when no phrase can start at token `i`: the cheap test, no map lookup. */
  private mayStartAt(tokens: TokenTable, i: number, limit: number): boolean {
    return i >= 0 && i < limit && i < tokens.count && this.firstWords.mayHoldHash(tokenHashes(tokens)[i] as number);
  }

  /** True when some phrase starts at token `i` (as `starts` of its key, for scans over tokens). */
  startsAt(tokens: TokenTable, i: number): boolean {
    return this.mayStartAt(tokens, i, tokens.count) && this.root.has(tokens.key[i] as string);
  }

  /** The longest phrase starting at token `i` (not crossing `limit`), or null. */
  longestAt(tokens: TokenTable, i: number, limit = tokens.count): PhraseMatch<T> | null {
    if (!this.mayStartAt(tokens, i, limit)) return null;
    return this.longestFrom(tokens, i, limit);
  }

  private longestFrom(tokens: TokenTable, i: number, limit: number): PhraseMatch<T> | null {
    let level: Map<string, Node<T>> | null = this.root;
    let best: PhraseMatch<T> | null = null;
    for (let j = i; j < limit && level; j++) {
      const node: Node<T> | undefined = level.get(tokens.key[j] as string);
      if (!node) break;
      if (node.values) best = { first: i, end: j + 1, values: node.values };
      level = node.next;
    }
    return best;
  }

  /** Every phrase starting at token `i`, shortest first. */
  allAt(tokens: TokenTable, i: number, limit = tokens.count): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    if (!this.mayStartAt(tokens, i, limit)) return out;
    let level: Map<string, Node<T>> | null = this.root;
    for (let j = i; j < limit && level; j++) {
      const node: Node<T> | undefined = level.get(tokens.key[j] as string);
      if (!node) break;
      if (node.values) out.push({ first: i, end: j + 1, values: node.values });
      level = node.next;
    }
    return out;
  }

  /** Longest matches left to right, not overlapping, in tokens [from, to). */
  findAll(tokens: TokenTable, from = 0, to = tokens.count): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    const hashes = tokenHashes(tokens);
    const end = Math.min(to, tokens.count);
    for (let i = Math.max(from, 0); i < end;) {
      // longestFrom's first lookup is the test whether a phrase starts here.
      const m = this.firstWords.mayHoldHash(hashes[i] as number) ? this.longestFrom(tokens, i, to) : null;
      if (m) {
        out.push(m);
        i = m.end;
      } else i++;
    }
    return out;
  }
}
