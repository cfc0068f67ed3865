import type { ArticleInput } from "../core/article.js";
import type { SitrepError } from "../core/errors.js";

/** What reading an input yields: an article, or a problem naming the file and line, never both. */
export type ReadItem = { readonly article: ArticleInput } | { readonly problem: SitrepError };

export interface ReadOptions {
  /** Publication date for plain-text articles that carry none (`--published`). */
  readonly published?: string | null;
}

/** An input file, opened lazily: whole (decoded and checked) or line by line (streamed). */
export interface InputFile {
  /** The path as the user gave it (or "-" for standard input). */
  readonly path: string;
  text(): Promise<string>;
  lines(): AsyncIterable<string>;
}

/** One input format. Each reader lives in its own module under readers/. */
export interface Reader {
  readonly name: string;
  /** Takes a file by its name, or by its first characters when the name says nothing. */
  accepts(path: string, head: string): boolean;
  read(file: InputFile, options: ReadOptions): AsyncIterable<ReadItem>;
}

export const problem = (error: SitrepError): ReadItem => ({ problem: error });
export const article = (input: ArticleInput): ReadItem => ({ article: input });
