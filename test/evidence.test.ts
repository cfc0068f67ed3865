/**
 * Every coded fact carries evidence: the extract output of the seed article and of every
 * development article validates against the shipped JSON Schema, and every {text, start, end}
 * in it slices the text the user gave back to its words.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ArticleInput } from "../src/core/article.js";
import { extract } from "../src/extract.js";
import { readInputs } from "../src/ingest/inputs.js";
import { validateArticleResult } from "../src/output/validate.js";
import { devDataDir } from "../scripts/dev/dev-data.js";

const SEED = fileURLToPath(new URL("../examples/kandahar-2021-10-16.txt", import.meta.url));
const DEV = devDataDir();

async function articles(path: string): Promise<ArticleInput[]> {
  const out: ArticleInput[] = [];
  for await (const item of readInputs([path])) {
    if ("problem" in item) throw item.problem;
    out.push(item.article);
  }
  return out;
}

describe("extract output: schema and evidence", () => {
  it("writes one valid record for the seed article, with its two events and evidence that slices the file", async () => {
    const [input] = await articles(SEED);
    const { result } = extract(input!);
    expect(validateArticleResult(result, input!.raw)).toEqual([]);
    expect(result.id).toBe(SEED);
    expect(result.events.map((e) => [e.role, e.subEventType, e.location?.name, e.date?.start])).toEqual([
      ["reported", "Suicide bomb", "Kandahār", "2021-10-15"],
      ["background", "Attack", "Kunduz", "2021-10-08"],
    ]);
    const raw = readFileSync(SEED, "utf8");
    const killed = result.events[0]!.killed!;
    expect(raw.slice(killed.start, killed.end)).toBe(killed.text);
  });

  for (const name of ["records-dev", "wikievents-dev", "case-dev", "muc4-dev"]) {
    it.runIf(existsSync(`${DEV}/${name}.jsonl`))(`validates every article of ${name}`, async () => {
      const inputs = await articles(`${DEV}/${name}.jsonl`);
      expect(inputs.length).toBeGreaterThan(10);
      let events = 0;
      const problems: string[] = [];
      for (const input of inputs) {
        const { result } = extract(input);
        events += result.events.length;
        for (const p of validateArticleResult(result, input.raw)) problems.push(`${input.id}: ${p}`);
      }
      expect(problems).toEqual([]);
      expect(events).toBeGreaterThan(0);
    });
  }
});
