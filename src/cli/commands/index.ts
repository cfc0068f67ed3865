import type { Command } from "commander";
import { registerExtract } from "./extract.js";
import { registerGeoparse } from "./geoparse.js";
import { registerIngest } from "./ingest.js";

/** Every sub-command, each in its own module. */
export function registerCommands(program: Command): void {
  registerExtract(program);
  registerGeoparse(program);
  registerIngest(program);
}
