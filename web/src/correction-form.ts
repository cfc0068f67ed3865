import type { EventTypeNames } from "../../src/api/taxonomy.js";
import type { StoredEvent } from "../../src/store/store.js";
import { ApiError, send } from "./api.js";
import { el } from "./dom.js";
import { currentValue, type CorrectableField, type RecordRow } from "./record-rows.js";

interface Editor {
  readonly field: CorrectableField;
  readonly element: HTMLElement;
  /** The value typed, as the API takes it; throws a message when it cannot be one. */
  value(): unknown;
}

const options = (values: readonly string[], current: unknown, allowNone = false) => [
  allowNone ? el("option", { value: "", selected: current === null }, "(none)") : null,
  ...values.map((v) => el("option", { value: v, selected: v === current }, v)),
];

function editorFor(f: CorrectableField, event: StoredEvent, types: readonly EventTypeNames[]): Editor {
  const id = `correct-${f.field}`;
  const current = currentValue(event, f.field);
  const label = el("label", { for: id }, f.label);
  const wrap = (...control: HTMLElement[]) => el("div", { class: "field" }, label, ...control);
  const textOrNull = (input: HTMLInputElement | HTMLSelectElement) => () =>
    input.value.trim() === "" ? null : input.value.trim();
  switch (f.editor) {
    case "eventType": {
      const s = el(
        "select",
        { id },
        options(
          types.map((t) => t.name),
          current,
        ),
      );
      return { field: f, element: wrap(s), value: () => s.value };
    }
    case "subEventType": {
      const s = el(
        "select",
        { id },
        types.map((t) =>
          el(
            "optgroup",
            { label: t.name },
            options(
              t.subEventTypes.map((x) => x.name),
              current,
            ),
          ),
        ),
      );
      return { field: f, element: wrap(s), value: () => s.value };
    }
    case "date": {
      const i = el("input", { id, type: "date", value: (current as string | null) ?? "" });
      return { field: f, element: wrap(i), value: textOrNull(i) };
    }
    case "datePrecision":
    case "geoPrecision":
    case "role": {
      const values =
        f.editor === "datePrecision"
          ? ["day", "week", "month", "year"]
          : f.editor === "role"
            ? ["reported", "background"]
            : ["site", "city", "district", "province", "country", "region"];
      const s = el("select", { id }, options(values, current, f.editor !== "role"));
      return { field: f, element: wrap(s), value: textOrNull(s) };
    }
    case "text":
    case "countryCode": {
      const i = el("input", {
        id,
        type: "text",
        value: (current as string | null) ?? "",
        ...(f.editor === "countryCode" ? { pattern: "[A-Za-z]{2}", maxlength: 2, size: 3 } : {}),
      });
      return {
        field: f,
        element: wrap(i),
        value: () =>
          f.editor === "countryCode" ? ((textOrNull(i)() as string | null)?.toUpperCase() ?? null) : textOrNull(i)(),
      };
    }
    case "number": {
      const i = el("input", { id, type: "number", step: "any", value: current === null ? "" : String(current) });
      return {
        field: f,
        element: wrap(i),
        value: () => {
          if (i.value.trim() === "") return null;
          const n = Number(i.value);
          if (!Number.isFinite(n)) throw new Error(`${f.label} must be a number`);
          return n;
        },
      };
    }
    case "figure": {
      const fig = (current ?? { low: null, best: null, high: null }) as {
        low: number | null;
        best: number | null;
        high: number | null;
      };
      const box = (part: "low" | "best" | "high") =>
        el("input", {
          id: `${id}-${part}`,
          type: "number",
          min: 0,
          step: 1,
          value: fig[part] === null ? "" : String(fig[part]),
          "aria-label": `${f.label} ${part}`,
        });
      const low = box("low");
      const best = box("best");
      const high = box("high");
      const num = (i: HTMLInputElement, part: string) => {
        if (i.value.trim() === "") return null;
        const n = Number(i.value);
        if (!Number.isInteger(n) || n < 0) throw new Error(`${f.label} ${part} must be a whole number`);
        return n;
      };
      const element = el(
        "fieldset",
        { class: "figure-edit" },
        el("legend", {}, `${f.label} (UCDP low / best / high; high empty = open-ended)`),
        el("label", { for: `${id}-low` }, "low"),
        low,
        el("label", { for: `${id}-best` }, "best"),
        best,
        el("label", { for: `${id}-high` }, "high"),
        high,
      );
      return {
        field: f,
        element,
        value: () => ({ low: num(low, "low"), best: num(best, "best"), high: num(high, "high") }),
      };
    }
  }
}

/**
 * The inline form that corrects or confirms one row of the record. Each changed field is sent as
 * its own correction (each one audited), with the event version it was read at, so that a
 * concurrent edit is reported rather than overwritten.
 */
export function correctionForm(
  row: RecordRow,
  event: StoredEvent,
  types: readonly EventTypeNames[],
  done: (updated: StoredEvent | null, message: string) => void,
): HTMLFormElement {
  const editors = row.correctable.map((f) => editorFor(f, event, types));
  const note = el("input", {
    id: `note-${row.key}`,
    type: "text",
    maxlength: 500,
    placeholder: "why (kept in the audit log)",
  });
  const error = el("p", { class: "form-error", role: "alert" });
  let version = event.version;

  const submit = async (confirm: boolean) => {
    error.textContent = "";
    let latest: StoredEvent | null = null;
    let count = 0;
    try {
      for (const ed of editors) {
        const value = ed.value();
        const before = currentValue(event, ed.field.field);
        if (!confirm && JSON.stringify(value) === JSON.stringify(before)) continue;
        const path = confirm ? "confirmations" : "corrections";
        const body = confirm
          ? { field: ed.field.field, expectedVersion: version, note: note.value.trim() || null }
          : { field: ed.field.field, value, expectedVersion: version, note: note.value.trim() || null };
        const answer = await send<{ event: StoredEvent }>("POST", `/events/${event.id}/${path}`, body);
        latest = answer.event;
        version = latest.version;
        count++;
      }
    } catch (e) {
      error.textContent =
        e instanceof ApiError
          ? `${e.message}${e.status === 409 ? " — reload the event to see the change" : ""}`
          : (e as Error).message;
      if (latest) done(latest, "");
      return;
    }
    if (count === 0) {
      error.textContent = "Nothing changed: edit a value, or use Confirm.";
      return;
    }
    done(latest, confirm ? `${row.label} confirmed` : `${row.label} corrected`);
  };

  const form = el(
    "form",
    { class: "correction-form", "aria-label": `Correct ${row.label}`, "data-row": row.key },
    editors.map((e) => e.element),
    el("div", { class: "field" }, el("label", { for: `note-${row.key}` }, "Note"), note),
    el(
      "div",
      { class: "form-actions" },
      el("button", { type: "submit" }, "Save correction"),
      el("button", { type: "button", class: "secondary", onclick: () => void submit(true) }, "Confirm as is"),
      el("button", { type: "button", class: "secondary", onclick: () => done(null, "") }, "Cancel"),
    ),
    error,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void submit(false);
  });
  return form;
}
