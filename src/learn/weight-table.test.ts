import { describe, expect, it } from "vitest";
import { WeightTable } from "./weight-table.js";

describe("WeightTable", () => {
  const table = new WeightTable(Int32Array.from([17, -5, 1 << 30]), Float32Array.from([1, 2, 10, 20, 100, 200]), 2);

  it("finds the row of a feature and misses unknown ones", () => {
    expect(table.row(17)).toBe(0);
    expect(table.row(-5)).toBe(1);
    expect(table.row(1 << 30)).toBe(2);
    expect(table.row(18)).toBe(-1);
  });

  it("adds each feature once however often it is listed", () => {
    const scores = new Float64Array(2);
    table.scoreDistinct(Int32Array.from([17, 17, -5, 99, -5]), 5, scores);
    expect([...scores]).toEqual([11, 22]);
    table.score(Int32Array.from([17, 17]), 2, scores);
    expect([...scores]).toEqual([2, 4]);
  });

  it("handles items with more distinct features than its first seen-set holds", () => {
    const many = Int32Array.from({ length: 5000 }, (_, i) => i * 7 + 3);
    const withKnown = Int32Array.from([...many, 17, -5, 17]);
    const scores = new Float64Array(2);
    table.scoreDistinct(withKnown, withKnown.length, scores);
    expect([...scores]).toEqual([11, 22]);
  });
});
