import "./styles.css";
import type { EventTypeNames } from "../../src/api/taxonomy.js";
import type { StoreCounts } from "../../src/store/store.js";
import { background, getJson } from "./api.js";
import { byId, fmt, toast } from "./dom.js";
import { EventPage } from "./event-page.js";
import { EventsTable } from "./events-table.js";
import { FiltersPanel } from "./filters-panel.js";
import { EventMap } from "./map-view.js";
import { filterParams, getState, sameFilters, setFilters, subscribe, update, type AppState } from "./state.js";
import { Timeline } from "./timeline.js";
import { TokenDialog } from "./token-dialog.js";
import { UploadDialog } from "./upload-dialog.js";

interface Meta {
  readonly counts: StoreCounts;
  readonly dateRange: { from: string | null; to: string | null };
  readonly eventTypes: EventTypeNames[];
}

let eventTypes: readonly EventTypeNames[] = [];
const overview = byId("overview");
const eventSection = byId("event-page");

const openEvent = (id: number) => update({ event: id, report: null, field: null });
const token = new TokenDialog(() => {
  upload.setAllowed(token.canEdit);
  const s = getState();
  if (s.event) background(eventPage.show(s.event, s.report, s.field, true), "Event");
});
// After an upload the map, timeline and table are asked again, as for a new filter.
const upload = new UploadDialog(openEvent, () => render(getState(), null));

const filters = new FiltersPanel(byId("filters"), (patch) => setFilters(patch));
const map = new EventMap(
  byId("map"),
  byId("map-legend"),
  { openEvent, viewChanged: (view) => update({ map: view }, "replace") },
  getState().map,
);
const timeline = new Timeline(byId("timeline"), (since, until) => setFilters({ since, until }));
const table = new EventsTable(byId("events-table"), {
  openEvent,
  sortBy: (sort, order) => update({ sort, order, page: 1 }),
  goToPage: (page) => update({ page }),
});
const eventPage = new EventPage(eventSection, {
  eventTypes: () => eventTypes,
  canEdit: () => token.canEdit,
  close: () => update({ event: null, report: null, field: null }),
  openEvent,
  // Highlighting another field is not a new page: the back button leaves the event.
  select: (report, field) => update({ report: report ?? getState().report, field }, "replace"),
});

function render(s: AppState, previous: AppState | null): void {
  const params = filterParams(s.filters);
  const filtersChanged = !previous || !sameFilters(s.filters, previous.filters);
  if (filtersChanged) filters.show(s.filters);
  if (s.event) {
    overview.hidden = true;
    eventSection.hidden = false;
    background(eventPage.show(s.event, s.report, s.field), "Event");
    return;
  }
  const wasHidden = overview.hidden;
  eventSection.hidden = true;
  eventPage.clear();
  overview.hidden = false;
  if (wasHidden) map.resize();
  if (previous && s.map) map.setView(s.map);
  if (filtersChanged || wasHidden) {
    map.setFilter(params);
    timeline.setFilter(params);
  }
  if (
    filtersChanged ||
    wasHidden ||
    !previous ||
    s.sort !== previous.sort ||
    s.order !== previous.order ||
    s.page !== previous.page
  ) {
    background(table.load(params, s.sort, s.order, s.page), "Events");
  }
}

async function start(): Promise<void> {
  subscribe((s, previous) => render(s, previous));
  byId("home-link").addEventListener("click", (e) => {
    e.preventDefault();
    update({ event: null, report: null, field: null });
  });
  try {
    const meta = await getJson<Meta>("/meta");
    eventTypes = meta.eventTypes;
    filters.setEventTypes(eventTypes);
    const range = meta.dateRange.from ? `, ${meta.dateRange.from} to ${meta.dateRange.to}` : "";
    byId("db-summary").textContent =
      `${fmt(meta.counts.events)} events, ${fmt(meta.counts.reports)} reports, ${fmt(meta.counts.articles)} articles${range}`;
  } catch (e) {
    toast(`The server did not answer: ${(e as Error).message}`, "error");
  }
  await token.restore();
  upload.setAllowed(token.canEdit);
  render(getState(), null);
  document.body.dataset.ready = "true";
}

background(start(), "Start");
