import type { EventPage, StoredEvent } from "../../src/store/store.js";
import { getJson, isAbort, queryString } from "./api.js";
import { colorOf } from "./colors.js";
import { el, fmt, replace, toast } from "./dom.js";
import { dateText, figureText, perpetrators, placeText } from "./labels.js";
import type { SortField } from "./state.js";

export const PAGE_SIZE = 50;

export interface TableCallbacks {
  openEvent(id: number): void;
  sortBy(field: SortField, order: "asc" | "desc"): void;
  goToPage(page: number): void;
}

interface Column {
  readonly label: string;
  readonly sort?: SortField;
  readonly numeric?: boolean;
  cell(e: StoredEvent): Node | string;
}

const COLUMNS: readonly Column[] = [
  { label: "Date", sort: "date", cell: (e) => dateText(e) },
  {
    label: "Type",
    cell: (e) => {
      const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.background = colorOf(e.eventType);
      return el("span", { class: "type-cell" }, swatch, el("span", {}, e.subEventType, el("small", {}, e.eventType)));
    },
  },
  { label: "Location", cell: (e) => placeText(e) },
  { label: "Perpetrators", cell: (e) => perpetrators(e) || "—" },
  { label: "Killed", sort: "killed", numeric: true, cell: (e) => figureText(e.killed) },
  { label: "Injured", sort: "injured", numeric: true, cell: (e) => figureText(e.injured) },
  { label: "Sources", numeric: true, cell: (e) => fmt(e.sourceCount) },
  { label: "Event", sort: "id", numeric: true, cell: (e) => `#${e.id}` },
];

/** The events of the filter, one page at a time, sortable by the columns that have a sort. */
export class EventsTable {
  private readonly body: HTMLElement;
  private readonly downloads: HTMLElement;

  constructor(
    private readonly container: HTMLElement,
    private readonly callbacks: TableCallbacks,
  ) {
    this.body = el("div", { class: "table-body" });
    this.downloads = el("p", { class: "downloads" });
    replace(
      container,
      el("div", { class: "section-head" }, el("h2", { id: "events-heading" }, "Events"), this.downloads),
      this.body,
    );
  }

  /** Links that export every event of the filter, as `sitrep export` would. */
  private renderDownloads(filter: Record<string, string | readonly string[]>): void {
    const link = (format: string, label: string) =>
      el("a", { href: `/api/export${queryString({ ...filter, format })}`, download: "", "data-format": format }, label);
    replace(
      this.downloads,
      "Download these events: ",
      link("acled-csv", "ACLED CSV"),
      " · ",
      link("geojson", "GeoJSON"),
      " · ",
      link("jsonl", "JSONL with evidence"),
    );
  }

  async load(
    filter: Record<string, string | readonly string[]>,
    sort: SortField,
    order: "asc" | "desc",
    page: number,
  ): Promise<void> {
    this.container.setAttribute("aria-busy", "true");
    this.renderDownloads(filter);
    try {
      const answer = await getJson<EventPage & { offset: number }>(
        "/events",
        { ...filter, sort, order, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
        "table",
      );
      this.render(answer, sort, order, page);
    } catch (e) {
      if (!isAbort(e)) {
        toast(`Events: ${(e as Error).message}`, "error");
        replace(this.body, el("p", { class: "error" }, (e as Error).message));
      }
    } finally {
      this.container.removeAttribute("aria-busy");
    }
  }

  private header(col: Column, sort: SortField, order: "asc" | "desc"): HTMLElement {
    if (!col.sort) return el("th", { scope: "col", class: col.numeric ? "num" : "" }, col.label);
    const active = col.sort === sort;
    const next = active && order === "desc" ? "asc" : "desc";
    const th = el(
      "th",
      {
        scope: "col",
        class: col.numeric ? "num" : "",
        "aria-sort": active ? (order === "asc" ? "ascending" : "descending") : "none",
      },
      el(
        "button",
        {
          type: "button",
          class: "sort",
          "data-sort": col.sort,
          onclick: () => this.callbacks.sortBy(col.sort as SortField, next),
        },
        col.label,
        el("span", { class: "sort-mark", "aria-hidden": "true" }, active ? (order === "asc" ? " ▲" : " ▼") : " ↕"),
      ),
    );
    return th;
  }

  private render(answer: EventPage, sort: SortField, order: "asc" | "desc", page: number): void {
    const total = answer.total ?? answer.events.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
    const last = Math.min(total, page * PAGE_SIZE);
    const rows = answer.events.map((e) => {
      const open = el("a", {
        href: `?event=${e.id}`,
        class: "row-link",
        onclick: (ev: Event) => {
          ev.preventDefault();
          this.callbacks.openEvent(e.id);
        },
      });
      const tr = el(
        "tr",
        { "data-event": e.id },
        COLUMNS.map((c) => el("td", { class: c.numeric ? "num" : "" }, c.cell(e))),
      );
      // The whole row opens the event; the link in the first cell makes that reachable by keyboard.
      const firstCell = tr.firstElementChild as HTMLElement;
      open.append(...Array.from(firstCell.childNodes));
      firstCell.append(open);
      tr.addEventListener("click", (ev) => {
        if ((ev.target as HTMLElement).closest("a")) return;
        this.callbacks.openEvent(e.id);
      });
      return tr;
    });
    const table = el(
      "table",
      { class: "events", "aria-labelledby": "events-heading", "aria-rowcount": total + 1 },
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          COLUMNS.map((c) => this.header(c, sort, order)),
        ),
      ),
      el("tbody", {}, rows),
    );
    const pager = el(
      "nav",
      { class: "pager", "aria-label": "Pages" },
      el(
        "button",
        { type: "button", class: "secondary", disabled: page <= 1, onclick: () => this.callbacks.goToPage(page - 1) },
        "← Previous",
      ),
      el(
        "span",
        { class: "page-info", "data-total": total },
        total === 0 ? "No events match the filters" : `${fmt(first)}–${fmt(last)} of ${fmt(total)} events`,
      ),
      el(
        "button",
        {
          type: "button",
          class: "secondary",
          disabled: page >= pages,
          onclick: () => this.callbacks.goToPage(page + 1),
        },
        "Next →",
      ),
    );
    replace(this.body, total === 0 ? null : table, pager);
  }
}
