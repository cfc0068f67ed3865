import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ArticleResult } from "../src/core/record.js";
import { extract } from "../src/extract.js";
import { readInputs } from "../src/ingest/inputs.js";

/**
 * Golden articles (test/fixtures/golden, sources in its README): the whole `extract` output of
 * each is compared with the JSON checked by hand beside it. After a deliberate change, rewrite
 * them with UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts and review the diff.
 */
const DIR = "test/fixtures/golden";
const ARTICLES = [
  ...readdirSync(DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => join(DIR, f)),
  "examples/kandahar-2021-10-16.txt",
];

async function run(path: string): Promise<ArticleResult> {
  for await (const item of readInputs([path])) {
    if ("article" in item) return extract(item.article).result;
    throw item.problem;
  }
  throw new Error(`no article in ${path}`);
}

const expectedPath = (path: string) =>
  join(
    DIR,
    `${path
      .split("/")
      .pop()!
      .replace(/\.txt$/, "")}.expected.json`,
  );

describe("golden articles: the full extract output", () => {
  for (const path of ARTICLES) {
    it(path, async () => {
      const result = await run(path);
      const file = expectedPath(path);
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
      expect(result).toEqual(JSON.parse(readFileSync(file, "utf8")));
    });
  }
});
