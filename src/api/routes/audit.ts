import type { FastifyInstance } from "fastify";
import type { ApiContext } from "../context.js";
import { errorResponses } from "../schemas/common.js";

export function auditRoutes(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Querystring: { event?: number; limit: number; offset: number } }>(
    "/audit",
    {
      schema: {
        tags: ["review"],
        summary: "The audit log: who changed what and when (ingest, corrections, merges, splits, tokens), newest first",
        querystring: {
          type: "object",
          properties: {
            event: { type: "integer", minimum: 1, description: "only entries about this event" },
            limit: { type: "integer", minimum: 1, maximum: 1000, default: 100 },
            offset: { type: "integer", minimum: 0, default: 0 },
          },
          additionalProperties: false,
        },
        response: errorResponses,
      },
    },
    async (request) => {
      const { event, limit, offset } = request.query;
      const entries = await store.auditLog({ ...(event !== undefined ? { eventId: event } : {}), limit, offset });
      return { limit, offset, entries };
    },
  );
}
