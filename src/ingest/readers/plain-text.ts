import type { SitrepError } from "../../core/errors.js";
import { checkArticleText } from "../decode.js";
import { datelineDate } from "../dateline.js";
import { article, problem, type Reader } from "../reader.js";

/**
 * Any other text file: one article. Its publication date comes from `--published`, else from a
 * wire dateline at its top ("SAN SALVADOR, 15 NOV 89 --"), else it is unknown.
 */
export const plainTextReader: Reader = {
  name: "plain-text",
  accepts: () => true,
  async *read(file, options) {
    try {
      const raw = await file.text();
      checkArticleText(raw, { file: file.path });
      yield article({
        id: file.path,
        raw,
        title: null,
        published: options.published ?? datelineDate(raw),
        origin: { file: file.path },
      });
    } catch (e) {
      yield problem(e as SitrepError);
    }
  },
};
