import { describe, expect, it } from "vitest";
import { parseCsv, type CsvItem } from "./csv.js";

async function parse(chunks: string[]): Promise<(string[] | string)[]> {
  const out: (string[] | string)[] = [];
  for await (const item of parseCsv(chunks, "t.csv") as AsyncIterable<CsvItem>) {
    out.push(
      "row" in item
        ? [`@${item.row.line}`, ...item.row.fields]
        : `${item.problem.code}@${item.problem.where.line}: ${item.problem.detail}`,
    );
  }
  return out;
}

describe("CSV reader", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, in any chunking, with the line each row starts on", async () => {
    const text = 'id,notes,n\r\n1,"Kabul, ""Abbey Gate""\nairport",183\r\n2,plain,5\n\n3,"",0';
    const expected = [
      ["@1", "id", "notes", "n"],
      ["@2", "1", 'Kabul, "Abbey Gate"\nairport', "183"],
      ["@4", "2", "plain", "5"],
      ["@6", "3", "", "0"],
    ];
    expect(await parse([text])).toEqual(expected);
    // Every split point, including inside a CRLF and between two quotes.
    for (let k = 1; k < text.length; k++) expect(await parse([text.slice(0, k), text.slice(k)])).toEqual(expected);
  });

  it("reports a row with text after a closing quote, and one whose quote is never closed, by line, and goes on", async () => {
    expect(await parse(['a,b\n"x"y,1\nok,2\n"open,3\n'])).toEqual([
      ["@1", "a", "b"],
      "E_CSV_ROW@2: text after the closing quote of field 1",
      ["@3", "ok", "2"],
      "E_CSV_ROW@4: a quoted field is never closed",
    ]);
  });

  it("keeps a quote inside an unquoted field as data, and drops a byte-order mark", async () => {
    expect(await parse(['\ufeffname,size\n12" gun,1\n'])).toEqual([
      ["@1", "name", "size"],
      ["@2", '12" gun', "1"],
    ]);
  });
});
