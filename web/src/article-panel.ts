import type { ArticleWithText, EventDetail } from "../../src/store/store.js";
import { getJson } from "./api.js";
import { el, fmt, replace } from "./dom.js";
import { FIELD_LABELS, evidenceOf, renderEvidenceText, type RenderedText } from "./evidence.js";
import { figureText } from "./labels.js";

type Report = EventDetail["reports"][number];

const articleCache = new Map<number, Promise<ArticleWithText>>();

export function loadArticle(id: number): Promise<ArticleWithText> {
  let p = articleCache.get(id);
  if (!p) {
    p = getJson<ArticleWithText>(`/articles/${id}`);
    p.catch(() => articleCache.delete(id));
    articleCache.set(id, p);
  }
  return p;
}

/** "2. Associated Press, 2021-10-16": the outlet, else the dataset or the article's file name. */
export function reportTitle(r: Report, i: number): string {
  const file = r.article?.externalId.split(/[\\/]/).pop();
  const who =
    r.sourceName ?? r.article?.source ?? (r.origin === "import" ? r.dataset.toUpperCase() : (file ?? "article"));
  return `${i + 1}. ${who}${r.published ? `, ${r.published}` : ""}`;
}

/** The reports of an event as tabs, and the selected report's article with its evidence marked. */
export class ArticlePanel {
  readonly element: HTMLElement;
  private readonly tabs: HTMLElement;
  private readonly body: HTMLElement;
  private rendered: RenderedText | null = null;
  private shownReport: number | null = null;

  constructor(private readonly selectReport: (id: number) => void) {
    this.tabs = el("div", { class: "report-tabs", role: "tablist", "aria-label": "Reports of this event" });
    this.body = el("div", { class: "report-body", role: "tabpanel", id: "report-panel" });
    this.element = el(
      "section",
      { class: "article-panel", "aria-labelledby": "article-heading" },
      el("h3", { id: "article-heading" }, "Reports and their evidence"),
      this.tabs,
      this.body,
    );
  }

  async show(detail: EventDetail, reportId: number): Promise<void> {
    const reports = detail.reports;
    replace(
      this.tabs,
      reports.map((r, i) => {
        const selected = r.id === reportId;
        const tab = el(
          "button",
          {
            type: "button",
            role: "tab",
            id: `report-tab-${r.id}`,
            "aria-selected": selected ? "true" : "false",
            "aria-controls": "report-panel",
            tabindex: selected ? "0" : "-1",
            "data-report": r.id,
            onclick: () => this.selectReport(r.id),
          },
          reportTitle(r, i),
        );
        tab.addEventListener("keydown", (e) => {
          const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
          if (!step) return;
          const next = reports[(i + step + reports.length) % reports.length];
          if (next) this.selectReport(next.id);
        });
        return tab;
      }),
    );
    if (this.shownReport === reportId && this.rendered) return;
    const report = reports.find((r) => r.id === reportId);
    if (!report) return;
    this.shownReport = reportId;
    this.rendered = null;
    const meta = el(
      "dl",
      { class: "report-meta" },
      el("dt", {}, "Source"),
      el("dd", {}, report.sourceName ?? report.article?.source ?? "—"),
      el("dt", {}, "Published"),
      el("dd", {}, report.published ?? "—"),
      el("dt", {}, "Attached"),
      el("dd", {}, `${report.match}${report.match === "matched" ? ` (score ${report.matchScore.toFixed(2)})` : ""}`),
      el("dt", {}, "This report says"),
      el(
        "dd",
        {},
        `${report.record.subEventType}; killed ${report.record.killed ? figureText(report.record.killed) : "—"}; injured ${report.record.injured ? figureText(report.record.injured) : "—"}`,
      ),
    );
    if (report.articleId === null) {
      replace(
        this.body,
        meta,
        el(
          "p",
          { class: "note" },
          `This report is a row of the ${report.dataset.toUpperCase()} dataset${report.originalId ? ` (${report.originalId})` : ""}: it has no article text.`,
        ),
      );
      return;
    }
    replace(this.body, meta, el("p", { class: "loading" }, "Loading the article…"));
    const article = await loadArticle(report.articleId);
    if (this.shownReport !== reportId) return;
    const spans = evidenceOf(report.record);
    this.rendered = renderEvidenceText(article.text, spans);
    const warnings = this.rendered.broken.length
      ? el(
          "div",
          { class: "warning", role: "alert" },
          el(
            "strong",
            {},
            `${fmt(this.rendered.broken.length)} evidence spans do not match the article text and are not highlighted:`,
          ),
          el(
            "ul",
            {},
            this.rendered.broken.map((s) =>
              el("li", {}, `${FIELD_LABELS[s.field] ?? s.field}: "${s.text}" at ${s.start}–${s.end}`),
            ),
          ),
        )
      : null;
    const heading = el("h4", { class: "article-title" }, article.title ?? article.externalId);
    // Only web links: a `javascript:` or `data:` URL stored with an article must not become a link.
    const link =
      article.url && /^https?:\/\//i.test(article.url)
        ? el("a", { href: article.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")
        : null;
    replace(this.body, meta, warnings, el("div", { class: "article-head" }, heading, link), this.rendered.element);
  }

  /** Marks the spans of `fields` as the active evidence and scrolls the first into view. */
  highlight(fields: readonly string[]): boolean {
    if (!this.rendered) return false;
    for (const m of this.rendered.element.querySelectorAll("mark.active")) m.classList.remove("active");
    const marks = fields.flatMap((f) => this.rendered?.marksOf.get(f) ?? []);
    for (const m of marks) m.classList.add("active");
    const first = marks.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
    first?.scrollIntoView({ block: "center", behavior: "smooth" });
    return marks.length > 0;
  }

  get ready(): boolean {
    return this.rendered !== null;
  }
}

/** The first report whose record has evidence for any of `fields`. */
export function reportWithEvidence(detail: EventDetail, fields: readonly string[]): Report | undefined {
  return detail.reports.find((r) => r.articleId !== null && evidenceOf(r.record).some((s) => fields.includes(s.field)));
}
