import type { FastifyRequest, onRequestAsyncHookHandler } from "fastify";
import { SitrepError } from "../core/errors.js";
import type { ApiToken, Store, TokenRole } from "../store/store.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The token that authorised this request, set by `requireRole`. */
    apiToken?: ApiToken;
  }
}

const RANK: Record<TokenRole, number> = { editor: 1, admin: 2 };

function bearer(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (!header)
    throw new SitrepError("E_AUTH_MISSING", "send `Authorization: Bearer <token>`", { field: "authorization" });
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw new SitrepError("E_AUTH_INVALID", "the header must read `Bearer <token>`", { field: "authorization" });
  return m[1] as string;
}

/**
 * An onRequest hook: it runs before the body is read, so that an upload without a valid token is
 * refused without being received.
 */
export function requireRole(store: Store, role: TokenRole): onRequestAsyncHookHandler {
  return async (request) => {
    const token = await store.verifyToken(bearer(request));
    if (!token) throw new SitrepError("E_AUTH_INVALID", "unknown or revoked token", { field: "authorization" });
    if (RANK[token.role] < RANK[role]) {
      throw new SitrepError("E_AUTH_ROLE", `this needs an ${role} token; "${token.name}" is ${token.role}`, {
        field: "authorization",
      });
    }
    request.apiToken = token;
  };
}

/** Who the audit log names for a request: the token's name. */
export function actorOf(request: FastifyRequest): string {
  const token = request.apiToken;
  if (!token) throw new SitrepError("E_AUTH_MISSING", "this action needs a token", { field: "authorization" });
  return `token:${token.name}`;
}
