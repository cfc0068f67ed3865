import type { ArticleInput } from "./core/article.js";
import type { ArticleResult } from "./core/record.js";
import { toArticleResult } from "./output/record.js";
import type { TraceEntry } from "./pipeline/runner.js";
import { defaultPipeline } from "./stages/index.js";
import { buildArticle } from "./text/article.js";
import type { Article } from "./core/article.js";
import { toEvidence } from "./text/evidence.js";

export interface Extraction {
  readonly article: Article;
  readonly result: ArticleResult;
  /** `--explain`: every fact and decision, with the stage and rule behind it and its words. */
  readonly trace: readonly (TraceEntry & { readonly text: string | null; readonly start: number | null })[] | null;
}

/** Article in, events out: the library form of `sitrep extract`. */
export function extract(input: ArticleInput, options: { explain?: boolean } = {}): Extraction {
  const article = buildArticle(input);
  const run = defaultPipeline().run(article, options);
  const result = toArticleResult(article, run.annotations.events ?? [], run.annotations.sources ?? []);
  const trace =
    run.trace?.map((t) => {
      const ev = t.span ? toEvidence(article, t.span) : null;
      return { ...t, text: ev?.text ?? null, start: ev?.start ?? null };
    }) ?? null;
  return { article, result, trace };
}
