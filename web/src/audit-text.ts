import type { AuditEntry } from "../../src/store/store.js";

const value = (v: unknown): string => {
  if (v === null || v === undefined) return "none";
  if (typeof v === "object" && "best" in (v as object)) {
    const f = v as { low: number | null; best: number | null; high: number | null };
    return `${f.low ?? "?"} / ${f.best ?? "?"} / ${f.high ?? "open"}`;
  }
  return typeof v === "string" ? `“${v}”` : JSON.stringify(v);
};

const ids = (v: unknown): string => (Array.isArray(v) ? v.map((x) => `#${x}`).join(", ") : String(v));

/** What an audit entry says, in words an analyst reads: "killed: 41 / 41 / 41 → 41 / 47 / 47". */
export function auditText(a: AuditEntry): string {
  const d = a.detail as Record<string, unknown>;
  switch (a.action) {
    case "correct":
      return JSON.stringify(d.from) === JSON.stringify(d.to)
        ? `confirmed ${d.field} as ${value(d.to)}`
        : `corrected ${d.field}: ${value(d.from)} → ${value(d.to)}`;
    case "merge":
      return `merged ${ids(d.from)} into this event (${Array.isArray(d.reports) ? d.reports.length : 0} report(s) moved)`;
    case "split":
      return `split ${Array.isArray(d.reports) ? d.reports.length : 0} report(s) off into #${d.created}`;
    case "ingest":
      return `ingested ${d.filename ?? "an upload"}: ${d.stored ?? 0} new article(s), ${d.newEvents ?? 0} new event(s)`;
    default:
      return `${a.action} ${JSON.stringify(d)}`;
  }
}
