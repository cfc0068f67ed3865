import { describe, expect, test } from "vitest";
import { bucketCount, bucketKeys, bucketStart, intervalFor } from "./time-buckets.js";

describe("time buckets", () => {
  test("the interval grows with the span", () => {
    expect(intervalFor("2021-10-01", "2021-10-31")).toBe("day");
    expect(intervalFor("2021-01-01", "2022-06-30")).toBe("week");
    expect(intervalFor("2000-01-01", "2021-12-31")).toBe("month");
    expect(intervalFor("1900-01-01", "2021-12-31")).toBe("year");
  });

  test("weeks start on Monday, months and years on their first day", () => {
    expect(bucketStart("2021-10-17", "week")).toBe("2021-10-11");
    expect(bucketStart("2021-10-11", "week")).toBe("2021-10-11");
    expect(bucketStart("2021-10-17", "month")).toBe("2021-10-01");
    expect(bucketStart("2021-10-17", "year")).toBe("2021-01-01");
  });

  test("the number of buckets is counted without listing them", () => {
    for (const [from, to] of [
      ["2020-02-27", "2020-03-01"],
      ["2021-11-15", "2022-02-01"],
      ["2021-12-30", "2022-01-12"],
      ["1989-03-15", "2021-11-02"],
    ] as const) {
      for (const interval of ["day", "week", "month", "year"] as const) {
        const listed = bucketKeys(from, to, interval, 100_000).length;
        const counted = bucketCount(from, to, interval);
        // A week count may be one over (the partial weeks at both ends); never under.
        expect(counted - listed).toBeGreaterThanOrEqual(0);
        expect(counted - listed).toBeLessThanOrEqual(interval === "week" ? 1 : 0);
      }
    }
  });

  test("every bucket of a span, across month and year ends", () => {
    expect(bucketKeys("2021-11-15", "2022-02-01", "month")).toEqual([
      "2021-11-01",
      "2021-12-01",
      "2022-01-01",
      "2022-02-01",
    ]);
    expect(bucketKeys("2020-02-27", "2020-03-01", "day")).toEqual([
      "2020-02-27",
      "2020-02-28",
      "2020-02-29",
      "2020-03-01",
    ]);
    expect(bucketKeys("2021-12-30", "2022-01-12", "week")).toEqual(["2021-12-27", "2022-01-03", "2022-01-10"]);
    expect(bucketKeys("2000-01-01", "2021-01-01", "day", 10)).toHaveLength(10);
  });
});
