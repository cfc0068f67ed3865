import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ERRORS, SitrepError, asSitrepError, type ErrorCode } from "../core/errors.js";

/** The JSON body of every error the API answers with; `code` is the catalogue's. */
export interface ApiErrorBody {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly message: string;
  readonly field?: string;
  readonly file?: string;
  readonly line?: number;
  readonly item?: number;
}

export const errorBodySchema = {
  $id: "ApiError",
  type: "object",
  description: "A coded error: `code` comes from sitrep's error catalogue, `field` names the offending request field.",
  properties: {
    statusCode: { type: "integer" },
    code: { type: "string", enum: Object.keys(ERRORS) },
    message: { type: "string" },
    field: { type: "string" },
    file: { type: "string" },
    line: { type: "integer" },
    item: { type: "integer" },
  },
  required: ["statusCode", "code", "message"],
} as const;

/** Ajv reports `/since` or `/body/0/text`; analysts read `since` and `body[0].text`. */
function fieldOf(error: FastifyError): string | undefined {
  const first = error.validation?.[0];
  if (!first) return undefined;
  const params = first.params as Record<string, unknown>;
  const path = first.instancePath
    .split("/")
    .filter(Boolean)
    .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join("");
  const extra = (params.missingProperty ?? params.additionalProperty) as string | undefined;
  const name = [path, extra].filter(Boolean).join(".");
  return name || error.validationContext;
}

function validationDetail(error: FastifyError): string {
  const first = error.validation?.[0];
  if (!first) return error.message;
  const params = first.params as Record<string, unknown>;
  if (params.additionalProperty) return `unknown ${error.validationContext ?? "request"} field`;
  if (Array.isArray(params.allowedValues)) return `${first.message}: ${(params.allowedValues as unknown[]).join(", ")}`;
  return first.message ?? error.message;
}

/** Turns whatever a route or fastify threw into a coded SitrepError. */
export function toSitrepError(error: unknown): SitrepError {
  if (error instanceof SitrepError) return error;
  const fe = error as FastifyError;
  if (fe.validation) {
    return new SitrepError("E_VALIDATION", validationDetail(fe), { field: fieldOf(fe) });
  }
  switch (fe.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new SitrepError("E_PAYLOAD_TOO_LARGE", fe.message, { field: "body" });
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new SitrepError("E_INPUT_FORMAT", fe.message, { field: "content-type" });
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new SitrepError("E_VALIDATION", fe.message, { field: "body" });
  }
  if (error instanceof SyntaxError && (fe.statusCode === 400 || /JSON/.test(fe.message))) {
    return new SitrepError("E_VALIDATION", `the body is not valid JSON (${fe.message})`, { field: "body" });
  }
  if (typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new SitrepError("E_VALIDATION", fe.message);
  }
  return asSitrepError(error);
}

export function errorBody(err: SitrepError): ApiErrorBody {
  return { statusCode: err.http, ...err.toJSON() };
}

export function sendError(reply: FastifyReply, err: SitrepError): FastifyReply {
  return reply.code(err.http).type("application/json; charset=utf-8").send(errorBody(err));
}

/** Every error leaves the API coded; internal ones are logged with their stack, never sent. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    let err = toSitrepError(error);
    if (err.code === "E_PAYLOAD_TOO_LARGE") {
      // Say what the limit is, so that the sender knows how much to cut.
      const limit = request.routeOptions.bodyLimit;
      err = new SitrepError("E_PAYLOAD_TOO_LARGE", `the limit is ${limit.toLocaleString("en")} bytes`, err.where);
    }
    if (err.http >= 500) request.log.error({ err: error }, err.message);
    else request.log.info({ code: err.code, field: err.where.field }, err.message);
    const safe = err.code === "E_INTERNAL" ? new SitrepError("E_INTERNAL", "see the server log") : err;
    return sendError(reply, safe);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new SitrepError("E_NOT_FOUND", `no route ${request.method} ${request.url.split("?")[0]}`)),
  );
}
