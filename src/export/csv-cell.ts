/**
 * A CSV cell that spreadsheets will not run: a cell starting with = + - @, a tab or a carriage
 * return is prefixed with an apostrophe (OWASP's CSV-injection advice); then RFC 4180 quoting.
 * Numbers are written as they are (a negative longitude is data, not a formula).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: readonly (string | number | null | undefined)[]): string =>
  `${cells.map(csvCell).join(",")}\n`;
