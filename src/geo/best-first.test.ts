import { describe, expect, it } from "vitest";
import { bestFirst } from "./best-first.js";

const scored = (pairs: [string, number][]) => pairs.map(([name, score]) => ({ name, score }));
const names = (xs: { name: string }[]) => xs.map((x) => x.name);

describe("bestFirst", () => {
  it("keeps the best readings, best first, as a stable sort would", () => {
    // Readings of "San Jose": the capital of Costa Rica and namesakes, two of them tied.
    const xs = scored([
      ["San Jose, Guatemala", 4.1],
      ["San Jose, Costa Rica", 9.2],
      ["San Jose, California", 7.5],
      ["San Jose, Honduras", 4.1],
      ["San Jose, Philippines", 5.0],
      ["San Jose, Uruguay", 4.1],
    ]);
    const sorted = [...xs].sort((a, b) => b.score - a.score);
    for (let keep = 0; keep <= xs.length + 1; keep++) expect(bestFirst(xs, keep)).toEqual(sorted.slice(0, keep));
    expect(names(bestFirst(xs, 5))).toEqual([
      "San Jose, Costa Rica",
      "San Jose, California",
      "San Jose, Philippines",
      "San Jose, Guatemala",
      "San Jose, Honduras",
    ]);
  });

  it("matches a full sort on many random lists with ties", () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 300; n++) {
      const xs = scored(Array.from({ length: n % 40 }, (_, i) => [`p${i}`, Math.floor(next() * 8) / 2]));
      expect(bestFirst(xs, 5)).toEqual([...xs].sort((a, b) => b.score - a.score).slice(0, 5));
    }
  });

  it("leaves a list with a NaN score to the sort", () => {
    const xs = scored([
      ["a", 1],
      ["b", Number.NaN],
      ["c", 3],
    ]);
    expect(bestFirst(xs, 2)).toEqual([...xs].sort((a, b) => b.score - a.score).slice(0, 2));
  });
});
