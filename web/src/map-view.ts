import L from "leaflet";
import "leaflet/dist/leaflet.css";
import type { MapCluster } from "../../src/api/map-clusters.js";
import type { StoredEvent } from "../../src/store/store.js";
import { background, getJson, isAbort } from "./api.js";
import { addBasemap } from "./basemap.js";
import { TYPE_COLORS, colorOf } from "./colors.js";
import { debounce, el, fmt, replace, toast } from "./dom.js";
import type { MapView } from "./state.js";

interface MapAnswer {
  readonly zoom: number;
  readonly events: number;
  readonly unlocated: number;
  readonly clusters: MapCluster[];
}

export interface MapCallbacks {
  openEvent(id: number): void;
  viewChanged(view: MapView): void;
}

/**
 * Marker diameter in pixels: its area grows with its fatalities relative to the deadliest marker
 * in view (proportional symbols), within bounds that keep clusters apart on the 60-pixel grid.
 */
export function markerSize(killed: number, events: number, maxKilled: number): number {
  const [min, max] = events > 1 ? [20, 50] : [10, 28];
  const share = maxKilled > 0 ? Math.sqrt(Math.max(0, killed) / maxKilled) : 0;
  return Math.round(min + (max - min) * share);
}

/** The ring of a cluster: each event type's share of its events, as a conic gradient. */
function typeRing(types: Record<string, number>, total: number): string {
  let at = 0;
  const stops = Object.entries(types)
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => {
      const from = at;
      at += (n / total) * 100;
      return `${colorOf(type)} ${from.toFixed(1)}% ${at.toFixed(1)}%`;
    });
  return `conic-gradient(${stops.join(", ")})`;
}

