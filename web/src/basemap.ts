import L from "leaflet";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import coarseUrl from "world-atlas/countries-110m.json?url";
import detailedUrl from "world-atlas/countries-50m.json?url";

/**
 * The basemap: country outlines from world-atlas (Natural Earth), drawn as vector polygons. No
 * tiles, so the map works with no internet. The coarse outlines draw at once; the detailed ones
 * replace them once the analyst zooms in to a region, where the coarse ones look crude.
 */
const style: L.PathOptions = { color: "#8a8478", weight: 0.7, fillColor: "#efebe2", fillOpacity: 1, opacity: 1 };

/** ISO 3166 numeric code of Antarctica: its ring circles the pole and cannot be drawn flat. */
const ANTARCTICA = "010";

/**
 * world-atlas rings are spherical: a ring that crosses the antimeridian (Russia, Fiji) jumps from
 * +180 to -180 and would be drawn as a band across the whole map. Unwrapping the longitudes keeps
 * each ring continuous, running past ±180 where it must.
 */
export function unwrapRing(ring: GeoJSON.Position[]): GeoJSON.Position[] {
  let shift = 0;
  let previous: number | null = null;
  return ring.map(([lon, lat]) => {
    const x = lon as number;
    if (previous !== null) {
      if (x + shift - previous > 180) shift -= 360;
      else if (x + shift - previous < -180) shift += 360;
    }
    previous = x + shift;
    return [x + shift, lat as number];
  });
}

function unwrap(g: GeoJSON.Geometry): GeoJSON.Geometry {
  if (g.type === "Polygon") return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g.type === "MultiPolygon") return { ...g, coordinates: g.coordinates.map((p) => p.map(unwrapRing)) };
  return g;
}

async function countries(url: string): Promise<GeoJSON.FeatureCollection> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`basemap ${url}: HTTP ${res.status}`);
  const topology = (await res.json()) as Topology;
  const fc = feature(topology, topology.objects.countries as GeometryCollection) as GeoJSON.FeatureCollection;
  return {
    ...fc,
    features: fc.features
      .filter((f) => f.id !== ANTARCTICA && f.geometry)
      .map((f) => ({ ...f, geometry: unwrap(f.geometry) })),
  };
}

function layerOf(fc: GeoJSON.FeatureCollection): L.GeoJSON {
  // The map prefers canvas: a few hundred polygons draw faster there than as SVG nodes.
  return L.geoJSON(fc, {
    style,
    onEachFeature(f, layer) {
      const name = (f.properties as { name?: string } | null)?.name;
      // bindTooltip with a string would be parsed as HTML; a text node is not.
      if (name)
        layer.bindTooltip(document.createTextNode(name) as unknown as HTMLElement, {
          sticky: true,
          direction: "top",
          opacity: 0.9,
        });
    },
  });
}

/** Zoom from which the detailed outlines are worth their weight (750 KB to parse and draw). */
const DETAIL_ZOOM = 4;

export async function addBasemap(map: L.Map): Promise<void> {
  let layer = layerOf(await countries(coarseUrl)).addTo(map);
  layer.bringToBack();
  let detailing = false;
  const detail = async () => {
    if (detailing || map.getZoom() < DETAIL_ZOOM) return;
    detailing = true;
    map.off("zoomend", detail);
    try {
      const detailed = layerOf(await countries(detailedUrl));
      map.removeLayer(layer);
      layer = detailed.addTo(map);
      layer.bringToBack();
    } catch {
      // The coarse outlines stay: a less detailed map is better than none.
    }
  };
  map.on("zoomend", detail);
  await detail();
}
