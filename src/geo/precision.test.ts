import { describe, expect, it } from "vitest";
import { acledGeoPrecision, placePrecision } from "./precision.js";

describe("placePrecision", () => {
  it("codes a town or a site as the town itself, ACLED geo_precision 1", () => {
    expect(placePrecision("city")).toBe("city");
    expect(placePrecision("site")).toBe("city");
    expect(acledGeoPrecision(placePrecision("city"))).toBe(1);
  });

  it("codes a district as 2 and a province or wider as 3", () => {
    expect(placePrecision("admin2")).toBe("district");
    expect(acledGeoPrecision("district")).toBe(2);
    expect(placePrecision("admin1")).toBe("province");
    expect(placePrecision("country")).toBe("country");
    expect(placePrecision("region")).toBe("region");
    expect(acledGeoPrecision("province")).toBe(3);
    expect(acledGeoPrecision("country")).toBe(3);
  });
});
