import { describe, expect, it } from "vitest";
import type { FigureMention } from "../../core/annotations.js";
import { summariseFigures } from "./figures.js";

let at = 0;
/** A figure mention as the figures stage gives it; spans only order the mentions here. */
function fig(low: number, best: number, high: number | null, revision = false): FigureMention {
  at += 10;
  return {
    span: { start: at, end: at + 5 },
    rule: "test",
    confidence: 0.9,
    kind: "killed",
    low,
    best,
    high,
    group: null,
    perpetrators: null,
    revision,
    sourceIndex: null,
  };
}

describe("reconciling the figures of one event (UCDP low / best / high)", () => {
  it('"at least 41" then "41 people were killed" (seed): 41, 41, 41', () => {
    const s = summariseFigures([fig(41, 41, null), fig(41, 41, 41)]);
    expect(s).toMatchObject({ low: 41, best: 41, high: 41 });
    expect(s?.mentions).toHaveLength(2);
  });

  it('"injured dozens more" then "70 were injured" (seed): the exact 70 meets the vague bound', () => {
    const s = summariseFigures([fig(24, 24, null), fig(70, 70, 70)]);
    expect(s).toMatchObject({ low: 70, best: 70, high: 70 });
  });

  it('"killing 10 people ... Two more died later in hospital": 12', () => {
    const s = summariseFigures([fig(10, 10, 10), { ...fig(2, 2, 2), additional: true }]);
    expect(s).toMatchObject({ low: 12, best: 12, high: 12 });
    expect(s?.mentions).toHaveLength(2);
    // with nothing to add to, it is the count
    expect(summariseFigures([{ ...fig(2, 2, 2), additional: true }])).toMatchObject({ best: 2 });
  });

  it('"more than 60 people dead" alone (seed): low 61, open-ended', () => {
    expect(summariseFigures([fig(61, 61, null)])).toMatchObject({ low: 61, best: 61, high: null });
  });

  it("conflicting reports: the lowest credible is low, the largest exact is best", () => {
    expect(summariseFigures([fig(5, 5, 5), fig(7, 7, 7)])).toMatchObject({ low: 5, best: 7, high: 7 });
  });

  it("a revised toll supersedes what came before it", () => {
    const s = summariseFigures([fig(20, 20, 20), fig(25, 25, 25), fig(63, 63, 63, true)]);
    expect(s).toMatchObject({ low: 63, best: 63, high: 63 });
    expect(s?.chosen.best).toBe(63);
  });

  it("adds the doers' deaths told apart from a count of the other side, and only then", () => {
    const side = (n: number, group: FigureMention["group"]) => ({ ...fig(n, n, n), group });
    // "23 Afghan soldiers ... Twenty insurgents were killed" (WikiEvents dev)
    expect(summariseFigures([side(23, "security"), side(20, "perpetrators")])).toMatchObject({
      low: 43,
      best: 43,
      high: 43,
      perpetrators: 20,
    });
    // "12 people on both sides ... 10 rebels were also killed" (CASE dev): the 12 holds the 10
    expect(summariseFigures([side(12, null), side(10, "perpetrators")])).toMatchObject({ best: 12 });
  });

  it("no mention, no figure", () => {
    expect(summariseFigures([])).toBeNull();
  });
});
