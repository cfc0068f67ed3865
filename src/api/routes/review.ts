import type { FastifyInstance } from "fastify";
import { SitrepError } from "../../core/errors.js";
import { correctEvent, mergeEvents, splitEvent } from "../../resolve/decisions.js";
import { actorOf, requireRole } from "../auth.js";
import type { ApiContext } from "../context.js";
import { bearerSecurity, idParams, noQuery, writeErrorResponses } from "../schemas/common.js";

const CORRECTABLE = [
  "eventType",
  "subEventType",
  "dateStart",
  "dateEnd",
  "datePrecision",
  "country",
  "countryCode",
  "admin1",
  "admin2",
  "place",
  "lat",
  "lon",
  "geoPrecision",
  "killed",
  "injured",
  "kidnapped",
  "role",
  "notes",
] as const;

const common = {
  expectedVersion: {
    type: "integer",
    minimum: 1,
    description: "the event's version as read: a stale one is refused with 409 (E_CONFLICT)",
  },
  note: { type: ["string", "null"], maxLength: 2000, description: "why; kept in the decision and the audit log" },
} as const;

const body = (properties: Record<string, object>, required: string[]) => ({
  type: "object",
  properties: { ...properties, ...common },
  required,
  additionalProperties: false,
});

/** Distinct ids, at least one. */
const idList = (maxItems: number) => ({
  type: "array",
  items: { type: "integer", minimum: 1 },
  minItems: 1,
  maxItems,
  uniqueItems: true,
});

interface Common {
  expectedVersion?: number;
  note?: string | null;
}

export function reviewRoutes(app: FastifyInstance, { store, facts }: ApiContext): void {
  const editor = requireRole(store, "editor");

  app.post<{ Params: { id: number }; Body: Common & { field: string; value: unknown } }>(
    "/events/:id/corrections",
    {
      onRequest: editor,
      schema: {
        querystring: noQuery,
        tags: ["review"],
        summary: "Corrects one field of an event; the value stands whatever reports arrive later",
        description:
          "Figures (killed, injured, kidnapped) take `{low, best, high}` (high null: open-ended); dates YYYY-MM-DD; countryCode ISO alpha-2. Recorded as a decision and in the audit log with the token's name.",
        security: bearerSecurity,
        params: idParams,
        body: body({ field: { type: "string", enum: CORRECTABLE }, value: {} }, ["field", "value"]),
        response: writeErrorResponses,
      },
    },
    async (request) => {
      const { field, value, expectedVersion, note } = request.body;
      const event = await correctEvent(store, {
        eventId: request.params.id,
        field,
        value,
        expectedVersion,
        by: actorOf(request),
        note: note ?? null,
      });
      await facts.changed([event.id]);
      return { event };
    },
  );

  app.post<{ Params: { id: number }; Body: Common & { field: string } }>(
    "/events/:id/confirmations",
    {
      onRequest: editor,
      schema: {
        querystring: noQuery,
        tags: ["review"],
        summary: "Confirms a field as it stands: the checked value is kept whatever reports arrive later",
        security: bearerSecurity,
        params: idParams,
        body: body({ field: { type: "string", enum: CORRECTABLE } }, ["field"]),
        response: writeErrorResponses,
      },
    },
    async (request) => {
      const { field, expectedVersion, note } = request.body;
      const current = await store.getEvent(request.params.id);
      if (!current) throw new SitrepError("E_NOT_FOUND", `no event ${request.params.id}`, { field: "id" });
      const value = (current.event as unknown as Record<string, unknown>)[field] ?? null;
      // A confirmation is a correction to the value the analyst checked; its note says so in the log.
      const event = await correctEvent(store, {
        eventId: request.params.id,
        field,
        value,
        expectedVersion: expectedVersion ?? current.event.version,
        by: actorOf(request),
        note: note ? `confirmed: ${note}` : "confirmed",
      });
      await facts.changed([event.id]);
      return { event };
    },
  );

  app.post<{ Params: { id: number }; Body: Common & { from: number[] } }>(
    "/events/:id/merge",
    {
      onRequest: editor,
      schema: {
        querystring: noQuery,
        tags: ["review"],
        summary: "Merges other events (duplicates) into this one: their reports move here; they then redirect here",
        security: bearerSecurity,
        params: idParams,
        body: body({ from: idList(100) }, ["from"]),
        response: writeErrorResponses,
      },
    },
    async (request) => {
      const { from, expectedVersion, note } = request.body;
      for (const id of from) {
        if (!(await store.getEvent(id))) throw new SitrepError("E_NOT_FOUND", `no event ${id}`, { field: "from" });
      }
      const event = await mergeEvents(store, {
        into: request.params.id,
        from,
        expectedVersion,
        by: actorOf(request),
        note: note ?? null,
      });
      await facts.changed([event.id, ...from]);
      return { event };
    },
  );

  app.post<{ Params: { id: number }; Body: Common & { reportIds: number[] } }>(
    "/events/:id/split",
    {
      onRequest: editor,
      schema: {
        querystring: noQuery,
        tags: ["review"],
        summary:
          "Splits reports off this event into a new event (they tell of another event); answers with the new event",
        security: bearerSecurity,
        params: idParams,
        body: body({ reportIds: idList(1000) }, ["reportIds"]),
        response: writeErrorResponses,
      },
    },
    async (request, reply) => {
      const { reportIds, expectedVersion, note } = request.body;
      const event = await splitEvent(store, {
        eventId: request.params.id,
        reportIds,
        expectedVersion,
        by: actorOf(request),
        note: note ?? null,
      });
      await facts.changed([request.params.id, event.id]);
      return reply.code(201).send({ event });
    },
  );
}
