import { describe, expect, it } from "vitest";
import { KeyFilter } from "./key-filter.js";
import { PhraseIndex } from "./phrases.js";
import { articleFromText } from "./article.js";

describe("KeyFilter", () => {
  it("holds every key added, the empty key too", () => {
    const keys = ["kill", "bomb", "al", "ñandú", "", "x", "u.s."];
    const f = new KeyFilter(keys);
    for (const k of keys) expect(f.mayHold(k)).toBe(true);
  });

  it("turns away nearly every key not added", () => {
    const f = new KeyFilter(["bomb", "kill", "attack"]);
    let held = 0;
    for (let i = 0; i < 1000; i++) if (f.mayHold(`word${i}`)) held++;
    expect(held).toBeLessThan(10);
  });
});

describe("PhraseIndex with its first-word filter", () => {
  it("finds the same phrases and no phrase past the end of the tokens", () => {
    const index = new PhraseIndex<string>([
      ["car bomb", "weapon"],
      ["bomb", "weapon"],
      ["barb", "other"],
    ]);
    const a = articleFromText("A car bomb and a bomb exploded.");
    expect(index.findAll(a.tokens).map((m) => [m.first, m.end])).toEqual([
      [1, 3],
      [5, 6],
    ]);
    expect(index.starts(a.tokens.key[a.tokens.count])).toBe(false);
    expect(index.longestAt(a.tokens, a.tokens.count)).toBeNull();
    expect(index.allAt(a.tokens, 1).map((m) => m.end)).toEqual([3]);
  });
});
