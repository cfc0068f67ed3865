import type { AuditEntry, EventDetail, StoredEvent } from "../../src/store/store.js";
import { ApiError, getJson, send } from "./api.js";
import { el, fmt, replace } from "./dom.js";
import { reportTitle } from "./article-panel.js";
import { auditText } from "./audit-text.js";

export interface ReviewCallbacks {
  /** After a change: show this event (the kept one, or the one split off). */
  changed(eventId: number, message: string): void;
  canEdit(): boolean;
}

function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : (e as Error).message;
}

/** Merging another event into this one, splitting reports off, and this event's audit trail. */
export function reviewPanel(detail: EventDetail, cb: ReviewCallbacks): HTMLElement {
  const e = detail.event;
  const section = el(
    "section",
    { class: "review-panel", "aria-labelledby": "review-heading" },
    el("h3", { id: "review-heading" }, "Review"),
  );
  if (!cb.canEdit()) {
    section.append(
      el(
        "p",
        { class: "note" },
        "Enter an editor token (top right) to correct fields, merge events or split reports off. Every change is kept in the audit log.",
      ),
    );
  } else {
    section.append(mergeForm(e, cb), splitForm(detail, cb));
  }
  const audit = el("div", { class: "audit" }, el("h4", {}, "Audit trail"), el("p", { class: "loading" }, "Loading…"));
  section.append(audit);
  void getJson<{ entries: AuditEntry[] }>("/audit", { event: e.id, limit: 100 })
    .then(({ entries }) =>
      replace(
        audit,
        el("h4", {}, "Audit trail"),
        entries.length
          ? el(
              "ol",
              { class: "audit-list" },
              entries.map((a) =>
                el(
                  "li",
                  {},
                  el("time", { datetime: a.at }, a.at.replace("T", " ").slice(0, 19)),
                  ` ${a.actor} — `,
                  el("span", { class: "audit-what", title: JSON.stringify(a.detail) }, auditText(a)),
                ),
              ),
            )
          : el("p", { class: "note" }, "No manual changes yet."),
      ),
    )
    .catch((err: unknown) => replace(audit, el("p", { class: "error" }, errorText(err))));
  return section;
}

function mergeForm(e: StoredEvent, cb: ReviewCallbacks): HTMLElement {
  const other = el("input", {
    id: "merge-other",
    type: "number",
    min: 1,
    step: 1,
    required: true,
    inputmode: "numeric",
  });
  const note = el("input", { id: "merge-note", type: "text", maxlength: 500 });
  const error = el("p", { class: "form-error", role: "alert" });
  const form = el(
    "form",
    { class: "merge-form", "aria-label": "Merge another event into this one" },
    el("h4", {}, "Merge a duplicate into this event"),
    el("div", { class: "field" }, el("label", { for: "merge-other" }, "Event number to merge in"), other),
    el("div", { class: "field" }, el("label", { for: "merge-note" }, "Note"), note),
    el("button", { type: "submit" }, "Merge into #", String(e.id)),
    error,
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    error.textContent = "";
    try {
      const answer = await send<{ event: StoredEvent }>("POST", `/events/${e.id}/merge`, {
        from: [Number(other.value)],
        expectedVersion: e.version,
        note: note.value.trim() || null,
      });
      cb.changed(answer.event.id, `Event #${other.value} merged into #${e.id}`);
    } catch (err) {
      error.textContent = errorText(err);
    }
  });
  return form;
}

function splitForm(detail: EventDetail, cb: ReviewCallbacks): HTMLElement {
  const e = detail.event;
  const error = el("p", { class: "form-error", role: "alert" });
  if (detail.reports.length < 2) return el("p", { class: "note" }, "This event has one report: nothing to split off.");
  const boxes = detail.reports.map((r, i) => {
    const box = el("input", { type: "checkbox", id: `split-${r.id}`, value: r.id });
    return {
      box,
      row: el(
        "div",
        { class: "check" },
        box,
        el(
          "label",
          { for: `split-${r.id}` },
          reportTitle(r, i),
          ` · ${r.record.subEventType}, killed ${fmt(r.record.killed?.best)}`,
        ),
      ),
    };
  });
  const note = el("input", { id: "split-note", type: "text", maxlength: 500 });
  const form = el(
    "form",
    { class: "split-form", "aria-label": "Split reports off into a new event" },
    el(
      "fieldset",
      {},
      el("legend", {}, "Split reports that tell of another event into a new event"),
      boxes.map((b) => b.row),
    ),
    el("div", { class: "field" }, el("label", { for: "split-note" }, "Note"), note),
    el("button", { type: "submit" }, "Split off"),
    error,
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    error.textContent = "";
    const reportIds = boxes.filter((b) => b.box.checked).map((b) => Number(b.box.value));
    try {
      const answer = await send<{ event: StoredEvent }>("POST", `/events/${e.id}/split`, {
        reportIds,
        expectedVersion: e.version,
        note: note.value.trim() || null,
      });
      cb.changed(answer.event.id, `${reportIds.length} report(s) split off into event #${answer.event.id}`);
    } catch (err) {
      error.textContent = errorText(err);
    }
  });
  return form;
}
