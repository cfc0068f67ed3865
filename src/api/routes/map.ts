import type { FastifyInstance } from "fastify";
import type { ApiContext } from "../context.js";
import { parseBbox } from "../filter-params.js";
import { cellRadiansFor, clusterGrid, countUnlocated, intersect, paddedBounds } from "../map-clusters.js";
import { requestFilter } from "../resolve-filter.js";
import { errorResponses } from "../schemas/common.js";
import { filterProperties, querySchema, type FilterQuery } from "../schemas/filter.js";

const clusterSchema = {
  type: "object",
  properties: {
    lat: { type: "number" },
    lon: { type: "number" },
    events: { type: "integer" },
    killedBest: { type: "integer" },
    eventType: { type: "string" },
    types: { type: "object", additionalProperties: { type: "integer" } },
    id: { type: ["integer", "null"] },
    south: { type: "number" },
    west: { type: "number" },
    north: { type: "number" },
    east: { type: "number" },
  },
} as const;

export function mapRoutes(app: FastifyInstance, { facts }: ApiContext): void {
  app.get<{ Querystring: FilterQuery & { zoom: number; bounds?: string } }>(
    "/map",
    {
      schema: {
        tags: ["map"],
        summary: "Events with coordinates, clustered on the server for a zoom level and the visible bounds",
        description:
          "Events within about 60 screen pixels of each other at `zoom` share a cluster (a global grid, so clusters stay put while the map pans). A cluster of one event carries its `id`.",
        querystring: querySchema({
          zoom: { type: "integer", minimum: 0, maximum: 22, default: 2 },
          bounds: { ...filterProperties.bbox, description: "the visible map: west,south,east,north" },
        }),
        response: {
          200: {
            type: "object",
            properties: {
              zoom: { type: "integer" },
              events: { type: "integer", description: "events in the clusters (inside the view)" },
              unlocated: { type: "integer", description: "events of the filter without coordinates, not on the map" },
              clusters: { type: "array", items: clusterSchema },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { zoom, bounds, ...filterQuery } = request.query;
      const { bbox, ...filter } = await requestFilter(filterQuery);
      // The filter selects the events (the store's answer, cached per filter); the view only crops them.
      const view = bounds ? intersect(paddedBounds(parseBbox(bounds, "bounds")), bbox) : (bbox ?? null);
      const { snapshot, positions } = await facts.view(filter);
      const unlocated = countUnlocated(snapshot, positions);
      if (bounds && !view) return { zoom, events: 0, unlocated, clusters: [] };
      const clusters = clusterGrid(snapshot, positions, cellRadiansFor(zoom), view);
      return { zoom, events: clusters.reduce((n, c) => n + c.events, 0), unlocated, clusters };
    },
  );
}
