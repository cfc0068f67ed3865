import type { FastifyInstance } from "fastify";
import { SitrepError } from "../../core/errors.js";
import type { ApiContext } from "../context.js";
import { MEMORY_SORTS } from "../facts/order.js";
import { requestFilter } from "../resolve-filter.js";
import { errorResponses, idParams, noQuery } from "../schemas/common.js";
import { pageProperties, querySchema, type FilterQuery, type PageQuery } from "../schemas/filter.js";

export function eventRoutes(app: FastifyInstance, { store, facts }: ApiContext): void {
  app.get<{ Querystring: FilterQuery & PageQuery }>(
    "/events",
    {
      schema: {
        tags: ["events"],
        summary: "Events matching a filter, sorted and paged",
        querystring: querySchema(pageProperties),
        response: errorResponses,
      },
    },
    async (request) => {
      const { sort, order, limit, offset, ...filterQuery } = request.query;
      const filter = await requestFilter(filterQuery);
      const sortBy = { field: sort, direction: order } as const;
      if (MEMORY_SORTS.has(sort)) {
        // The selection the map and timeline of this filter use, ordered in memory: the store then
        // reads only the page's events, by id.
        const { ids, total } = await facts.page(filter, sort, order, offset, limit);
        const page = ids.length
          ? await store.queryEvents({ filter: { ids }, sort: sortBy, limit, withTotal: false })
          : { events: [] };
        return { total, limit, offset, events: page.events };
      }
      const [page, view] = await Promise.all([
        store.queryEvents({ filter, sort: sortBy, limit, offset, withTotal: false }),
        facts.view(filter),
      ]);
      return { total: view.total, limit, offset, events: page.events };
    },
  );

  app.get<{ Params: { id: number } }>(
    "/events/:id",
    {
      schema: {
        querystring: noQuery,
        tags: ["events"],
        summary:
          "One event: its reconciled fields, every report with its record and evidence offsets, figure history, decisions",
        params: idParams,
        response: errorResponses,
      },
    },
    async (request) => {
      const detail = await store.getEvent(request.params.id);
      if (!detail) throw new SitrepError("E_NOT_FOUND", `no event ${request.params.id}`, { field: "id" });
      return detail;
    },
  );
}
