import type { FastifyInstance } from "fastify";
import type { ApiContext } from "../context.js";
import { aggregateRoutes } from "./aggregates.js";
import { articleRoutes } from "./articles.js";
import { auditRoutes } from "./audit.js";
import { eventRoutes } from "./events.js";
import { exportRoutes } from "./export.js";
import { ingestRoutes } from "./ingest.js";
import { mapRoutes } from "./map.js";
import { metaRoutes } from "./meta.js";
import { questionRoutes } from "./questions.js";
import { reviewRoutes } from "./review.js";
import { tokenRoutes } from "./tokens.js";

/** Every route under /api, each family in its own module. */
export async function registerRoutes(api: FastifyInstance, ctx: ApiContext): Promise<void> {
  eventRoutes(api, ctx);
  articleRoutes(api, ctx);
  aggregateRoutes(api, ctx);
  mapRoutes(api, ctx);
  auditRoutes(api, ctx);
  exportRoutes(api, ctx);
  tokenRoutes(api, ctx);
  metaRoutes(api, ctx);
  questionRoutes(api, ctx);
  reviewRoutes(api, ctx);
  // Its own scope: the raw-body parsers of uploads apply to this route only.
  await api.register(async (scope) => ingestRoutes(scope, ctx));
}
