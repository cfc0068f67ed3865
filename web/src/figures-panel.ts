import type { EventDetail } from "../../src/store/store.js";
import { el, fmt } from "./dom.js";

const KINDS = ["killed", "injured", "kidnapped"] as const;

/**
 * The reconciled low / best / high of each count, and every figure the reports gave, in the order
 * they were published: how a toll grew, and which source said what.
 */
export function figuresPanel(detail: EventDetail, showEvidence: (reportId: number, kind: string) => void): HTMLElement {
  const e = detail.event;
  const reconciled = el(
    "table",
    { class: "figures" },
    el("caption", {}, "Reconciled figures (UCDP low / best / high; ACLED exports the low figure)"),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, ""),
        el("th", { scope: "col", class: "num" }, "low"),
        el("th", { scope: "col", class: "num" }, "best"),
        el("th", { scope: "col", class: "num" }, "high"),
      ),
    ),
    el(
      "tbody",
      {},
      KINDS.map((k) =>
        el(
          "tr",
          { "data-kind": k },
          el("th", { scope: "row" }, k, e.corrected.includes(k) ? el("span", { class: "badge" }, "corrected") : null),
          el("td", { class: "num" }, fmt(e[k].low)),
          el("td", { class: "num" }, fmt(e[k].best)),
          el("td", { class: "num" }, e[k].high === null ? (e[k].low === null ? "—" : "open") : fmt(e[k].high)),
        ),
      ),
    ),
  );
  const history = detail.figureHistory;
  const historyTable = history.length
    ? el(
        "table",
        { class: "figure-history" },
        el("caption", {}, "Figure history: every figure each report gave"),
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            ["as of", "source", "count", "low", "best", "high", "words"].map((h) => el("th", { scope: "col" }, h)),
          ),
        ),
        el(
          "tbody",
          {},
          history.map((h) =>
            el(
              "tr",
              {},
              el("td", {}, h.asOf ?? "—"),
              el("td", {}, h.sourceName ?? "—"),
              el("td", {}, h.kind),
              el("td", { class: "num" }, fmt(h.low)),
              el("td", { class: "num" }, fmt(h.best)),
              el("td", { class: "num" }, h.high === null ? "open" : fmt(h.high)),
              el(
                "td",
                {},
                h.text
                  ? el(
                      "button",
                      { type: "button", class: "link", onclick: () => showEvidence(h.reportId, h.kind) },
                      `“${h.text}”`,
                    )
                  : "—",
              ),
            ),
          ),
        ),
      )
    : el("p", { class: "note" }, "No figures were reported.");
  return el(
    "section",
    { class: "figures-panel", "aria-labelledby": "figures-heading" },
    el("h3", { id: "figures-heading" }, "Figures"),
    reconciled,
    historyTable,
  );
}
