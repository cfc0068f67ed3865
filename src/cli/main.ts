#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { EXIT, asSitrepError, isSitrepError } from "../core/errors.js";
import { registerCommands } from "./commands/index.js";

const program = new Command();
program
  .name("sitrep")
  .description(
    "Turns news articles about political violence into a conflict-event database, with evidence for every fact.",
  )
  .version("0.1.0")
  .option("--db <file>", "database: a SQLite file or a postgres:// URL", "./sitrep.db")
  .showHelpAfterError()
  .exitOverride()
  .addHelpText(
    "after",
    `
Exit status: 0 done; 2 usage error; 3 some inputs were rejected (the rest was processed);
4 no input could be processed; 5 database error; 1 internal error.

Examples:
  $ sitrep ingest examples/
  $ sitrep events --country AF --since 2021-08-15 --format table
  $ sitrep extract article.txt --format jsonl`,
  );
registerCommands(program);

// `sitrep events | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(EXIT.OK);
  throw e;
});

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  } else {
    const err = asSitrepError(e);
    process.stderr.write(`sitrep: ${err.message}\n`);
    if (!isSitrepError(e) || err.code === "E_INTERNAL") process.stderr.write(`${(e as Error)?.stack ?? ""}\n`);
    process.exitCode = err.exit;
  }
}
