import type { FeatureType, PlaceMention } from "../../core/annotations.js";
import type { EventLocation } from "../../core/frame.js";
import { placePrecision } from "../../geo/precision.js";

/** Finer places first: ACLED codes the town, and a province only when the text gives no town. */
const RANK: Readonly<Record<FeatureType, number>> = {
  city: 0,
  site: 0.5,
  admin2: 1,
  admin1: 2,
  other: 2.5,
  region: 3,
  country: 4,
};

const key = (p: PlaceMention) => (p.geonameId !== null ? `g${p.geonameId}` : `${p.name}|${p.countryCode ?? ""}`);

/**
 * The place of an event among the places attached to it: the finest kind of place, then the one
 * mentioned most often with it ("Kandahar" three times beats "Kabul" once), then the first.
 */
export function chooseLocation(places: readonly PlaceMention[]): EventLocation | null {
  if (places.length === 0) return null;
  const count = new Map<string, number>();
  for (const p of places) count.set(key(p), (count.get(key(p)) ?? 0) + 1);
  let best: PlaceMention | null = null;
  for (const p of places) {
    if (!best) {
      best = p;
      continue;
    }
    const dr = RANK[p.featureType] - RANK[best.featureType];
    const dc = (count.get(key(p)) ?? 0) - (count.get(key(best)) ?? 0);
    if (dr < 0 || (dr === 0 && dc > 0)) best = p;
  }
  return best ? { place: best, precision: placePrecision(best.featureType) } : null;
}
