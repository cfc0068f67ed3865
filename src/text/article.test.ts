import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildArticle } from "./article.js";
import { toEvidence } from "./evidence.js";

const PATH = new URL("../../examples/kandahar-2021-10-16.txt", import.meta.url);
const SEED = readFileSync(PATH, "utf8");

describe("buildArticle", () => {
  const article = buildArticle({
    id: "seed",
    raw: SEED,
    analysisStart: " date 2021-10-16 ".length,
    title: "IS claims responsibility",
    published: "2021-10-16",
    origin: { file: "seed" },
  });

  it("gives tokens whose offsets slice the raw text back to the token", () => {
    for (let i = 0; i < article.tokens.count; i++) {
      const ev = toEvidence(article, { start: article.tokens.start[i]!, end: article.tokens.end[i]! });
      expect(ev).not.toBeNull();
      const v = article.tokens.value[i]!;
      if (!/['"-]/.test(v)) expect(ev!.text).toBe(v);
    }
  });

  it("keeps sentences inside paragraphs and skips the date-line prefix", () => {
    expect(article.text.startsWith("IS claims responsibility")).toBe(true);
    for (const s of article.sentences) {
      const p = article.paragraphs[s.paragraph]!;
      expect(s.start).toBeGreaterThanOrEqual(p.start);
      expect(s.end).toBeLessThanOrEqual(p.end);
    }
    expect(article.text.slice(article.sentences[1]!.start, article.sentences[1]!.end)).toMatch(
      /^On Saturday, the Islamic State/,
    );
  });

  it("reports evidence against the raw text, curly quotes included", () => {
    const at = article.text.indexOf("the Taliban's spiritual heartland");
    const ev = toEvidence(article, { start: at, end: at + "the Taliban's".length })!;
    expect(ev.text).toBe("the Taliban\u2019s");
    expect(SEED.slice(ev.start, ev.end)).toBe(ev.text);
  });

  it("is frozen and hashed by its normalised text", () => {
    expect(Object.isFrozen(article)).toBe(true);
    expect(article.hash).toMatch(/^[0-9a-f]{64}$/);
    const again = buildArticle({
      id: "other",
      raw: SEED,
      analysisStart: 17,
      title: null,
      published: null,
      origin: { file: "x" },
    });
    expect(again.hash).toBe(article.hash);
  });
});