function describe(c: MapCluster): string {
  const mix = Object.entries(c.types)
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${t} ${fmt(n)}`)
    .join("; ");
  const what = c.events === 1 ? `1 event (${c.eventType})` : `${fmt(c.events)} events: ${mix}`;
  return `${what}; ${fmt(c.killedBest)} killed`;
}

function icon(c: MapCluster, maxKilled: number): L.DivIcon {
  const size = markerSize(c.killedBest, c.events, maxKilled);
  const dot = el("div", { class: c.events > 1 ? "cluster" : "single" });
  dot.style.width = dot.style.height = `${size}px`;
  if (c.events > 1) {
    dot.style.background = typeRing(c.types, c.events);
    dot.append(
      el("span", { class: "cluster-count" }, c.events > 9999 ? `${Math.round(c.events / 1000)}k` : fmt(c.events)),
    );
  } else {
    dot.style.background = colorOf(c.eventType);
  }
  return L.divIcon({ html: dot, className: "marker-icon", iconSize: [size, size] });
}

export class EventMap {
  private readonly map: L.Map;
  private readonly markers = L.layerGroup();
  private filter: Record<string, string | readonly string[]> = {};
  private readonly status: HTMLElement;
  /** Set while the map is being moved to a view the URL asked for, so that the move is not written back. */
  private applyingView = false;

  constructor(
    container: HTMLElement,
    legend: HTMLElement,
    private readonly callbacks: MapCallbacks,
    view: MapView | null,
  ) {
    this.map = L.map(container, {
      center: view ? [view.lat, view.lon] : [20, 20],
      zoom: view?.zoom ?? 2,
      minZoom: 1,
      maxZoom: 14,
      worldCopyJump: false,
      maxBounds: [
        [-89, -240],
        [89, 240],
      ],
      preferCanvas: true,
      attributionControl: true,
      keyboard: true,
    });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Natural Earth via world-atlas");
    this.markers.addTo(this.map);
    this.status = el("p", { class: "map-status", role: "status" });
    container.parentElement?.append(this.status);
    this.renderLegend(legend);
    void addBasemap(this.map).catch((e: Error) => toast(`The basemap could not be loaded: ${e.message}`, "error"));
    const moved = debounce(() => {
      if (!this.applyingView) this.callbacks.viewChanged(this.view());
      void this.refresh();
    }, 120);
    this.map.on("moveend", moved);
  }

  view(): MapView {
    const c = this.map.getCenter();
    return { zoom: this.map.getZoom(), lat: c.lat, lon: c.lng };
  }

  setView(view: MapView | null): void {
    if (!view) return;
    const now = this.view();
    if (now.zoom === view.zoom && Math.abs(now.lat - view.lat) < 1e-3 && Math.abs(now.lon - view.lon) < 1e-3) return;
    this.applyingView = true;
    this.map.setView([view.lat, view.lon], view.zoom, { animate: false });
    this.applyingView = false;
  }

  setFilter(filter: Record<string, string | readonly string[]>): void {
    this.filter = filter;
    void this.refresh();
  }

  /** Leaflet measures its container once; a container shown again must be measured anew. */
  resize(): void {
    this.map.invalidateSize();
  }

  private bounds(): string {
    const b = this.map.getBounds();
    const clamp = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v));
    let west = b.getWest();
    let east = b.getEast();
    if (east - west >= 360) {
      west = -180;
      east = 180;
    }
    return [clamp(west, 180), clamp(b.getSouth(), 90), clamp(east, 180), clamp(b.getNorth(), 90)]
      .map((v) => v.toFixed(4))
      .join(",");
  }

  async refresh(): Promise<void> {
    try {
      const answer = await getJson<MapAnswer>(
        "/map",
        { ...this.filter, zoom: this.map.getZoom(), bounds: this.bounds() },
        "map",
      );
      this.render(answer);
    } catch (e) {
      if (!isAbort(e)) toast(`Map: ${(e as Error).message}`, "error");
    }
  }

  private render(answer: MapAnswer): void {
    this.markers.clearLayers();
    const maxKilled = answer.clusters.reduce((m, c) => Math.max(m, c.killedBest), 0);
    for (const c of answer.clusters) {
      const marker = L.marker([c.lat, c.lon], {
        icon: icon(c, maxKilled),
        title: describe(c),
        keyboard: true,
        riseOnHover: true,
      });
      marker.on("click", () => this.clicked(c, marker));
      this.markers.addLayer(marker);
    }
    const missing = answer.unlocated
      ? `; ${fmt(answer.unlocated)} events of these filters have no coordinates and are not on the map`
      : "";
    this.status.textContent = `${fmt(answer.events)} events in view, in ${fmt(answer.clusters.length)} markers${missing}`;
    const box = this.map.getContainer().dataset;
    box.markers = String(answer.clusters.length);
    box.events = String(answer.events);
    // Counts redraws, so that tests and benchmarks can wait for the next one.
    box.renders = String(Number(box.renders ?? 0) + 1);
  }

  private clicked(c: MapCluster, marker: L.Marker): void {
    if (c.id !== null) {
      this.callbacks.openEvent(c.id);
      return;
    }
    const spread = Math.max(c.north - c.south, c.east - c.west);
    if (spread > 1e-4 && this.map.getZoom() < this.map.getMaxZoom()) {
      this.map.fitBounds(
        [
          [c.south, c.west],
          [c.north, c.east],
        ],
        { padding: [40, 40], maxZoom: this.map.getMaxZoom() },
      );
      return;
    }
    background(this.listAt(c, marker), "Events here");
  }

  /** Events that share one spot (a town coded at city precision): listed in a popup, newest first. */
  private async listAt(c: MapCluster, marker: L.Marker): Promise<void> {
    const pad = 1e-4;
    const bbox = [c.west - pad, c.south - pad, c.east + pad, c.north + pad].map((v) => v.toFixed(5)).join(",");
    const page = await getJson<{ total: number; events: StoredEvent[] }>("/events", {
      ...this.filter,
      bbox,
      limit: 20,
    });
    const list = el(
      "ul",
      { class: "popup-list" },
      page.events.map((e) =>
        el(
          "li",
          {},
          el(
            "button",
            { type: "button", class: "link", onclick: () => this.callbacks.openEvent(e.id) },
            `${e.dateStart ?? "undated"} · ${e.subEventType} · ${fmt(e.killed.best)} killed`,
          ),
        ),
      ),
    );
    const more =
      page.total > page.events.length
        ? el("p", {}, `and ${fmt(page.total - page.events.length)} more: see the table`)
        : null;
    const content = el("div", { class: "popup" }, el("strong", {}, `${fmt(page.total)} events here`), list, more);
    marker.bindPopup(content, { maxWidth: 320 }).openPopup();
  }

  private renderLegend(legend: HTMLElement): void {
    replace(
      legend,
      el("h2", { class: "visually-hidden" }, "Legend"),
      el(
        "ul",
        {},
        Object.entries(TYPE_COLORS).map(([type, color]) => {
          const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
          swatch.style.background = color;
          return el("li", {}, swatch, type);
        }),
      ),
      el(
        "p",
        {},
        "Marker area grows with fatalities (relative to the deadliest marker in view); rings show the mix of event types; numbers count events.",
      ),
    );
  }
}
