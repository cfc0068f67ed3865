import { describe, expect, it } from "vitest";
import { articleFromText } from "../text/article.js";
import { numberAt } from "./number-words.js";
import { quantityAt } from "./quantity.js";

/** The quantity starting at the first token of `words` (read as an article of its own). */
function quantity(words: string) {
  const a = articleFromText(words);
  const q = quantityAt(a.tokens, 0);
  return (
    q && {
      low: q.low,
      best: q.best,
      high: q.high,
      words: a.text.slice(a.tokens.start[q.first], a.tokens.end[q.end - 1]),
    }
  );
}

describe("numberAt", () => {
  it.each([
    ["forty-one people", 41],
    ["FORTY ONE PEOPLE", 41],
    ["three hundred soldiers", 300],
    ["three hundred and twenty peasants", 320],
    ["two thousand people", 2000],
    ["a dozen candidates", 12],
    ["half a dozen", 6],
    ["1,500 people", 1500],
    ["70,000 SALVADORANS", 70000],
    ["1.5 million people", 1500000],
    ["twelve", 12],
  ])("reads %j as %d", (words, value) => {
    expect(numberAt(articleFromText(words).tokens, 0)?.value).toBe(value);
  });

  it("reads no number in words that only look like one", () => {
    for (const words of ["hundreds of people", "someone", "a man", "3.5 percent", "2nd"]) {
      expect(numberAt(articleFromText(words).tokens, 0), words).toBeNull();
    }
  });
});

describe("quantityAt", () => {
  it.each([
    // FORMAT.md and UCDP practice: the qualifier moves low and opens high.
    ["at least 41 people", { low: 41, best: 41, high: null, words: "at least 41" }],
    ["more than 60 people", { low: 61, best: 61, high: null, words: "more than 60" }],
    ["OVER 7,000 PEOPLE", { low: 7001, best: 7001, high: null, words: "OVER 7,000" }],
    ["NEARLY 1,500 PEOPLE", { low: 1350, best: 1499, high: 1499, words: "NEARLY 1,500" }],
    ["up to 30 people", { low: 30, best: 30, high: 30, words: "up to 30" }],
    ["ABOUT 50 PEASANTS", { low: 50, best: 50, high: 50, words: "ABOUT 50" }],
    ["SOME 20 INJURED", { low: 20, best: 20, high: 20, words: "SOME 20" }],
    ["between 10 and 15 people", { low: 10, best: 10, high: 15, words: "between 10 and 15" }],
    ["THREE OR FOUR PEOPLE", { low: 3, best: 3, high: 4, words: "THREE OR FOUR" }],
    ["20-25 people", { low: 20, best: 20, high: 25, words: "20-25" }],
    ["dozens more", { low: 24, best: 24, high: null, words: "dozens" }],
    ["scores of people", { low: 40, best: 40, high: null, words: "scores" }],
    ["HUNDREDS WOUNDED", { low: 200, best: 200, high: null, words: "HUNDREDS" }],
    ["SEVERAL WERE WOUNDED", { low: 3, best: 3, high: null, words: "SEVERAL" }],
    ["a number of civilians", { low: 2, best: 2, high: null, words: "a number of" }],
    ["more than a dozen people", { low: 13, best: 13, high: null, words: "more than a dozen" }],
  ])("reads %j", (words, expected) => {
    expect(quantity(words)).toEqual(expected);
  });

  it("reads nothing when a qualifier has no number after it", () => {
    expect(quantity("at least the mosque")).toBeNull();
    expect(quantity("over the border")).toBeNull();
  });
});
