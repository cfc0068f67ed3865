import { describe, expect, it } from "vitest";
import { decodeText } from "./decode.js";

describe("decodeText", () => {
  it("decodes UTF-8 with and without a byte-order mark, and UTF-16 with one", () => {
    expect(decodeText(Buffer.from("Kandahar \u2014 Afghanistan", "utf8"), "a")).toBe("Kandahar \u2014 Afghanistan");
    expect(decodeText(Buffer.from("\ufeffKunduz", "utf8"), "a")).toBe("Kunduz");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Mosul", "utf16le")]);
    expect(decodeText(utf16, "a")).toBe("Mosul");
  });

  it("names the file and line of the first byte that is not UTF-8", () => {
    const bytes = Buffer.concat([Buffer.from("line one\nline two caf"), Buffer.from([0xe9]), Buffer.from("\n")]);
    expect(() => decodeText(bytes, "story.txt")).toThrow(/E_INPUT_ENCODING: story.txt, line 2/);
  });

  it("refuses binary files", () => {
    expect(() => decodeText(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), "report.pdf")).toThrow(
      /E_INPUT_BINARY: report.pdf/,
    );
  });
});
