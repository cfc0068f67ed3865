import { SitrepError } from "../core/errors.js";

/** Largest file read whole (feeds, pages, text); JSONL is streamed and has no file limit. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Largest article text analysed. */
export const MAX_ARTICLE_CHARS = 2_000_000;

/**
 * Decodes bytes as text: UTF-8 (BOM or not) or UTF-16 with a BOM. A file with NUL bytes or many
 * control characters is binary; bytes that are not valid UTF-8 are a wrong encoding. Both are
 * refused with an error naming the file, never guessed at.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) throw new SitrepError("E_INPUT_BINARY", "it contains NUL bytes", { file });
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (head.length > 0 && control / head.length > 0.05) {
    throw new SitrepError("E_INPUT_BINARY", `${control} control characters in its first ${head.length} bytes`, {
      file,
    });
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return text;
  } catch {
    throw new SitrepError(
      "E_INPUT_ENCODING",
      `byte ${firstInvalidUtf8(bytes)} is not valid UTF-8; convert the file to UTF-8`,
      {
        file,
        line: lineOfByte(bytes, firstInvalidUtf8(bytes)),
      },
    );
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] as number;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return bytes.length;
}

function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Checks an article's text: not empty, not beyond the size limit. */
export function checkArticleText(text: string, where: { file: string; line?: number }): void {
  if (text.trim() === "") throw new SitrepError("E_INPUT_EMPTY", undefined, where);
  if (text.length > MAX_ARTICLE_CHARS) {
    throw new SitrepError("E_INPUT_TOO_LARGE", `${text.length} characters; the limit is ${MAX_ARTICLE_CHARS}`, where);
  }
}
