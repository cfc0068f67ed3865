import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from "fastify";
import { openStore } from "../store/open.js";
import type { Store } from "../store/store.js";
import { projectPath } from "../util/paths.js";
import type { ApiContext } from "./context.js";
import { DEFAULT_BODY_LIMIT, DEFAULT_UPLOAD_LIMIT } from "./limits.js";
import { FactsCache, type FactsCacheOptions } from "./facts/facts-cache.js";
import { registerDocs } from "./docs.js";
import { errorBodySchema, installErrorHandlers } from "./errors.js";
import { registerRoutes } from "./routes/index.js";
import { terminalLogger } from "./log.js";
import { registerUi } from "./static-ui.js";

export interface ServerOptions {
  /** Fastify's logger: false (tests), true, or pino options. Default false. */
  readonly logger?: FastifyServerOptions["logger"];
  /** The built UI; default web/dist of this checkout. */
  readonly webRoot?: string;
  /** Largest article upload. Default 10 MiB. */
  readonly uploadLimitBytes?: number;
  /** Largest body of every other request. Default 1 MiB. */
  readonly bodyLimitBytes?: number;
  /** How the in-memory facts of the map and timeline follow the database. */
  readonly facts?: FactsCacheOptions;
  /** Load the map's facts as soon as the server is ready, rather than on the first request. */
  readonly warm?: boolean;
  /** No log line per request (errors are still logged). */
  readonly quietRequests?: boolean;
}

/** The HTTP API and UI over an open store; the caller owns the store and closes it. */
export async function buildServer(store: Store, options: ServerOptions = {}): Promise<FastifyInstance> {
  const ctx: ApiContext = {
    store,
    facts: new FactsCache(store, options.facts),
    uploadLimitBytes: options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT,
    bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
  };
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({ disableRequestLogging: options.quietRequests ?? false }),
    bodyLimit: ctx.bodyLimitBytes,
    // Unknown parameters are refused rather than dropped: a misspelt filter must not silently widen a query.
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: "array",
        useDefaults: true,
        allErrors: false,
        allowUnionTypes: true,
      },
    },
  });
  installErrorHandlers(app);
  app.addSchema(errorBodySchema);
  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    return payload;
  });
  await registerDocs(app);
  await app.register(async (api) => registerRoutes(api, ctx), { prefix: "/api" });
  await registerUi(app, options.webRoot ?? projectPath("web", "dist"));
  if (options.warm) {
    app.addHook("onReady", async () => {
      ctx.facts.view({}).catch((e: unknown) => app.log.error({ err: e }, "loading the map's event facts failed"));
    });
  }
  return app;
}

export interface StartOptions extends ServerOptions {
  /** A SQLite file or a postgres:// URL (the CLI's --db). */
  readonly db: string;
  readonly port?: number;
  readonly host?: string;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  /** Where the UI is, e.g. http://127.0.0.1:8080/ */
  readonly url: string;
  /** Stops listening and closes the store. */
  close(): Promise<void>;
}

/** Starts listening (port 0: any free port) and answers with the URL of the UI, e.g. http://127.0.0.1:8080/ */
export async function listen(app: FastifyInstance, port: number, host: string): Promise<string> {
  await app.listen({ port, host });
  const address = app.server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${shown}:${bound}/`;
}

/** Opens the database and serves the API and UI on it (`sitrep serve`, `sitrep demo`). */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const store = await openStore(options.db);
  let app: FastifyInstance;
  let url: string;
  try {
    app = await buildServer(store, { logger: terminalLogger(), warm: true, quietRequests: true, ...options });
    url = await listen(app, options.port ?? 8080, options.host ?? "127.0.0.1");
  } catch (e) {
    await store.close();
    throw e;
  }
  return {
    app,
    store,
    url,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
