/** A plain-text table: columns padded to their widest cell, long cells cut with an ellipsis. */
export function renderTable(headers: readonly string[], rows: readonly (readonly unknown[])[], maxWidth = 40): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v).replace(/\s+/g, " ");
    return s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s;
  };
  const cells = rows.map((r) => r.map(cell));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}
