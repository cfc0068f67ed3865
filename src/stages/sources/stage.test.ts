import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleFromText, buildArticle } from "../../text/article.js";
import type { Article } from "../../core/article.js";
import { sourcesStage } from "./stage.js";
import { devDataPath } from "../../../scripts/dev/dev-data.js";

function run(article: Article) {
  return sourcesStage.run({ article, annotations: {}, trace: null }).sources.map((s) => ({
    name: s.name,
    kind: s.kind,
    text: article.text.slice(s.span.start, s.span.end),
  }));
}
const sourcesOf = (text: string) => run(articleFromText(text, "2021-10-16"));
const names = (text: string) => sourcesOf(text).map((s) => s.name);

const SEED_PATH = devDataPath("kandahar-2021-10-16.txt");
const MUC_PATH = devDataPath("muc4-train.jsonl");

describe("sources of the seed article", () => {
  const raw = readFileSync(SEED_PATH, "utf8");
  const article = buildArticle({
    id: "seed",
    raw,
    analysisStart: raw.indexOf("\n") + 1,
    title: null,
    published: "2021-10-16",
    origin: { file: SEED_PATH },
  });

  it("names every outlet, official, organisation and witness the article cites, with the words of each", () => {
    expect(run(article)).toEqual([
      { name: "Telegram", kind: "other", text: "Telegram channels" },
      { name: "ExTrac", kind: "organisation", text: "ExTrac, a conflict analysis organization" },
      { name: "AFP", kind: "outlet", text: "AFP" },
      { name: "Kandahar police chief", kind: "official", text: "Kandahar police head Maulvi Mehmood" },
      { name: "hospital data", kind: "other", text: "hospital data" },
      {
        name: "Kandahar health director",
        kind: "official",
        text: "Hafiz Abdulhai Abbas, Kandahar's director of health",
      },
      { name: "doctor", kind: "other", text: "a doctor at Mirwais hospital in the city's center" },
      { name: "AFP", kind: "outlet", text: "AFP" },
      { name: "witnesses", kind: "witness", text: "eyewitnesses" },
    ]);
  });

  it("never marks the group that claimed the attack as a source", () => {
    expect(run(article).some((s) => /islamic state|is-k/i.test(s.text))).toBe(false);
  });
});

describe("source patterns", () => {
  it("normalises outlet names", () => {
    expect(names("Forty-one people were killed, Agence France-Presse reported.")).toEqual(["AFP"]);
    expect(names("At least 41 people were killed, a hospital official told the French news agency.")).toEqual([
      "hospital official",
      "AFP",
    ]);
    expect(names("The toll was confirmed by the Associated Press.")).toEqual(["AP"]);
    expect(names("Reuters said the blast shattered windows.")).toEqual(["Reuters"]);
    expect(names("Seven people died, state media agency Xinhua said.")).toEqual(["Xinhua"]);
    expect(names("KABUL, Oct 16 (Reuters) - A blast tore through a mosque.")).toEqual(["Reuters"]);
  });

  it("reads officials with the place before their title", () => {
    expect(sourcesOf("The health director said 41 bodies had been brought to the hospital.")).toEqual([
      { name: "health director", kind: "official", text: "The health director" },
    ]);
    expect(names("Police said the attackers fled on motorcycles.")).toEqual(["police"]);
    expect(names('"We are swamped," said Kandahar police spokesman Jamal Barakzai.')).toEqual([
      "Kandahar police spokesperson",
    ]);
  });

  it("reads witnesses and organisations", () => {
    expect(sourcesOf("Gunfire was heard, according to eyewitnesses.")).toEqual([
      { name: "witnesses", kind: "witness", text: "eyewitnesses" },
    ]);
    expect(names("Residents said the shelling lasted all night.")).toEqual(["residents"]);
    expect(
      sourcesOf("At least 12 civilians were killed, the Syrian Observatory for Human Rights said.")[0],
    ).toMatchObject({
      name: "Syrian Observatory for Human Rights",
      kind: "organisation",
    });
  });

  it("reads MUC-4 wire headers: the outlet after the date and the speaker in brackets", () => {
    const lines = readFileSync(MUC_PATH, "utf8").split("\n");
    const article = (n: number) => {
      const j = JSON.parse(lines[n]!) as { id: string; text: string; published: string | null };
      return buildArticle({ id: j.id, raw: j.text, title: null, published: j.published, origin: { file: MUC_PATH } });
    };
    // DEV-MUC3-0001: "SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE, COPREFA] [TEXT]".
    expect(run(article(0))[0]).toEqual({
      name: "armed forces press committee",
      kind: "official",
      text: "ARMED FORCES PRESS COMMITTEE, COPREFA",
    });
    // DEV-MUC3-0004: "... (RADIO VENCEREMOS) -- [TEXT]".
    expect(run(article(3))[0]).toEqual({ name: "Radio Venceremos", kind: "outlet", text: "RADIO VENCEREMOS" });
  });

  it("does not take a country in parentheses for an outlet", () => {
    expect(names("CARACAS (VENEZUELA), 30 AUG 89 (DPA) -- [TEXT] TWO POLICEMEN WERE KILLED.")).toEqual(["DPA"]);
  });

  it("leaves out pronouns, claimants and outlets named without citing them", () => {
    expect(sourcesOf("He said the attack was revenge.")).toEqual([]);
    expect(sourcesOf("The Islamic State claimed responsibility for the attack.")).toEqual([]);
    expect(sourcesOf("The Islamic State group said it carried out the attack.")).toEqual([]);
    expect(sourcesOf("Al Jazeera's office in Gaza was destroyed by an air strike.")).toEqual([]);
    expect(sourcesOf("The militants attacked at dawn.")).toEqual([]);
  });

  it("never crashes on odd input", () => {
    for (const text of [
      "",
      "said",
      "according to",
      ", said",
      "told AFP",
      "[ ] ( ) --",
      "X, 1 JAN 90 (",
      "according to a statement issued on",
    ]) {
      expect(() => sourcesOf(text)).not.toThrow();
    }
  });
});
