import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { AggregateBucket } from "../../src/query/types.js";
import { getJson, isAbort } from "./api.js";
import { el, fmt, replace, toast } from "./dom.js";

interface TimelineAnswer {
  readonly interval: "day" | "week" | "month" | "year";
  readonly from: string | null;
  readonly to: string | null;
  readonly buckets: AggregateBucket[];
}

const DAY = 86_400;
const toIso = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);

/** Length of a bucket in seconds, so that a brushed range includes the whole last bucket. */
function bucketSeconds(interval: TimelineAnswer["interval"], start: number): number {
  const d = new Date(start * 1000);
  switch (interval) {
    case "day":
      return DAY;
    case "week":
      return 7 * DAY;
    case "month":
      return (Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - d.getTime()) / 1000;
    case "year":
      return (Date.UTC(d.getUTCFullYear() + 1, 0, 1) - d.getTime()) / 1000;
  }
}

/** Events (bars) and fatalities (line) over time; dragging across it sets the date filter. */
export class Timeline {
  private plot: uPlot | null = null;
  private answer: TimelineAnswer | null = null;
  private filter: Record<string, string | readonly string[]> = {};
  private readonly chart: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly clearButton: HTMLButtonElement;

  constructor(
    container: HTMLElement,
    private readonly onRange: (since: string, until: string) => void,
  ) {
    this.chart = el("div", { class: "timeline-chart" });
    this.summary = el("p", { class: "timeline-summary", role: "status" });
    this.clearButton = el(
      "button",
      { type: "button", class: "secondary", hidden: true, onclick: () => this.onRange("", "") },
      "Clear dates",
    );
    replace(container, this.chart, el("div", { class: "timeline-foot" }, this.summary, this.clearButton));
    new ResizeObserver(() => this.plot?.setSize(this.size())).observe(container);
  }

  setFilter(filter: Record<string, string | readonly string[]>): void {
    this.filter = filter;
    this.clearButton.hidden = !filter.since && !filter.until;
    void this.refresh();
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(300, this.chart.clientWidth), height: 170 };
  }

  async refresh(): Promise<void> {
    try {
      this.answer = await getJson<TimelineAnswer>("/timeline", this.filter, "timeline");
      this.draw(this.answer);
    } catch (e) {
      if (!isAbort(e)) toast(`Timeline: ${(e as Error).message}`, "error");
    }
  }

  private draw(a: TimelineAnswer): void {
    this.plot?.destroy();
    this.plot = null;
    const events = a.buckets.reduce((n, b) => n + b.events, 0);
    const killed = a.buckets.reduce((n, b) => n + b.killedBest, 0);
    this.chart.dataset.buckets = String(a.buckets.length);
    if (a.buckets.length === 0) {
      replace(this.chart);
      this.summary.textContent = "No dated events match the filters.";
      return;
    }
    this.summary.textContent = `${fmt(events)} events, ${fmt(killed)} killed (best estimates), ${a.from} to ${a.to}, per ${a.interval}.`;
    const xs = a.buckets.map((b) => Date.parse(`${b.key}T00:00:00Z`) / 1000);
    const data: uPlot.AlignedData = [xs, a.buckets.map((b) => b.events), a.buckets.map((b) => b.killedBest)];
    const opts: uPlot.Options = {
      ...this.size(),
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      select: { show: true, left: 0, top: 0, width: 0, height: 0 },
      legend: { show: true, live: true },
      scales: {
        x: { time: true },
        events: { range: (_u, _min, max) => [0, Math.max(1, max)] },
        killed: { range: (_u, _min, max) => [0, Math.max(1, max)] },
      },
      axes: [
        {},
        { scale: "events", label: "events", size: 50 },
        { scale: "killed", label: "killed", side: 1, size: 60, grid: { show: false } },
      ],
      series: [
        { label: "period", value: (_u, v) => (v === null ? "—" : toIso(v)) },
        {
          label: "events",
          scale: "events",
          stroke: "#3a5a8c",
          fill: "rgba(58, 90, 140, 0.45)",
          paths: uPlot.paths.bars!({ size: [0.9, 40] }),
          points: { show: false },
          value: (_u, v) => fmt(v),
        },
        {
          label: "killed",
          scale: "killed",
          stroke: "#b2182b",
          width: 1.5,
          points: { show: false },
          value: (_u, v) => fmt(v),
        },
      ],
      hooks: {
        setSelect: [
          (u) => {
            if (u.select.width < 3 || !this.answer) return;
            const from = u.posToVal(u.select.left, "x");
            const to = u.posToVal(u.select.left + u.select.width, "x");
            // Snap to whole buckets: the range covers every bar the brush touched.
            const first = xs.filter((x) => x <= from).pop() ?? xs[0] ?? from;
            const lastStart = xs.filter((x) => x <= to).pop() ?? to;
            const last = lastStart + bucketSeconds(this.answer.interval, lastStart) - DAY;
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            this.onRange(toIso(first), toIso(Math.max(first, last)));
          },
        ],
      },
    };
    this.plot = new uPlot(opts, data, this.chart);
  }
}
