import type { FastifyInstance } from "fastify";
import { SitrepError } from "../../core/errors.js";
import { ingestArticles } from "../../ingest/pipeline.js";
import { parsePublished } from "../../ingest/published.js";
import { article, problem } from "../../ingest/reader.js";
import { actorOf, requireRole } from "../auth.js";
import type { ApiContext } from "../context.js";
import { errorBody } from "../errors.js";
import { bearerSecurity, writeErrorResponses } from "../schemas/common.js";
import { RAW_UPLOAD_TYPES, readUpload } from "../upload.js";

const articleSchema = {
  type: "object",
  properties: {
    id: { type: ["string", "number"] },
    text: { type: "string", minLength: 1 },
    title: { type: ["string", "null"] },
    published: { type: ["string", "null"], description: "YYYY-MM-DD" },
    url: { type: ["string", "null"] },
    source: { type: ["string", "null"], description: "the outlet" },
  },
  required: ["text"],
} as const;

/**
 * The items, handing the event loop back between them: extraction is synchronous, and a large
 * upload must not keep the map and the other analysts waiting until its last article.
 */
async function* yielding<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    await new Promise((resolve) => setImmediate(resolve));
    yield item;
  }
}

interface IngestQuery {
  filename?: string;
  published?: string;
}

/** POST /api/articles: the same ingest as `sitrep ingest`, for one uploaded file or JSON body. */
export async function ingestRoutes(
  app: FastifyInstance,
  { store, facts, uploadLimitBytes }: ApiContext,
): Promise<void> {
  // Raw uploads arrive as bytes: the readers decode them, so that encoding errors are coded as on the CLI.
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser(Object.keys(RAW_UPLOAD_TYPES), { parseAs: "buffer" }, (_request, body, done) =>
    done(null, body),
  );

  app.post<{ Querystring: IngestQuery }>(
    "/articles",
    {
      onRequest: requireRole(store, "editor"),
      bodyLimit: uploadLimitBytes,
      schema: {
        tags: ["articles"],
        summary: "Ingests articles: date-line text, plain text, JSONL, an HTML page, an RSS/Atom feed, or JSON",
        description:
          "Send the file as the body with its media type (text/plain, application/x-ndjson, text/html, application/rss+xml, application/atom+xml) " +
          "or JSON: one article `{text, published, title, url, source}`, a list of them, or `{articles: [...]}`. " +
          "Articles are extracted, matched to the events already stored and stored; an article already stored (same text) is not stored twice. " +
          "Articles that cannot be read are listed in `problems` with their coded error; the others are still ingested. Needs an editor token.",
        security: bearerSecurity,
        querystring: {
          type: "object",
          properties: {
            filename: {
              type: "string",
              minLength: 1,
              maxLength: 255,
              description: "the file's name: names the articles and, for text/plain, helps pick the reader",
            },
            published: {
              type: "string",
              format: "date",
              description: "publication date for plain text that carries none",
            },
          },
          additionalProperties: false,
        },
        body: {
          content: {
            "application/json": {
              schema: {
                oneOf: [
                  articleSchema,
                  { type: "array", items: articleSchema, minItems: 1 },
                  {
                    type: "object",
                    properties: { articles: { type: "array", items: articleSchema, minItems: 1 } },
                    required: ["articles"],
                    additionalProperties: false,
                  },
                ],
              },
            },
          },
        },
        response: writeErrorResponses,
      },
    },
    async (request, reply) => {
      const mediaType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      const filename = request.query.filename ?? "upload";
      const published = request.query.published
        ? parsePublished(request.query.published, { file: filename, field: "published" })
        : null;
      const upload = await readUpload({ body: request.body, mediaType, filename, published });
      const events = new Set<number>();
      const summary = await ingestArticles(
        store,
        yielding([...upload.problems.map(problem), ...upload.articles.map(article)]),
        {
          onArticle: (outcome) => outcome.reports.forEach((r) => events.add(r.eventId)),
        },
      );
      if (summary.articles === 0 && summary.problems.length > 0) {
        // Nothing could be read or extracted: the gravest problem is the answer (a broken data file is the server's fault, 5xx).
        throw [...summary.problems].sort((a, b) => b.http - a.http)[0] as SitrepError;
      }
      await facts.changed([...events]);
      const actor = actorOf(request);
      await store.transaction((tx) =>
        tx.audit({
          actor,
          action: "ingest",
          eventId: null,
          detail: {
            filename,
            mediaType,
            articles: summary.articles,
            stored: summary.stored,
            newEvents: summary.newEvents,
            matchedReports: summary.matchedReports,
            problems: summary.problems.length,
          },
        }),
      );
      const { problems, ...counts } = summary;
      return reply
        .code(summary.stored > 0 ? 201 : 200)
        .send({ ...counts, events: [...events].sort((a, b) => a - b), problems: problems.map(errorBody) });
    },
  );
}
