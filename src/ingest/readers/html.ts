import { SitrepError } from "../../core/errors.js";
import { checkArticleText } from "../decode.js";
import { extractPageText } from "../html-text.js";
import { parsePublished } from "../published.js";
import { article, problem, type Reader } from "../reader.js";

/**
 * A saved web page. Its text is what readability finds (title, then paragraphs); that text is
 * what the user is shown and what evidence offsets point into.
 */
export const htmlReader: Reader = {
  name: "html",
  accepts: (path, head) => /\.x?html?$/i.test(path) || /^\s*(<!doctype html|<html)/i.test(head),
  async *read(file, options) {
    try {
      const page = extractPageText(await file.text());
      if (!page.text.trim())
        throw new SitrepError("E_HTML_PARSE", "no paragraphs of text were found", { file: file.path });
      const raw = page.title ? `${page.title}\n\n${page.text}` : page.text;
      checkArticleText(raw, { file: file.path });
      let published: string | null = options.published ?? null;
      try {
        published = parsePublished(page.published, { file: file.path, field: "published_time" }) ?? published;
      } catch {
        // A page's own date meta that cannot be read is ignored: the page is still an article.
      }
      yield article({
        id: file.path,
        raw,
        title: page.title,
        published,
        byline: page.byline,
        source: page.siteName,
        origin: { file: file.path },
      });
    } catch (e) {
      yield problem(
        e instanceof SitrepError ? e : new SitrepError("E_HTML_PARSE", (e as Error).message, { file: file.path }),
      );
    }
  },
};
