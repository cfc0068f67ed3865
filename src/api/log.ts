import type { FastifyServerOptions } from "fastify";

const LEVELS: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };

/**
 * The server's log for a person at a terminal: one plain line a message on stderr
 * ("sitrep serve: warn: the web UI is not built ..."), with the error's stack when there is one,
 * instead of JSON records.
 */
export function terminalLogger(level = "info"): FastifyServerOptions["logger"] {
  return {
    level,
    stream: {
      write(line: string) {
        let record: { level?: number; msg?: string; err?: { stack?: string }; code?: string };
        try {
          record = JSON.parse(line) as typeof record;
        } catch {
          process.stderr.write(line);
          return;
        }
        const name = LEVELS[record.level ?? 30] ?? "info";
        const stack = record.err?.stack ? `\n${record.err.stack}` : "";
        process.stderr.write(`sitrep serve: ${name === "info" ? "" : `${name}: `}${record.msg ?? ""}${stack}\n`);
      },
    },
  };
}
