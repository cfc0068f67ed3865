import { createReadStream } from "node:fs";
import { open, readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { SitrepError } from "../core/errors.js";
import { MAX_FILE_BYTES, decodeText } from "./decode.js";
import { problem, type InputFile, type ReadItem, type ReadOptions, type Reader } from "./reader.js";
import { datelineTextReader } from "./readers/dateline-text.js";
import { feedReader } from "./readers/feed.js";
import { htmlReader } from "./readers/html.js";
import { jsonlReader } from "./readers/jsonl.js";
import { plainTextReader } from "./readers/plain-text.js";

/** In order of preference; plain text takes whatever the others refuse. */
export const READERS: readonly Reader[] = [jsonlReader, htmlReader, feedReader, datelineTextReader, plainTextReader];

/** Files a folder of articles often holds that are not articles: its read-me, licence, notes. */
const NOT_ARTICLES = /^(readme|licen[cs]e|copying|changelog|notice|attribution)(\.[a-z]+)?$/i;

async function* walk(path: string): AsyncGenerator<string> {
  const info = await stat(path);
  if (!info.isDirectory()) {
    yield path;
    return;
  }
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith(".") || NOT_ARTICLES.test(e.name)) continue;
    yield* walk(join(path, e.name));
  }
}

function fileInput(path: string): InputFile {
  return {
    path,
    async text() {
      const info = await stat(path);
      if (info.size > MAX_FILE_BYTES) {
        throw new SitrepError("E_INPUT_TOO_LARGE", `${info.size} bytes; the limit is ${MAX_FILE_BYTES}`, {
          file: path,
        });
      }
      return decodeText(await readFile(path), path);
    },
    async *lines() {
      const rl = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
      let first = true;
      for await (const line of rl) {
        yield first ? line.replace(/^\ufeff/, "") : line;
        first = false;
      }
    },
  };
}

function memoryInput(path: string, bytes: Buffer): InputFile {
  return {
    path,
    async text() {
      return decodeText(bytes, path);
    },
    async *lines() {
      yield* decodeText(bytes, path)
        .replace(/^\ufeff/, "")
        .split(/\r?\n/);
    },
  };
}

async function headOf(path: string): Promise<Uint8Array> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The reader for a file, from its name or, failing that, its first characters. */
export function chooseReader(path: string, head: string): Reader {
  return READERS.find((r) => r.accepts(path, head)) ?? plainTextReader;
}

/**
 * Every article in the given paths (files, directories read recursively, "-" for standard input),
 * in order. A file that cannot be read yields a problem naming it, and reading goes on.
 */
export async function* readInputs(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  for (const given of paths) {
    if (given === "-") {
      const bytes = await readStdin();
      let head: string;
      try {
        head = decodeText(bytes.subarray(0, 8192), "-");
      } catch (e) {
        yield problem(e as SitrepError);
        continue;
      }
      yield* chooseReader("-", head).read(memoryInput("-", bytes), options);
      continue;
    }
    let files: AsyncGenerator<string>;
    try {
      await stat(given);
      files = walk(given);
    } catch {
      yield problem(new SitrepError("E_INPUT_NOT_FOUND", undefined, { file: given }));
      continue;
    }
    for await (const path of files) {
      let head: string;
      try {
        const bytes = await headOf(path);
        if (bytes.length === 0) throw new SitrepError("E_INPUT_EMPTY", "the file is empty", { file: path });
        // The head may end inside a multi-byte character: only whole characters are sniffed.
        head = decodeText(trimPartialUtf8(bytes), path);
      } catch (e) {
        yield problem(
          e instanceof SitrepError ? e : new SitrepError("E_INPUT_UNREADABLE", (e as Error).message, { file: path }),
        );
        continue;
      }
      try {
        yield* chooseReader(path, head).read(fileInput(path), options);
      } catch (e) {
        yield problem(
          e instanceof SitrepError ? e : new SitrepError("E_INPUT_UNREADABLE", (e as Error).message, { file: path }),
        );
      }
    }
  }
}

function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 8192) return bytes;
  let end = bytes.length;
  let k = 0;
  while (end > 0 && k < 4 && ((bytes[end - 1] as number) & 0xc0) === 0x80) {
    end--;
    k++;
  }
  if (end > 0 && (bytes[end - 1] as number) >= 0xc0) end--;
  return bytes.subarray(0, end);
}
