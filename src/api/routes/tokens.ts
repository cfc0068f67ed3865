import type { FastifyInstance } from "fastify";
import { SitrepError } from "../../core/errors.js";
import type { TokenRole } from "../../store/store.js";
import { actorOf, requireRole } from "../auth.js";
import type { ApiContext } from "../context.js";
import { bearerSecurity, idParams, noQuery, writeErrorResponses } from "../schemas/common.js";

export function tokenRoutes(app: FastifyInstance, { store }: ApiContext): void {
  app.get(
    "/whoami",
    {
      onRequest: requireRole(store, "editor"),
      schema: {
        querystring: noQuery,
        tags: ["tokens"],
        summary: "The token sent: its name and role (the UI checks a token with this)",
        security: bearerSecurity,
        response: writeErrorResponses,
      },
    },
    async (request) => request.apiToken,
  );

  const admin = requireRole(store, "admin");

  app.get(
    "/tokens",
    {
      onRequest: admin,
      schema: {
        querystring: noQuery,
        tags: ["tokens"],
        summary: "Every API token (never the token itself); admin only",
        security: bearerSecurity,
        response: writeErrorResponses,
      },
    },
    async () => ({ tokens: await store.listTokens() }),
  );

  app.post<{ Body: { name: string; role: TokenRole } }>(
    "/tokens",
    {
      onRequest: admin,
      schema: {
        querystring: noQuery,
        tags: ["tokens"],
        summary: "Creates a token; the answer is the only time it is shown. Admin only",
        security: bearerSecurity,
        body: {
          type: "object",
          properties: {
            name: { type: "string", minLength: 1, maxLength: 100, pattern: "\\S" },
            role: { type: "string", enum: ["editor", "admin"] },
          },
          required: ["name", "role"],
          additionalProperties: false,
        },
        response: writeErrorResponses,
      },
    },
    async (request, reply) => {
      const { token, info } = await store.createToken(request.body.name.trim(), request.body.role);
      await store.transaction((tx) =>
        tx.audit({
          actor: actorOf(request),
          action: "token.create",
          eventId: null,
          detail: { id: info.id, name: info.name, role: info.role },
        }),
      );
      return reply.code(201).send({ token, info });
    },
  );

  app.delete<{ Params: { id: number } }>(
    "/tokens/:id",
    {
      onRequest: admin,
      schema: {
        querystring: noQuery,
        tags: ["tokens"],
        summary: "Revokes a token; admin only",
        security: bearerSecurity,
        params: idParams,
        response: writeErrorResponses,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await store.listTokens()).some((t) => t.id === id)) {
        throw new SitrepError("E_NOT_FOUND", `no token ${id}`, { field: "id" });
      }
      await store.revokeToken(id);
      await store.transaction((tx) =>
        tx.audit({ actor: actorOf(request), action: "token.revoke", eventId: null, detail: { id } }),
      );
      return reply.code(204).send();
    },
  );
}
