import { SitrepError } from "../core/errors.js";

/**
 * Rows of a reviewable TSV lexicon: the first line names the columns, lines starting with "#" are
 * comments, blank lines are skipped. A row with fewer cells than required is a data error that
 * names the file and line, so a broken edit fails at load time rather than mis-typing events.
 */
export function parseTsv(text: string, file: string, required: readonly string[]): Record<string, string>[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? "").split("\t").map((h) => h.trim());
  for (const col of required) {
    if (!header.includes(col)) throw new SitrepError("E_DATA_INVALID", `column "${col}" missing`, { file, line: 1 });
  }
  const rows: Record<string, string>[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === "" || line.startsWith("#")) continue;
    const cells = line.split("\t");
    const row: Record<string, string> = {};
    header.forEach((h, k) => (row[h] = (cells[k] ?? "").trim()));
    for (const col of required) {
      if (!row[col]) throw new SitrepError("E_DATA_INVALID", `empty "${col}"`, { file, line: i + 1 });
    }
    rows.push(row);
  }
  return rows;
}
