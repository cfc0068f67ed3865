import type { EventTypeNames } from "../../src/api/taxonomy.js";
import type { EventDetail, StoredEvent } from "../../src/store/store.js";
import { ApiError, background, getJson } from "./api.js";
import { ArticlePanel, reportWithEvidence } from "./article-panel.js";
import { correctionForm } from "./correction-form.js";
import { el, replace, toast } from "./dom.js";
import { evidenceOf } from "./evidence.js";
import { figuresPanel } from "./figures-panel.js";
import { dateText, placeText } from "./labels.js";
import { recordRows, type RecordRow } from "./record-rows.js";
import { reviewPanel } from "./review-panel.js";

export interface EventPageCallbacks {
  eventTypes(): readonly EventTypeNames[];
  canEdit(): boolean;
  close(): void;
  openEvent(id: number): void;
  select(report: number | null, field: string | null): void;
}

/**
 * One event: its reconciled record beside the article of a report, where each coded value's words
 * are marked; a click on a field highlights (and scrolls to) its evidence. Then the figures, the
 * reports, review actions and the audit trail.
 */
export class EventPage {
  private detail: EventDetail | null = null;
  private article: ArticlePanel | null = null;
  private recordTable: HTMLElement | null = null;
  private field: string | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly cb: EventPageCallbacks,
  ) {}

  /** Shows the event (loading it when it is not the one shown), the report and the highlighted field. */
  async show(eventId: number, reportId: number | null, field: string | null, reload = false): Promise<void> {
    if (reload || this.detail?.event.id !== eventId) {
      replace(this.container, el("p", { class: "loading" }, `Loading event #${eventId}…`));
      try {
        this.detail = await getJson<EventDetail>(`/events/${eventId}`, {}, "event");
      } catch (e) {
        if (e instanceof DOMException) return;
        this.detail = null;
        const message =
          e instanceof ApiError && e.status === 404 ? `There is no event #${eventId}.` : (e as Error).message;
        replace(this.container, this.backButton(), el("p", { class: "error", role: "alert" }, message));
        return;
      }
      if (this.detail.mergedInto) {
        toast(`Event #${eventId} was merged into #${this.detail.mergedInto}`);
        this.cb.openEvent(this.detail.mergedInto);
        return;
      }
      this.render(this.detail);
    }
    const detail = this.detail;
    if (!detail || !this.article) return;
    const fields = field ? (recordRows(detail.event).find((r) => r.key === field)?.evidence ?? [field]) : [];
    let report = detail.reports.find((r) => r.id === reportId) ?? null;
    if (!report || (fields.length && !evidenceOf(report.record).some((s) => fields.includes(s.field)))) {
      // The field's words are in another report: show that one.
      report = (fields.length ? reportWithEvidence(detail, fields) : undefined) ?? report ?? detail.reports[0] ?? null;
    }
    this.field = field;
    this.markRow(field);
    if (!report) return;
    await this.article.show(detail, report.id);
    if (fields.length && !this.article.highlight(fields)) {
      toast("No report of this event gives words for that field.");
    } else if (!fields.length) {
      this.article.highlight([]);
    }
  }

  private backButton(): HTMLElement {
    return el("button", { type: "button", class: "secondary back", onclick: () => this.cb.close() }, "← All events");
  }

  private render(detail: EventDetail): void {
    const e = detail.event;
    this.article = new ArticlePanel((id) => this.cb.select(id, this.field));
    this.recordTable = this.recordPanel(
      e,
      new Set(detail.reports.flatMap((r) => evidenceOf(r.record).map((s) => s.field))),
    );
    const title = el("h2", { id: "event-title", tabindex: "-1" }, `${e.subEventType} — ${placeText(e)}`);
    const meta = el(
      "p",
      { class: "event-meta" },
      `#${e.id} · ${dateText(e)} · ${e.dataset} · ${e.reportCount} report(s), ${e.articleCount} article(s), ${e.sourceCount} independent source(s) · version ${e.version}, updated ${e.updatedAt.slice(0, 10)}`,
    );
    replace(
      this.container,
      el("div", { class: "event-head" }, this.backButton(), title, meta),
      el("div", { class: "event-grid" }, this.recordTable, this.article.element),
      el(
        "div",
        { class: "event-lower" },
        figuresPanel(detail, (reportId, kind) => this.cb.select(reportId, kind)),
        reviewPanel(detail, { canEdit: () => this.cb.canEdit(), changed: (id, message) => this.changed(id, message) }),
      ),
    );
    title.focus({ preventScroll: false });
  }

  private changed(id: number, message: string): void {
    toast(message);
    if (id === this.detail?.event.id) background(this.show(id, null, this.field, true), "Event");
    else this.cb.openEvent(id);
  }

  /** `withWords`: the fields some report gives words for; only those rows link to evidence. */
  private recordPanel(e: StoredEvent, withWords: ReadonlySet<string>): HTMLElement {
    const rows = recordRows(e);
    const canEdit = this.cb.canEdit();
    const body = el("tbody", {});
    for (const row of rows)
      body.append(
        this.recordRow(
          e,
          row,
          canEdit,
          row.evidence.some((f) => withWords.has(f)),
        ),
      );
    return el(
      "section",
      { class: "record-panel", "aria-labelledby": "record-heading" },
      el("h3", { id: "record-heading" }, "Coded record"),
      el("p", { class: "hint" }, "Select a field to see the words that support it."),
      el("table", { class: "record" }, body),
    );
  }

  private recordRow(e: StoredEvent, row: RecordRow, canEdit: boolean, hasEvidence: boolean): HTMLElement {
    const corrected = row.correctable.some((c) => e.corrected.includes(c.field));
    const labelCell = hasEvidence
      ? el(
          "button",
          {
            type: "button",
            class: "field-button",
            "data-field": row.key,
            onclick: () => this.cb.select(null, row.key),
          },
          row.label,
        )
      : el("span", { title: row.evidence.length ? "no report gives words for this field" : undefined }, row.label);
    const actions = el("td", { class: "actions" });
    const tr = el(
      "tr",
      { "data-row": row.key },
      el("th", { scope: "row" }, labelCell),
      el(
        "td",
        { class: "value" },
        el("span", { class: `value-text ev-swatch-${row.key}` }, row.value),
        corrected
          ? el("span", { class: "badge", title: "set by an analyst; kept whatever new reports say" }, "corrected")
          : null,
      ),
      actions,
    );
    if (canEdit && row.correctable.length) {
      const button = el(
        "button",
        { type: "button", class: "secondary small", "data-correct": row.key, "aria-expanded": "false" },
        "Correct",
      );
      button.addEventListener("click", () => {
        const open = tr.nextElementSibling?.classList.contains("correction-row");
        if (open) {
          tr.nextElementSibling?.remove();
          button.setAttribute("aria-expanded", "false");
          return;
        }
        const form = correctionForm(row, e, this.cb.eventTypes(), (updated, message) => {
          formRow.remove();
          button.setAttribute("aria-expanded", "false");
          if (updated) this.changed(updated.id, message);
        });
        const formRow = el("tr", { class: "correction-row" }, el("td", { colspan: 3 }, form));
        tr.after(formRow);
        button.setAttribute("aria-expanded", "true");
        (form.querySelector("input, select") as HTMLElement | null)?.focus();
      });
      actions.append(button);
    }
    return tr;
  }

  private markRow(field: string | null): void {
    if (!this.recordTable) return;
    for (const tr of this.recordTable.querySelectorAll("tr[data-row]")) {
      if ((tr as HTMLElement).dataset.row === field) tr.setAttribute("aria-current", "true");
      else tr.removeAttribute("aria-current");
    }
  }

  clear(): void {
    this.detail = null;
    this.article = null;
    replace(this.container);
  }
}
