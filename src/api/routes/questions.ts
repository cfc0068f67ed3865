import type { FastifyInstance } from "fastify";
import { SitrepError } from "../../core/errors.js";
import { actorTimeline, eventsSince, firstEventOf } from "../../query/analytics.js";
import { MASS_CASUALTY_KILLED } from "../../query/types.js";
import type { ApiContext } from "../context.js";
import { requestFilter } from "../resolve-filter.js";
import { errorResponses } from "../schemas/common.js";
import { filterProperties, querySchema, type FilterQuery } from "../schemas/filter.js";

/** The filter parameters without `actor`, which these questions take as one name of their own. */
const { actor: _actorList, ...otherFilters } = filterProperties;
const actorParam = {
  type: "string",
  minLength: 1,
  maxLength: 200,
  description: "actor name or alias (IS-K, ISKP, Daesh Khorasan → one actor)",
};

type Without<T, K extends keyof T> = Omit<T, K>;

export function questionRoutes(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Querystring: Without<FilterQuery, "actor"> & { actor: string; eventId?: number } }>(
    "/questions/first-event",
    {
      schema: {
        tags: ["questions"],
        summary:
          "The first event of an actor in a place (country, admin1, place or near); with eventId, whether that event is the first",
        description:
          "The place is given by the filter's country / admin1 / place / near; the other filters narrow the events considered. The actor counts as perpetrator or claimant.",
        querystring: querySchema(
          { actor: actorParam, eventId: { type: "integer", minimum: 1 } },
          ["actor"],
          otherFilters,
        ),
        response: errorResponses,
      },
    },
    async (request) => {
      const { actor, eventId, ...rest } = request.query;
      const filter = await requestFilter(rest);
      const { countryCodes, admin1, place, near, ...others } = filter;
      if (!countryCodes && !admin1 && !place && !near) {
        throw new SitrepError("E_VALIDATION", "say where: country, admin1, place or near", { field: "country" });
      }
      return firstEventOf(store, {
        actor,
        place: { countryCodes, admin1, place, near },
        filter: others,
        ...(eventId !== undefined ? { eventId } : {}),
      });
    },
  );

  app.get<{ Querystring: FilterQuery & { since: string; n?: number; eventId?: number; minKilled: number } }>(
    "/questions/nth-event",
    {
      schema: {
        tags: ["questions"],
        summary:
          "The events matching a condition since a date, numbered in date order: the n-th one, or the rank of an event",
        description: `"The fourth mass-casualty attack since 15 August 2021": since=2021-08-15&n=4. minKilled defaults to ${MASS_CASUALTY_KILLED} (the mass-casualty threshold of GTD and most studies); set 0 for any event.`,
        querystring: querySchema(
          {
            minKilled: { ...filterProperties.minKilled, default: MASS_CASUALTY_KILLED },
            n: { type: "integer", minimum: 1, maximum: 10_000, description: "which one (1 = the first)" },
            eventId: { type: "integer", minimum: 1, description: "answer with this event's rank" },
          },
          ["since"],
        ),
        response: errorResponses,
      },
    },
    async (request) => {
      const { n, eventId, minKilled, since, ...rest } = request.query;
      const filter = await requestFilter(rest);
      const answer = await eventsSince(store, {
        since,
        filter,
        minKilled,
        ...(eventId !== undefined ? { eventId } : {}),
      });
      const nth = n === undefined ? null : (answer.events[n - 1] ?? null);
      return {
        since,
        minKilled,
        total: answer.events.length,
        n: n ?? null,
        nth,
        ordinal: answer.ordinal,
        events: answer.events,
      };
    },
  );

  app.get<{ Querystring: Without<FilterQuery, "actor"> & { actor: string; by: "day" | "week" | "month" | "year" } }>(
    "/questions/actor-timeline",
    {
      schema: {
        tags: ["questions"],
        summary: "An actor's events and fatalities over time (as perpetrator or claimant)",
        querystring: querySchema(
          { actor: actorParam, by: { type: "string", enum: ["day", "week", "month", "year"], default: "month" } },
          ["actor"],
          otherFilters,
        ),
        response: errorResponses,
      },
    },
    async (request) => {
      const { actor, by, ...rest } = request.query;
      const filter = await requestFilter(rest);
      return { actor, by, buckets: await actorTimeline(store, { actor, by, filter }) };
    },
  );
}
