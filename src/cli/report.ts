import { EXIT } from "../core/errors.js";
import type { SitrepError } from "../core/errors.js";

/** Counts what a command did with its inputs and turns it into an exit status scripts can rely on. */
export class RunReport {
  articles = 0;
  readonly problems: SitrepError[] = [];

  problem(e: SitrepError): void {
    this.problems.push(e);
    process.stderr.write(`sitrep: ${e.message}\n`);
  }

  /** 0 all read; 3 some inputs rejected (the rest processed); 4 nothing could be processed. */
  exitCode(): number {
    if (this.problems.length === 0) return EXIT.OK;
    return this.articles > 0 ? EXIT.PARTIAL : EXIT.NO_INPUT;
  }

  summary(): string {
    const bad = this.problems.length;
    return `${this.articles} article${this.articles === 1 ? "" : "s"}${bad ? `, ${bad} input${bad === 1 ? "" : "s"} rejected` : ""}`;
  }
}
