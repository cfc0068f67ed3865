import type { ArticleInput } from "../core/article.js";
import { SitrepError } from "../core/errors.js";
import { decodeText } from "../ingest/decode.js";
import { chooseReader } from "../ingest/inputs.js";
import type { InputFile, Reader } from "../ingest/reader.js";
import { feedReader } from "../ingest/readers/feed.js";
import { htmlReader } from "../ingest/readers/html.js";
import { articleFromLine, jsonlReader } from "../ingest/readers/jsonl.js";

/** The media types POST /api/articles takes as raw bytes, and the reader each one means. */
export const RAW_UPLOAD_TYPES: Readonly<Record<string, Reader | null>> = {
  "text/plain": null,
  "application/octet-stream": null,
  "application/x-ndjson": jsonlReader,
  "application/jsonl": jsonlReader,
  "application/jsonlines": jsonlReader,
  "text/html": htmlReader,
  "application/xhtml+xml": htmlReader,
  "application/rss+xml": feedReader,
  "application/atom+xml": feedReader,
  "application/xml": feedReader,
  "text/xml": feedReader,
};

export interface Upload {
  /** application/json: one article object, an array of them, or `{ "articles": [...] }`. */
  readonly body: unknown;
  readonly mediaType: string;
  /** The uploaded file's name: names the articles and, for text/plain, helps choose the reader. */
  readonly filename: string;
  readonly published: string | null;
}

export interface UploadContent {
  readonly articles: ArticleInput[];
  /** Articles of the upload that could not be read; the others are still ingested. */
  readonly problems: SitrepError[];
}

function memoryFile(path: string, text: string): InputFile {
  return {
    path,
    text: async () => text,
    async *lines() {
      yield* text.replace(/^\ufeff/, "").split(/\r?\n/);
    },
  };
}

function jsonArticles(body: unknown, filename: string): unknown[] {
  if (Array.isArray(body)) return body;
  if (body && typeof body === "object" && Array.isArray((body as { articles?: unknown }).articles)) {
    return (body as { articles: unknown[] }).articles;
  }
  if (body && typeof body === "object") return [body];
  throw new SitrepError("E_JSONL_FIELD", "the JSON body must be an article object or a list of them", {
    file: filename,
    field: "body",
  });
}

/**
 * The articles of an upload, read by the same readers as `sitrep ingest` so that a file gives the
 * same articles (and the same evidence offsets) whichever way it arrives.
 */
export async function readUpload(upload: Upload): Promise<UploadContent> {
  const articles: ArticleInput[] = [];
  const problems: SitrepError[] = [];
  const take = (item: { article: ArticleInput } | { problem: SitrepError } | null) => {
    if (!item) return;
    if ("article" in item) articles.push(item.article);
    else problems.push(item.problem);
  };
  if (upload.mediaType === "application/json") {
    // Each object is checked as a JSONL line would be: same fields, same coded errors.
    jsonArticles(upload.body, upload.filename).forEach((row, i) =>
      take(articleFromLine(JSON.stringify(row) ?? "null", upload.filename, i + 1)),
    );
    return { articles, problems };
  }
  const bytes = upload.body as Buffer;
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
    throw new SitrepError("E_INPUT_EMPTY", "the upload is empty", { file: upload.filename, field: "body" });
  }
  const text = decodeText(bytes, upload.filename);
  const reader = RAW_UPLOAD_TYPES[upload.mediaType] ?? chooseReader(upload.filename, text.slice(0, 8192));
  for await (const item of reader.read(memoryFile(upload.filename, text), { published: upload.published })) take(item);
  return { articles, problems };
}
