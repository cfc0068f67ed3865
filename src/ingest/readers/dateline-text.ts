import { SitrepError } from "../../core/errors.js";
import { checkArticleText } from "../decode.js";
import { parsePublished } from "../published.js";
import { article, problem, type Reader } from "../reader.js";

/** First line ` date YYYY-MM-DD headline`, then the body (the seed article's format). */
const HEADER = /^\s*date (\S+)[ \t]*([^\n]*)/;

export function isDatelineText(head: string): boolean {
  return /^\s*date \d{4}-\d{2}-\d{2}\b/.test(head);
}

export const datelineTextReader: Reader = {
  name: "dateline-text",
  accepts: (_path, head) => isDatelineText(head),
  async *read(file) {
    const raw = await file.text();
    const m = HEADER.exec(raw);
    if (!m) {
      yield problem(
        new SitrepError("E_INPUT_FORMAT", "first line is not ` date YYYY-MM-DD headline`", {
          file: file.path,
          line: 1,
        }),
      );
      return;
    }
    try {
      const published = parsePublished(m[1], { file: file.path, line: 1, field: "date" });
      const headline = (m[2] ?? "").trim();
      // The headline is analysed with the body; only the " date YYYY-MM-DD " prefix is skipped.
      const analysisStart = m[0].length - (m[2] ?? "").length;
      checkArticleText(raw.slice(analysisStart), { file: file.path });
      yield article({
        id: file.path,
        raw,
        analysisStart,
        title: headline || null,
        published,
        origin: { file: file.path },
      });
    } catch (e) {
      yield problem(e as SitrepError);
    }
  },
};
