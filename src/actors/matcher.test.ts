import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleFromText } from "../text/article.js";
import { articleActors, findActors } from "./matcher.js";

const SEED = readFileSync(new URL("../../examples/kandahar-2021-10-16.txt", import.meta.url), "utf8");

describe("articleActors", () => {
  it("lists the same actors as a scan of the whole article, once per article", () => {
    const article = articleFromText(SEED);
    const actors = articleActors(article);
    expect(actors.map((m) => m.entry.name)).toEqual(findActors(article).map((m) => m.entry.name));
    expect(actors.map((m) => m.entry.name)).toContain("Islamic State Khorasan Province");
    expect(articleActors(article)).toBe(actors);
    expect(Object.isFrozen(actors)).toBe(true);
  });

  it("scans a new article afresh", () => {
    const first = articleActors(articleFromText(SEED));
    const other = articleActors(articleFromText("Taliban fighters attacked a checkpoint in Kunduz."));
    expect(other).not.toBe(first);
    expect(other.map((m) => m.entry.name)).toEqual(["Taliban"]);
  });
});

describe("state forces", () => {
  it("of two countries whose adjectives share one force noun are both found", () => {
    const found = findActors(articleFromText("Pakistani and Afghan forces exchanged fire at the Torkham crossing."));
    expect(found.map((m) => m.entry.name)).toEqual(["Military Forces of Pakistan", "Military Forces of Afghanistan"]);
  });
});
