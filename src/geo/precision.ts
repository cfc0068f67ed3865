import type { FeatureType } from "../core/annotations.js";
import type { LocationPrecision } from "../core/frame.js";

/**
 * The precision a place gives an event, as ACLED codes geo_precision: a town or a named site is
 * the place itself ("city"; geo_precision 1), a district is "district" (2), a province "province"
 * (3), a country "country". A region wider than a country ("Middle East", "the Sahel") is "region".
 * A site (a mosque, an airport) is located at its town, so it codes as "city" too: the site kind is
 * kept apart in the record, and ACLED has no finer level.
 */
export function placePrecision(featureType: FeatureType): LocationPrecision {
  switch (featureType) {
    case "city":
    case "site":
      return "city";
    case "admin2":
      return "district";
    case "admin1":
      return "province";
    case "country":
      return "country";
    case "region":
      return "region";
    case "other":
      return "province";
  }
}

/** ACLED geo_precision code of a location precision: 1 the town, 2 near a town or a district, 3 wider. */
export function acledGeoPrecision(precision: LocationPrecision): 1 | 2 | 3 {
  switch (precision) {
    case "site":
    case "city":
      return 1;
    case "district":
      return 2;
    default:
      return 3;
  }
}
