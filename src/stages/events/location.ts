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

const ORIGIN_PENALTY = 5;
const WEAK_PENALTY = 1.5;
/** A place the geoparser is unsure of ranks below a province it is sure of. */
const UNSURE = 0.5;
const UNSURE_PENALTY = 2.5;

export const placeKey = (p: PlaceMention) =>
  p.geonameId !== null ? `g${p.geonameId}` : `${p.name}|${p.countryCode ?? ""}`;

/**
 * The place of an event among the places attached to it: the finest kind of place, then the one
 * mentioned most often with it ("Kandahar" three times beats "Kabul" once), then the first.
 */
export function chooseLocation(
  places: readonly PlaceMention[],
  isOrigin: (p: PlaceMention) => boolean = () => false,
  isWeak: (p: PlaceMention) => boolean = () => false,
  isDateline: (p: PlaceMention) => boolean = () => false,
): EventLocation | null {
  if (places.length === 0) return null;
  const count = new Map<string, number>();
  for (const p of places) count.set(placeKey(p), (count.get(placeKey(p)) ?? 0) + 1);
  // Where someone comes from ("a woman visiting from Canada") is no place of the event.
  // A place named without a locative word ("The White House condemned") is weaker evidence.
  // "in Rafah ... Gaza": a place the event also names the province or region of is sure enough.
  const confirmed = (p: PlaceMention) =>
    p.admin1 !== null &&
    places.some((q) => q !== p && RANK[q.featureType] > RANK[p.featureType] && q.name === p.admin1);
  const rank = (p: PlaceMention) =>
    RANK[p.featureType] +
    (isOrigin(p) ? ORIGIN_PENALTY : 0) +
    (isWeak(p) ? WEAK_PENALTY : 0) +
    (p.confidence < UNSURE && !confirmed(p) ? UNSURE_PENALTY : 0);
  let best: PlaceMention | null = null;
  for (const p of places) {
    // A country someone comes from ("a tourist visiting from Canada") is never where the event was.
    if (p.featureType === "country" && isOrigin(p)) continue;
    if (!best) {
      best = p;
      continue;
    }
    const dr = rank(p) - rank(best);
    const dc = (count.get(placeKey(p)) ?? 0) - (count.get(placeKey(best)) ?? 0);
    if (dr < 0 || (dr === 0 && dc > 0)) best = p;
  }
  if (!best) return null;
  // The dateline says where the story was filed: a province the event names with a locative word
  // beats it ("OUAGADOUGOU - ... stormed Dablo in Centre-Nord region": Centre-Nord, not the capital).
  if (isDateline(best) && !confirmed(best)) {
    const province = places.find(
      (p) =>
        p.featureType === "admin1" && !isWeak(p) && !isOrigin(p) && p.confidence >= UNSURE && p.name !== best?.admin1,
    );
    if (province) best = province;
  }
  // The province's own point is the middle of its land; ACLED puts an event known only by its
  // province at the provincial capital.
  const place = best.featureType === "admin1" && best.seat ? { ...best, lat: best.seat.lat, lon: best.seat.lon } : best;
  return { place, precision: placePrecision(best.featureType) };
}
