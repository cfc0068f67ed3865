import type { FastifyInstance } from "fastify";
import { SitrepError } from "../../core/errors.js";
import type { ApiContext } from "../context.js";
import { errorResponses, idParams, noQuery } from "../schemas/common.js";

export function articleRoutes(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Querystring: { limit: number; offset: number } }>(
    "/articles",
    {
      schema: {
        tags: ["articles"],
        summary: "Stored articles, most recently ingested first (without their text)",
        querystring: {
          type: "object",
          properties: {
            limit: { type: "integer", minimum: 0, maximum: 1000, default: 50 },
            offset: { type: "integer", minimum: 0, default: 0 },
          },
          additionalProperties: false,
        },
        response: errorResponses,
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const [articles, counts] = await Promise.all([store.listArticles({ limit, offset }), store.counts()]);
      return { total: counts.articles, limit, offset, articles };
    },
  );

  app.get<{ Params: { id: number } }>(
    "/articles/:id",
    {
      schema: {
        querystring: noQuery,
        tags: ["articles"],
        summary: "One article with its text (evidence offsets point into it) and the events it reports",
        params: idParams,
        response: errorResponses,
      },
    },
    async (request) => {
      const { id } = request.params;
      const article = await store.getArticle(id);
      if (!article) throw new SitrepError("E_NOT_FOUND", `no article ${id}`, { field: "id" });
      const reports = await store.reportsOfArticle(id);
      return { ...article, reports };
    },
  );
}
