import { PassThrough } from "node:stream";
import type { FastifyInstance } from "fastify";
import { exportEvents, type ExportFormat } from "../../export/export.js";
import type { ApiContext } from "../context.js";
import { requestFilter } from "../resolve-filter.js";
import { errorResponses } from "../schemas/common.js";
import { querySchema, type FilterQuery } from "../schemas/filter.js";

const FORMATS: Record<ExportFormat, { type: string; extension: string }> = {
  jsonl: { type: "application/x-ndjson; charset=utf-8", extension: "jsonl" },
  "acled-csv": { type: "text/csv; charset=utf-8", extension: "csv" },
  geojson: { type: "application/geo+json; charset=utf-8", extension: "geojson" },
};

/** Waits for room in the stream, or fails when the client went away (so the export stops reading). */
function drained(out: PassThrough): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      out.off("close", onClose);
      resolve();
    };
    const onClose = () => {
      out.off("drain", onDrain);
      reject(new Error("the client closed the download"));
    };
    out.once("drain", onDrain);
    out.once("close", onClose);
  });
}

export function exportRoutes(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Querystring: FilterQuery & { format: ExportFormat } }>(
    "/export",
    {
      schema: {
        tags: ["export"],
        summary: "Every event of a filter as a download: JSONL (full records with evidence), ACLED CSV or GeoJSON",
        description:
          "Streamed as it is read, so any size of export keeps the server's memory flat. The same output as `sitrep export`.",
        querystring: querySchema({ format: { type: "string", enum: Object.keys(FORMATS), default: "jsonl" } }),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { format, ...filterQuery } = request.query;
      // Resolved before the first byte, so that a bad filter is still a coded 400 and not a broken download.
      const filter = await requestFilter(filterQuery);
      const out = new PassThrough();
      const write = async (chunk: string) => {
        if (out.destroyed) throw new Error("the client closed the download");
        if (!out.write(chunk)) await drained(out);
      };
      exportEvents(store, format, filter, write).then(
        () => out.end(),
        (e: unknown) => {
          request.log.error({ err: e }, "export failed midway");
          out.destroy(e as Error);
        },
      );
      const spec = FORMATS[format];
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type(spec.type)
        .header("content-disposition", `attachment; filename="sitrep-events-${stamp}.${spec.extension}"`)
        .send(out);
    },
  );
}
