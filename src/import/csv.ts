import { createReadStream } from "node:fs";
import { SitrepError } from "../core/errors.js";

/**
 * A streaming RFC 4180 CSV reader: one pass over the bytes, one state machine, so time is linear
 * in the input and memory bounded by the longest row. Quoted fields may hold commas, quotes ("")
 * and line breaks. A malformed row (text after a closing quote, a quote left open at the end) is
 * yielded as a problem with its line number, and reading goes on at the next line.
 */

export interface CsvRow {
  /** Line on which the row starts (1-based). */
  readonly line: number;
  readonly fields: string[];
}

export type CsvItem = { readonly row: CsvRow } | { readonly problem: SitrepError };

/** Largest row accepted: a longer one is a sign of a quote that was never closed. */
const MAX_ROW_CHARS = 1_000_000;

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

class CsvParser {
  private field = "";
  private fields: string[] = [];
  private quoted = false;
  /** In a quoted field, the previous character was a quote: either an escaped quote or the closing one. */
  private quoteSeen = false;
  /** The field began with a quote (a quote later in an unquoted field is data). */
  private fieldStarted = false;
  /** The row is broken; skip to its end and report it. */
  private broken: string | null = null;
  private rowChars = 0;
  private line = 1;
  private rowLine = 1;
  private lastWasCR = false;
  private atRowStart = true;

  constructor(private readonly file: string) {}

  private endField(): void {
    this.fields.push(this.field);
    this.field = "";
    this.quoted = false;
    this.quoteSeen = false;
    this.fieldStarted = false;
  }

  private endRow(out: CsvItem[]): void {
    if (this.broken !== null) {
      out.push({ problem: new SitrepError("E_CSV_ROW", this.broken, { file: this.file, line: this.rowLine }) });
    } else {
      this.fields.push(this.field);
      // A blank line is no row.
      if (!(this.fields.length === 1 && this.fields[0] === ""))
        out.push({ row: { line: this.rowLine, fields: this.fields } });
    }
    this.field = "";
    this.fields = [];
    this.quoted = false;
    this.quoteSeen = false;
    this.fieldStarted = false;
    this.broken = null;
    this.rowChars = 0;
    this.atRowStart = true;
  }

  /** Counts the line breaks of data inside a quoted field (CRLF, LF or CR alone). */
  private countBreaks(chunk: string, from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const c = chunk.charCodeAt(k);
      if (c === LF) {
        if (!this.lastWasCR) this.line++;
        this.lastWasCR = false;
      } else if (c === CR) {
        this.line++;
        this.lastWasCR = true;
      } else this.lastWasCR = false;
    }
  }

  /** Scans a chunk in slices between the characters that matter: linear, and no string built char by char. */
  push(chunk: string, out: CsvItem[]): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (c === LF && this.lastWasCR) {
        // The LF of a CRLF: the line (and maybe the row) already ended at the CR.
        this.lastWasCR = false;
        i++;
        continue;
      }
      if (this.atRowStart) {
        this.rowLine = this.line;
        this.atRowStart = false;
      }
      if (this.quoted && !this.quoteSeen && this.broken === null) {
        const q = chunk.indexOf('"', i);
        const to = q < 0 ? n : q;
        this.countBreaks(chunk, i, to);
        this.field += chunk.slice(i, to);
        this.rowChars += to - i;
        if (this.rowChars > MAX_ROW_CHARS)
          this.broken = `row longer than ${MAX_ROW_CHARS} characters (a quote left open?)`;
        if (q >= 0) this.quoteSeen = true;
        i = to + 1;
        continue;
      }
      this.lastWasCR = false;
      if (c === LF || c === CR) {
        this.line++;
        this.lastWasCR = c === CR;
        this.endRow(out);
        i++;
        continue;
      }
      if (this.broken !== null) {
        i++;
        continue;
      }
      if (this.quoteSeen) {
        this.quoteSeen = false;
        if (c === QUOTE) this.field += '"';
        else if (c === COMMA) this.endField();
        else this.broken = `text after the closing quote of field ${this.fields.length + 1}`;
        i++;
        continue;
      }
      if (c === COMMA) {
        this.endField();
        i++;
        continue;
      }
      if (c === QUOTE && !this.fieldStarted && this.field === "") {
        this.quoted = true;
        this.fieldStarted = true;
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n) {
        const d = chunk.charCodeAt(j);
        if (d === COMMA || d === LF || d === CR) break;
        j++;
      }
      this.field += chunk.slice(i, j);
      this.fieldStarted = true;
      this.rowChars += j - i;
      if (this.rowChars > MAX_ROW_CHARS) this.broken = `row longer than ${MAX_ROW_CHARS} characters`;
      i = j;
    }
  }

  finish(out: CsvItem[]): void {
    if (this.quoted && !this.quoteSeen && this.broken === null) this.broken = "a quoted field is never closed";
    if (!this.atRowStart || this.field !== "" || this.fields.length > 0) this.endRow(out);
  }
}

/** Rows of CSV text given in chunks (streams, or one string in tests). */
export async function* parseCsv(
  chunks: AsyncIterable<string> | Iterable<string>,
  file: string,
): AsyncGenerator<CsvItem> {
  const parser = new CsvParser(file);
  const out: CsvItem[] = [];
  let first = true;
  for await (let chunk of chunks) {
    if (first) {
      chunk = chunk.replace(/^\ufeff/, "");
      first = false;
    }
    parser.push(chunk, out);
    yield* out;
    out.length = 0;
  }
  parser.finish(out);
  yield* out;
}

/**
 * Decoded text of a file, chunk by chunk; bytes that are not UTF-8 stop the reading with an error
 * naming the file and the line where they are (what was read before stays read).
 */
export async function* readTextChunks(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let stream;
  try {
    stream = createReadStream(path);
  } catch (e) {
    throw new SitrepError("E_INPUT_UNREADABLE", (e as Error).message, { file: path });
  }
  try {
    for await (const bytes of stream as AsyncIterable<Buffer>) {
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch {
        throw new SitrepError("E_INPUT_ENCODING", "the file is not valid UTF-8; convert it to UTF-8", {
          file: path,
          line,
        });
      }
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
      yield text;
    }
  } catch (e) {
    if (e instanceof SitrepError) throw e;
    const code = (e as NodeJS.ErrnoException).code === "ENOENT" ? "E_INPUT_NOT_FOUND" : "E_INPUT_UNREADABLE";
    throw new SitrepError(code, (e as Error).message, { file: path });
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new SitrepError("E_INPUT_ENCODING", "the file ends inside a UTF-8 character", { file: path, line });
  }
}
