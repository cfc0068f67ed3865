import type { FastifyInstance } from "fastify";
import { SitrepError } from "../../core/errors.js";
import type { GroupBy } from "../../query/types.js";
import type { ApiContext } from "../context.js";
import { requestFilter } from "../resolve-filter.js";
import { errorResponses } from "../schemas/common.js";
import { ACTOR_ROLES, querySchema, type FilterQuery } from "../schemas/filter.js";
import { dateExtent, timelineBuckets } from "../facts/timeline.js";
import { MAX_BUCKETS, bucketCount, intervalFor, type Interval } from "../time-buckets.js";

const GROUPS = [
  "day",
  "week",
  "month",
  "year",
  "country",
  "admin1",
  "actor",
  "eventType",
  "subEventType",
  "dataset",
] as const;

const bucketSchema = {
  type: "object",
  properties: {
    key: { type: "string" },
    events: { type: "integer" },
    killedLow: { type: "integer" },
    killedBest: { type: "integer" },
    injuredBest: { type: "integer" },
  },
  required: ["key", "events", "killedLow", "killedBest", "injuredBest"],
} as const;

export function aggregateRoutes(app: FastifyInstance, { store, facts }: ApiContext): void {
  app.get<{
    Querystring: FilterQuery & { groupBy: GroupBy; groupRole?: (typeof ACTOR_ROLES)[number][]; limit: number };
  }>(
    "/aggregates",
    {
      schema: {
        tags: ["aggregates"],
        summary: "Event counts and fatality sums grouped by period, country, admin1, actor, type or dataset",
        querystring: querySchema(
          {
            groupBy: { type: "string", enum: GROUPS },
            groupRole: {
              type: "array",
              items: { type: "string", enum: ACTOR_ROLES },
              description: "with groupBy=actor: count actors in these roles (default perpetrator)",
            },
            limit: { type: "integer", minimum: 1, maximum: 10_000, default: 1000 },
          },
          ["groupBy"],
        ),
        response: {
          200: {
            type: "object",
            properties: { groupBy: { type: "string" }, buckets: { type: "array", items: bucketSchema } },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { groupBy, groupRole, limit, ...filterQuery } = request.query;
      const filter = await requestFilter(filterQuery);
      const buckets = await store.aggregate({
        filter,
        groupBy,
        limit,
        ...(groupRole ? { actorRoles: groupRole } : {}),
      });
      return { groupBy, buckets };
    },
  );

  app.get<{ Querystring: FilterQuery & { interval: Interval | "auto" } }>(
    "/timeline",
    {
      schema: {
        tags: ["aggregates"],
        summary:
          "Events and fatalities per day, week, month or year, every period of the span present (zeros included)",
        querystring: querySchema({
          interval: { type: "string", enum: ["auto", "day", "week", "month", "year"], default: "auto" },
        }),
        response: {
          200: {
            type: "object",
            properties: {
              interval: { type: "string" },
              from: { type: ["string", "null"] },
              to: { type: ["string", "null"] },
              buckets: { type: "array", items: bucketSchema },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { interval: asked, ...filterQuery } = request.query;
      const filter = await requestFilter(filterQuery);
      const { snapshot, positions } = await facts.view(filter);
      const extent = dateExtent(snapshot, positions);
      if (!extent) return { interval: asked === "auto" ? "day" : asked, from: null, to: null, buckets: [] };
      // The chart spans the filter's dates when it has them, so that a brushed range stays put.
      const from = filter.since ?? extent.from;
      const to = filter.until ?? extent.to;
      const interval = asked === "auto" ? intervalFor(from, to) : asked;
      if (bucketCount(from, to, interval) > MAX_BUCKETS) {
        throw new SitrepError(
          "E_VALIDATION",
          `${from} to ${to} is more than ${MAX_BUCKETS} ${interval}s: ask for a coarser interval or a shorter range`,
          {
            field: "interval",
          },
        );
      }
      return { interval, from, to, buckets: timelineBuckets(snapshot, positions, from, to, interval) };
    },
  );
}
