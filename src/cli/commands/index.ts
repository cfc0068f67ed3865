import type { Command } from "commander";
import { registerDemo } from "./demo.js";
import { registerExtract } from "./extract.js";
import { registerGeoparse } from "./geoparse.js";
import { registerEvents } from "./events.js";
import { registerExport } from "./export.js";
import { registerImport } from "./import.js";
import { registerIngest } from "./ingest.js";
import { registerServe } from "./serve.js";
import { registerToken } from "./token.js";

/** Every sub-command, each in its own module. */
export function registerCommands(program: Command): void {
  registerDemo(program);
  registerExtract(program);
  registerGeoparse(program);
  registerIngest(program);
  registerImport(program);
  registerEvents(program);
  registerExport(program);
  registerServe(program);
  registerToken(program);
}
