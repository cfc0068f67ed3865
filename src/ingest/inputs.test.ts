import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ArticleInput } from "../core/article.js";
import type { SitrepError } from "../core/errors.js";
import { readInputs } from "./inputs.js";

const fixture = (name: string) => fileURLToPath(new URL(`../../test/fixtures/inputs/${name}`, import.meta.url));
const SEED = fileURLToPath(new URL("../../examples/kandahar-2021-10-16.txt", import.meta.url));

async function readAll(paths: string[], published?: string) {
  const articles: ArticleInput[] = [];
  const problems: SitrepError[] = [];
  for await (const item of readInputs(paths, { published: published ?? null })) {
    if ("article" in item) articles.push(item.article);
    else problems.push(item.problem);
  }
  return { articles, problems };
}

describe("readInputs", () => {
  it("reads the date-line format: publication date and headline from the first line, offsets into the whole file", async () => {
    const { articles, problems } = await readAll([SEED]);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    const a = articles[0]!;
    expect(a.published).toBe("2021-10-16");
    expect(a.title).toBe(
      "IS claims responsibility for a deadly suicide attack on a Shiite mosque in Kandahar, Afghanistan.",
    );
    expect(a.raw.slice(a.analysisStart ?? 0)).toMatch(/^IS claims responsibility/);
    expect(a.id).toBe(SEED);
  });

  it("reads JSONL line by line, reporting each bad line by file, line and field and keeping the rest", async () => {
    const { articles, problems } = await readAll([fixture("mixed.jsonl")]);
    expect(articles.map((a) => a.id)).toEqual(["a1", "a5"]);
    expect(articles[1]!.published).toBe("1989-11-16");
    expect(problems.map((p) => [p.code, p.where.line, p.where.field])).toEqual([
      ["E_JSONL_SYNTAX", 2, undefined],
      ["E_DATE_INVALID", 3, "published"],
      ["E_INPUT_EMPTY", 4, undefined],
    ]);
    expect(problems[0]!.message).toContain("mixed.jsonl, line 2");
  });

  it("extracts the article of a web page: title, publication time, paragraphs, no scripts or navigation", async () => {
    const { articles, problems } = await readAll([fixture("page.html")]);
    expect(problems).toEqual([]);
    const a = articles[0]!;
    expect(a.published).toBe("2021-10-16");
    expect(a.raw).toContain("that killed at least 41 people and injured dozens more.\n\nThe strike on Friday");
    expect(a.raw).not.toContain("tracker");
    expect(a.raw).not.toContain("Home");
  });

  it("reads each RSS item as an article and reports an item without text by its number", async () => {
    const { articles, problems } = await readAll([fixture("feed.rss")]);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.id).toBe("https://example.org/kandahar");
    expect(articles[0]!.published).toBe("2021-10-16");
    expect(articles[0]!.source).toBe("Example Wire");
    expect(articles[0]!.raw).toMatch(/^IS claims responsibility .*\n\nOn Saturday, the Islamic State/);
    expect(problems.map((p) => [p.code, p.where.item])).toEqual([["E_INPUT_EMPTY", 2]]);
  });

  it("refuses binary, empty and non-UTF-8 files by path, and reads the rest of a directory", async () => {
    const { articles, problems } = await readAll([fixture("")]);
    const byCode = Object.fromEntries(problems.map((p) => [p.code, p.where.file?.split("/").pop()]));
    expect(byCode.E_INPUT_BINARY).toBe("image.png");
    expect(byCode.E_INPUT_ENCODING).toBe("latin1.txt");
    expect(problems.find((p) => p.where.file?.endsWith("empty.txt"))?.code).toBe("E_INPUT_EMPTY");
    expect(articles.map((a) => a.id)).toEqual(expect.arrayContaining(["a1", "a5", "https://example.org/kandahar"]));
  });

  it("names a path that does not exist", async () => {
    const { problems } = await readAll(["no/such/file.txt"]);
    expect(problems[0]!.code).toBe("E_INPUT_NOT_FOUND");
    expect(problems[0]!.message).toContain("no/such/file.txt");
  });
});
