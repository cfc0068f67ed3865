import type { FastifyInstance } from "fastify";
import type { ApiContext } from "../context.js";
import { errorResponses, noQuery } from "../schemas/common.js";
import { eventTypeNames } from "../taxonomy.js";

export function metaRoutes(app: FastifyInstance, { store, uploadLimitBytes }: ApiContext): void {
  app.get(
    "/meta",
    {
      schema: {
        querystring: noQuery,
        tags: ["meta"],
        summary:
          "What the database holds (counts, date range) and the vocabulary of filters (ACLED event and sub-event types)",
      },
    },
    async () => {
      const [counts, first, last] = await Promise.all([
        store.counts(),
        store.queryEvents({ sort: { field: "date", direction: "asc" }, limit: 1, withTotal: false }),
        store.queryEvents({ sort: { field: "date", direction: "desc" }, limit: 1, withTotal: false }),
      ]);
      return {
        dialect: store.dialect,
        counts,
        dateRange: { from: first.events[0]?.dateStart ?? null, to: last.events[0]?.dateStart ?? null },
        eventTypes: eventTypeNames(),
        uploadLimitBytes,
      };
    },
  );

  app.get<{ Querystring: { prefix: string; limit: number } }>(
    "/actors",
    {
      schema: {
        tags: ["meta"],
        summary: "Canonical actor names starting with a prefix, most events first (for pickers)",
        querystring: {
          type: "object",
          properties: {
            prefix: { type: "string", maxLength: 100, default: "" },
            limit: { type: "integer", minimum: 1, maximum: 100, default: 20 },
          },
          additionalProperties: false,
        },
        response: errorResponses,
      },
    },
    async (request) => ({ actors: await store.actorNames(request.query.prefix, request.query.limit) }),
  );
}
