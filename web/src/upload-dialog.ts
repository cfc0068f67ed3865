import type { ApiErrorBody } from "../../src/api/errors.js";
import { byId, el, fmt, replace } from "./dom.js";
import { loadToken } from "./token-store.js";

/** The media type the API reads a file as, from its name (the server's readers also sniff the content). */
export function mediaTypeOf(name: string): string {
  const ext = name.toLowerCase().split(".").pop() ?? "";
  if (ext === "jsonl" || ext === "ndjson") return "application/x-ndjson";
  if (ext === "json") return "application/json";
  if (ext === "html" || ext === "htm") return "text/html";
  if (ext === "rss" || ext === "xml") return "application/rss+xml";
  if (ext === "atom") return "application/atom+xml";
  return "text/plain";
}

interface IngestAnswer {
  readonly articles: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly newEvents: number;
  readonly matchedReports: number;
  readonly events: number[];
  readonly problems: ApiErrorBody[];
}

/**
 * Adding articles from the browser (editors): each file is sent to POST /api/articles as it is,
 * read by the same readers as `sitrep ingest`; the answer lists the events it made or joined and
 * every line or item that could not be read.
 */
export class UploadDialog {
  private readonly dialog = byId<HTMLDialogElement>("upload-dialog");
  private readonly button = byId<HTMLButtonElement>("upload-button");

  constructor(
    private readonly openEvent: (id: number) => void,
    private readonly ingested: () => void,
  ) {
    this.button.addEventListener("click", () => this.open());
  }

  /** Shown only to a browser holding an editor token. */
  setAllowed(allowed: boolean): void {
    this.button.hidden = !allowed;
  }

  private open(): void {
    const files = el("input", {
      id: "upload-files",
      type: "file",
      multiple: true,
      required: true,
      accept: ".txt,.jsonl,.ndjson,.json,.html,.htm,.xml,.rss,.atom",
    });
    const published = el("input", { id: "upload-published", type: "date" });
    const results = el("div", { class: "upload-results", role: "status", "aria-live": "polite" });
    const form = el(
      "form",
      { class: "upload-form" },
      el("h2", { id: "upload-title" }, "Add articles"),
      el(
        "p",
        {},
        "Date-line text, plain text, JSONL, saved web pages or RSS/Atom feeds. Articles already stored are not stored twice.",
      ),
      el("div", { class: "field" }, el("label", { for: "upload-files" }, "Files"), files),
      el(
        "div",
        { class: "field" },
        el("label", { for: "upload-published" }, "Publication date of plain text that carries none (optional)"),
        published,
      ),
      results,
      el(
        "div",
        { class: "form-actions" },
        el("button", { type: "submit", id: "upload-send" }, "Add"),
        el("button", { type: "button", class: "secondary", onclick: () => this.dialog.close() }, "Close"),
      ),
    );
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      replace(results);
      let changed = false;
      for (const file of Array.from(files.files ?? [])) {
        const line = el("p", { class: "loading" }, `${file.name}: reading…`);
        results.append(line);
        const query = new URLSearchParams({ filename: file.name });
        if (published.value) query.set("published", published.value);
        const res = await fetch(`/api/articles?${query}`, {
          method: "POST",
          headers: {
            "content-type": mediaTypeOf(file.name),
            authorization: `Bearer ${loadToken() ?? ""}`,
            accept: "application/json",
          },
          body: file,
        });
        const body = (await res.json().catch(() => ({}))) as IngestAnswer & Partial<ApiErrorBody>;
        if (!res.ok) {
          replace(line, el("strong", {}, `${file.name}: `), body.message ?? `HTTP ${res.status}`);
          line.className = "form-error";
          continue;
        }
        changed = true;
        line.className = "";
        replace(
          line,
          el("strong", {}, `${file.name}: `),
          `${fmt(body.articles)} article(s), ${fmt(body.stored)} new, ${fmt(body.duplicates)} already stored; ${fmt(body.newEvents)} new event(s), ${fmt(body.matchedReports)} report(s) of known events. `,
          body.events
            .slice(0, 20)
            .map((id) =>
              el(
                "button",
                { type: "button", class: "link", onclick: () => (this.dialog.close(), this.openEvent(id)) },
                `#${id} `,
              ),
            ),
        );
        if (body.problems.length) {
          results.append(
            el(
              "ul",
              { class: "form-error" },
              body.problems.map((p) => el("li", {}, p.message)),
            ),
          );
        }
      }
      if (changed) this.ingested();
    });
    replace(this.dialog, form);
    this.dialog.showModal();
    files.focus();
  }
}
