import type { Command } from "commander";
import { registerExtract } from "./extract.js";

/** Every sub-command, each in its own module. */
export function registerCommands(program: Command): void {
  registerExtract(program);
}
