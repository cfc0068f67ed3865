import { SitrepError } from "../../core/errors.js";
import { checkArticleText } from "../decode.js";
import { parsePublished } from "../published.js";
import { article, problem, type ReadItem, type Reader } from "../reader.js";

const optionalString = (v: unknown): v is string | null | undefined =>
  v === undefined || v === null || typeof v === "string";

/** One JSONL line → an article, or the coded error that names the file, line and field. */
export function articleFromLine(line: string, file: string, lineNo: number): ReadItem | null {
  if (line.trim() === "") return null;
  const where = { file, line: lineNo };
  if (line.includes("\ufffd"))
    return problem(new SitrepError("E_INPUT_ENCODING", "the line is not valid UTF-8", where));
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (e) {
    return problem(new SitrepError("E_JSONL_SYNTAX", (e as Error).message.slice(0, 80), where));
  }
  if (row === null || typeof row !== "object" || Array.isArray(row)) {
    return problem(new SitrepError("E_JSONL_FIELD", "the line is not a JSON object", where));
  }
  const r = row as Record<string, unknown>;
  const field = (name: string, detail: string) =>
    problem(new SitrepError("E_JSONL_FIELD", detail, { ...where, field: name }));
  if (typeof r.text !== "string") return field("text", "`text` must be a string");
  if (r.id !== undefined && typeof r.id !== "string" && typeof r.id !== "number")
    return field("id", "`id` must be a string");
  for (const name of ["title", "url", "source"]) {
    if (!optionalString(r[name])) return field(name, `\`${name}\` must be a string or null`);
  }
  try {
    checkArticleText(r.text, where);
    const published = parsePublished(r.published, { ...where, field: "published" });
    return article({
      id: r.id === undefined ? `${file}:${lineNo}` : String(r.id),
      raw: r.text,
      title: (r.title as string | null | undefined) ?? null,
      published,
      url: (r.url as string | null | undefined) ?? null,
      source: (r.source as string | null | undefined) ?? null,
      origin: where,
    });
  } catch (e) {
    return problem(e as SitrepError);
  }
}

/** `{id, published, title, text, url?, source?}` a line (the evaluation input format); streamed. */
export const jsonlReader: Reader = {
  name: "jsonl",
  accepts: (path, head) =>
    /\.(jsonl|ndjson)$/i.test(path) || (!/\.\w+$/.test(path) && head.trimStart().startsWith("{")),
  async *read(file) {
    let lineNo = 0;
    for await (const line of file.lines()) {
      lineNo++;
      const item = articleFromLine(line, file.path, lineNo);
      if (item) yield item;
    }
  },
};
