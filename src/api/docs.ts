import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";

/** The OpenAPI document (/docs/json, /docs/yaml) built from the routes' schemas, and a page to read it at /docs. */
export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "sitrep",
        version: "0.1.0",
        description:
          "Conflict events extracted from news articles, each coded fact with the span of text that supports it. " +
          "Reading needs no token; ingest and review need an editor token sent as `Authorization: Bearer <token>` " +
          "(`sitrep token create --name NAME --role editor`). Every error is `{statusCode, code, message, field?}` with a code from sitrep's catalogue.",
      },
      tags: [
        { name: "events", description: "Events and their evidence" },
        { name: "articles", description: "Articles: read and ingest" },
        { name: "aggregates", description: "Counts for charts" },
        { name: "map", description: "Clustered map data" },
        { name: "questions", description: "Analytic questions" },
        { name: "review", description: "Corrections, merges, splits and the audit log" },
        { name: "export", description: "Exports" },
        { name: "tokens", description: "API tokens" },
        { name: "meta", description: "Vocabulary and counts" },
      ],
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "a token from `sitrep token create`" },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs", uiConfig: { docExpansion: "list", deepLinking: true } });
}
