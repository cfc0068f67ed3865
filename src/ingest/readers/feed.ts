import Parser from "rss-parser";
import { SitrepError } from "../../core/errors.js";
import { checkArticleText } from "../decode.js";
import { extractPageText } from "../html-text.js";
import { parsePublished } from "../published.js";
import { article, problem, type Reader } from "../reader.js";

const parser = new Parser({ customFields: { item: [["content:encoded", "contentEncoded"]] } });

/** An RSS or Atom file: every item is an article; its HTML goes through the page extractor. */
export const feedReader: Reader = {
  name: "feed",
  accepts: (path, head) => /\.(rss|atom|xml)$/i.test(path) || /^\s*(<\?xml[^>]*>\s*)?<(rss|feed|rdf:RDF)\b/i.test(head),
  async *read(file) {
    let feed: Awaited<ReturnType<typeof parser.parseString>>;
    try {
      feed = await parser.parseString(await file.text());
    } catch (e) {
      yield problem(
        e instanceof SitrepError
          ? e
          : new SitrepError("E_FEED_PARSE", (e as Error).message.split("\n")[0], { file: file.path }),
      );
      return;
    }
    let n = 0;
    for (const item of feed.items ?? []) {
      n++;
      const where = { file: file.path, item: n };
      try {
        const html =
          (item as { contentEncoded?: string }).contentEncoded ??
          item.content ??
          item.summary ??
          item.contentSnippet ??
          "";
        const body = extractPageText(html).text;
        const title = item.title?.trim() || null;
        const raw = title ? `${title}\n\n${body}` : body;
        checkArticleText(body, where);
        yield article({
          id: item.guid ?? item.link ?? `${file.path}#${n}`,
          raw,
          title,
          published: parsePublished(item.isoDate ?? item.pubDate ?? null, { ...where, field: "pubDate" }),
          url: item.link ?? null,
          source: feed.title?.trim() || null,
          byline: item.creator ?? null,
          origin: where,
        });
      } catch (e) {
        yield problem(e instanceof SitrepError ? e : new SitrepError("E_FEED_PARSE", (e as Error).message, where));
      }
    }
    if (n === 0) yield problem(new SitrepError("E_INPUT_EMPTY", "the feed has no items", { file: file.path }));
  },
};
