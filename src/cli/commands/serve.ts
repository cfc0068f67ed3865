import type { Command } from "commander";
import { SitrepError } from "../../core/errors.js";
import { DEFAULT_UPLOAD_LIMIT } from "../../api/limits.js";
import { portNumber } from "../options.js";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the HTTP API (OpenAPI at /docs) and the web UI on the database")
    .option("-p, --port <port>", "port to listen on (0: any free port)", "8080")
    .option("--host <host>", "address to listen on (0.0.0.0 for every interface)", "127.0.0.1")
    .option("--upload-limit-mb <mb>", "largest article upload, in MiB", String(DEFAULT_UPLOAD_LIMIT / 1024 / 1024))
    .addHelpText(
      "after",
      `
Reading needs no token. Ingest (POST /api/articles) and review (corrections, merges, splits) need
an editor token: create one with \`sitrep token create --name NAME --role editor\`.
The web UI is served from web/dist: build it once with \`npm run build:web\`.

Examples:
  $ sitrep serve
  $ sitrep --db postgres://localhost/sitrep serve --host 0.0.0.0 --port 8080`,
    )
    .action(async (opts: { port: string; host: string; uploadLimitMb: string }) => {
      const mb = Number(opts.uploadLimitMb);
      if (!(mb > 0 && mb <= 1024))
        throw new SitrepError("E_USAGE", `--upload-limit-mb must be between 0 and 1024, not "${opts.uploadLimitMb}"`);
      // Loaded here so that commands that serve nothing never load the web server.
      const { startServer } = await import("../../api/server.js");
      const server = await startServer({
        db: program.opts<{ db: string }>().db,
        port: portNumber(opts.port),
        host: opts.host,
        uploadLimitBytes: Math.round(mb * 1024 * 1024),
      });
      process.stderr.write(`sitrep: serving ${server.url} (API docs: ${server.url}docs)\n`);
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
