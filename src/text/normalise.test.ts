import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isCaseless, normalise } from "./normalise.js";

const SEED = readFileSync(new URL("../../examples/kandahar-2021-10-16.txt", import.meta.url), "utf8");

describe("normalise", () => {
  it("drops the seed article's repeated paragraph, which differs only in its quotes", () => {
    const n = normalise(SEED);
    expect(n.text.match(/We are swamped/g)).toHaveLength(1);
    expect(n.dropped).toHaveLength(1);
    expect(SEED.slice(n.dropped[0]!.start, n.dropped[0]!.end)).toBe(
      `"We are swamped," a doctor at Mirwais hospital in the city's center told AFP.`,
    );
  });

  it("maps every normalised character back to the raw character it came from", () => {
    const n = normalise(SEED);
    for (let i = 0; i < n.text.length; i++) {
      const c = n.text[i]!;
      if (c === "\n") continue;
      const raw = SEED.slice(n.rawStart[i], n.rawEnd[i]);
      if (c === " ") expect(raw).toMatch(/^\s$/);
      else if (c === "'" || c === '"' || c === "-") expect(raw).toMatch(/^['"\u2018\u2019\u201c\u201d\u2014-]$/);
      else expect(raw).toBe(c);
    }
  });

  it("keeps a paragraph longer than one chunk of codes whole, with its ellipses and offsets", () => {
    // The seed article's paragraphs, four times over, run into one of about 11,000 characters, each "…"
    // becoming three periods: more than the paragraph buffer holds at first, and over 8192 codes.
    const body = SEED.replace(/\s+/g, " ").trim();
    const raw = `${body} \u2026 ${body} \u2026 ${body} \u2026 ${body}`;
    const n = normalise(raw);
    expect(n.paragraphs).toHaveLength(1);
    expect(n.text.length).toBeGreaterThan(8192);
    expect(n.text.split("...").length).toBe(4);
    expect(
      n.text.startsWith(
        body
          .slice(0, 100)
          .replace(/[\u2018\u2019]/g, "'")
          .replace(/[\u201c\u201d]/g, '"'),
      ),
    ).toBe(true);
    expect(n.rawStart.length).toBe(n.text.length);
    for (let i = 0; i < n.text.length; i++) {
      const c = n.text[i]!;
      const from = raw.slice(n.rawStart[i], n.rawEnd[i]);
      if (c === ".") expect(from === "." || from === "\u2026").toBe(true);
      else if (/[A-Za-z0-9]/.test(c)) expect(from).toBe(c);
    }
  });

  it("keeps one offset per character after a dropped paragraph and an ellipsis", () => {
    const raw = "Shots were fired\u2026 two died.\n\nPolice came.\n\nShots were fired... two died.\n\nThe end.";
    const n = normalise(raw);
    expect(n.text).toBe("Shots were fired... two died.\n\nPolice came.\n\nThe end.");
    expect(n.rawStart).toHaveLength(n.text.length);
    expect(n.rawEnd).toHaveLength(n.text.length);
    const end = n.text.indexOf("The end.");
    expect(raw.slice(n.rawStart[end], n.rawEnd[end + "The end.".length - 1])).toBe("The end.");
    // The three dots of the ellipsis all come from its one raw character.
    const dots = n.text.indexOf("...");
    expect([n.rawStart[dots], n.rawStart[dots + 2], n.rawEnd[dots + 2]]).toEqual([16, 16, 17]);
  });

  it("unifies curly quotes and dashes without changing offsets", () => {
    const raw = "the Taliban\u2019s spiritual heartland \u2014 while";
    const n = normalise(raw);
    expect(n.text).toBe("the Taliban's spiritual heartland - while");
    expect(n.rawStart[n.text.indexOf("-")]).toBe(raw.indexOf("\u2014"));
  });

  it("joins wrapped lines of capitals-only wire copy into one paragraph", () => {
    const raw =
      "SAN SALVADOR, 3 JAN 90 -- THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50\nPEASANTS OF VARIOUS AGES HAVE BEEN KIDNAPPED.\n\n   MEANWHILE, THREE SUBVERSIVES WERE KILLED.";
    const n = normalise(raw);
    expect(n.caseless).toBe(true);
    expect(n.paragraphs).toHaveLength(2);
    expect(n.text).toContain("ABOUT 50 PEASANTS");
  });

  it("starts a paragraph at a headline line in cased text but joins a wrapped sentence", () => {
    const raw =
      "Roadside IED kills Russian major general in Syria\nThe desert south of Deir ez-Zor is rife with\ninsurgents.";
    const n = normalise(raw);
    expect(n.paragraphs).toHaveLength(2);
    expect(n.text).toContain("rife with insurgents.");
  });

  it("starts a paragraph at each list item, not at a dash that wraps a line", () => {
    const raw =
      "Weekly incidents:\n- On 13 August, gunmen killed two aid workers in Ngala.\n- On 14 August, an IED struck a " +
      "convoy near Tessalit, wounding four\n-- and a fifth later died.";
    const n = normalise(raw);
    expect(n.paragraphs.map((p) => n.text.slice(p.start, p.end))).toEqual([
      "Weekly incidents:",
      "- On 13 August, gunmen killed two aid workers in Ngala.",
      "- On 14 August, an IED struck a convoy near Tessalit, wounding four -- and a fifth later died.",
    ]);
  });

  it("tells capitals-only text from ordinary text", () => {
    expect(isCaseless("THE FMLN ATTACKED THE CITY OF SAN MIGUEL YESTERDAY")).toBe(true);
    expect(isCaseless("The FMLN attacked the city of San Miguel yesterday")).toBe(false);
  });
});

describe("normalise on text without spaces", () => {
  it("breaks a run of 128 or more characters without changing the raw offsets of the words", () => {
    const blob = "x".repeat(300);
    const raw = `Before ${blob} after.`;
    const n = normalise(raw);
    expect(n.text).toBe(`Before ${"x".repeat(128)} ${"x".repeat(128)} ${"x".repeat(44)} after.`);
    const after = n.text.indexOf("after");
    expect(raw.slice(n.rawStart[after], n.rawEnd[after + 4])).toBe("after");
    const second = n.text.indexOf(" x", 10) + 1;
    expect(n.rawStart[second]).toBe(7 + 128);
    expect(n.rawEnd[second - 1]).toBe(7 + 128);
  });
});
