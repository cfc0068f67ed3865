import { describe, expect, it } from "vitest";
import { datelineDate } from "./dateline.js";
import { parsePublished } from "./published.js";

describe("datelineDate", () => {
  it("reads MUC-4 wire datelines with two-digit years", () => {
    expect(datelineDate("SAN SALVADOR, 15 NOV 89 -- [REPORT] [ARMED FORCES PRESS COMMITTEE]")).toBe("1989-11-15");
    expect(datelineDate("LIMA, 3 JAN 90 (EFE) -- [TEXT] A CAR BOMB EXPLODED")).toBe("1990-01-03");
  });

  it("reads month-first datelines", () => {
    expect(datelineDate("KABUL, Oct. 16, 2021 (Reuters) - A suicide bomber")).toBe("2021-10-16");
  });

  it("finds nothing in a story without a dateline or with an impossible date", () => {
    expect(datelineDate("On Saturday, the Islamic State claimed responsibility for a suicide bombing.")).toBeNull();
    expect(datelineDate("BOGOTA, 31 FEB 90 -- A BOMB")).toBeNull();
  });
});

describe("parsePublished", () => {
  it("keeps the date of an ISO date-time and of an RFC 2822 feed date", () => {
    expect(parsePublished("2021-10-16T08:30:00Z", { file: "x" })).toBe("2021-10-16");
    expect(parsePublished("Sat, 16 Oct 2021 09:00:00 GMT", { file: "x" })).toBe("2021-10-16");
    expect(parsePublished(null, { file: "x" })).toBeNull();
  });

  it("refuses impossible or unreadable dates with the field that held them", () => {
    expect(() => parsePublished("2021-02-30", { file: "a.jsonl", line: 3, field: "published" })).toThrow(
      /E_DATE_INVALID: a.jsonl, line 3, field published/,
    );
    expect(() => parsePublished("last Friday", { file: "a.jsonl" })).toThrow(/E_DATE_INVALID/);
    expect(() => parsePublished(20211016, { file: "a.jsonl" })).toThrow(/E_DATE_INVALID/);
  });
});
