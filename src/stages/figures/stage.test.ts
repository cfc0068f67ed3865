import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { FigureMention } from "../../core/annotations.js";
import { articleFromText, buildArticle } from "../../text/article.js";
import type { Article } from "../../core/article.js";
import { sourcesStage } from "../sources/stage.js";
import { figuresStage } from "./stage.js";
import { devDataPath } from "../../../scripts/dev/dev-data.js";

function run(article: Article) {
  const { sources } = sourcesStage.run({ article, annotations: {}, trace: null });
  const { figures } = figuresStage.run({ article, annotations: { sources }, trace: null });
  return figures.map((f: FigureMention) => ({
    kind: f.kind,
    low: f.low,
    best: f.best,
    high: f.high,
    text: article.text.slice(f.span.start, f.span.end),
    group: f.group,
    perpetrators: f.perpetrators,
    revision: f.revision,
    ...(f.additional ? { additional: true } : {}),
    source: f.sourceIndex === null ? null : sources[f.sourceIndex]!.name,
  }));
}

const figuresOf = (sentence: string) => run(articleFromText(sentence, "2021-10-16"));
const brief = (sentence: string) => figuresOf(sentence).map((f) => [f.kind, f.low, f.best, f.high, f.text]);

const SEED_PATH = devDataPath("kandahar-2021-10-16.txt");

describe("figures on the seed article", () => {
  const raw = readFileSync(SEED_PATH, "utf8");
  const article = buildArticle({
    id: "seed",
    raw,
    analysisStart: raw.indexOf("\n") + 1,
    title: null,
    published: "2021-10-16",
    origin: { file: SEED_PATH },
  });
  const figures = run(article);

  it("gives every casualty figure of the article, and nothing else", () => {
    expect(figures.map((f) => [f.kind, f.low, f.best, f.high, f.text])).toEqual([
      ["killed", 41, 41, null, "at least 41"],
      ["injured", 24, 24, null, "dozens"],
      ["killed", 61, 61, null, "more than 60"],
      ["killed", 41, 41, 41, "41"],
      ["injured", 70, 70, 70, "70"],
    ]);
  });

  it("ties the hospital figures to the sources their sentence cites", () => {
    expect(figures[3]!.source).toBe("hospital data");
    expect(figures[4]!.source).toBe("Kandahar health director");
    expect(figures[0]!.source).toBeNull();
  });

  it("does not count the ambulances", () => {
    expect(figures.some((f) => f.best === 15)).toBe(false);
  });
});

describe("figure patterns", () => {
  it("reads passives, and counts that share one", () => {
    // MUC-4 train DEV-MUC3-0001.
    expect(
      figuresOf(
        "MEANWHILE, THREE SUBVERSIVES WERE KILLED AND SEVEN OTHERS WERE WOUNDED DURING CLASHES YESTERDAY IN USULUTAN AND MORAZAN DEPARTMENTS.",
      ),
    ).toMatchObject([
      { kind: "killed", best: 3, group: "perpetrators", perpetrators: 3 },
      { kind: "injured", best: 7, group: null },
    ]);
  });

  it("adds the counts of a list before one passive and keeps the perpetrators apart", () => {
    // MUC-4 train DEV-MUC3-0075 region: "SIX GUERRILLAS AND ONE SOLDIER WERE KILLED".
    const f = figuresOf(
      "BOGOTA, 2 FEB 89 -- [SUMMARY] SIX GUERRILLAS AND ONE SOLDIER WERE KILLED AND TWO SOLDIERS WERE WOUNDED IN RECENT FIGHTING.",
    );
    expect(f[0]).toMatchObject({
      kind: "killed",
      low: 7,
      best: 7,
      high: 7,
      text: "SIX GUERRILLAS AND ONE SOLDIER",
      group: null,
      perpetrators: 6,
    });
    expect(f[1]).toMatchObject({ kind: "injured", best: 2, group: "security", perpetrators: 0 });
    expect(figuresOf("One civilian and six assailants were killed in the attack.")[0]).toMatchObject({
      best: 7,
      perpetrators: 6,
    });
  });

  it("reads a passive after a prepositional phrase", () => {
    // MUC-4 train DEV-MUC3-0001.
    expect(
      brief(
        "THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50 PEASANTS OF VARIOUS AGES HAVE BEEN KIDNAPPED BY TERRORISTS.",
      ),
    ).toEqual([["kidnapped", 50, 50, 50, "ABOUT 50"]]);
  });

  it("reads counts followed by a casualty word: 41 dead and 70 wounded", () => {
    // MUC-4 train: "THE ARMY SUSTAINED 9 DEAD AND 12 WOUNDED".
    expect(brief("THE ARMY SUSTAINED 9 DEAD AND 12 WOUNDED AS A RESULT OF THE FMLN GUERRILLA ATTACK.")).toEqual([
      ["killed", 9, 9, 9, "9"],
      ["injured", 12, 12, 12, "12"],
    ]);
    expect(
      brief("THE PRISON RIOT HAS LEFT AT LEAST 12 DEAD AND SOME 20 INJURED, ACCORDING TO POLICE SPOKESMEN."),
    ).toEqual([
      ["killed", 12, 12, null, "AT LEAST 12"],
      ["injured", 20, 20, 20, "SOME 20"],
    ]);
  });

  it("reads active verbs: killing, wounding, kidnapped, took hostages", () => {
    // MUC-4 train DEV-MUC3-0180 and DEV-MUC3-0037 region.
    expect(
      brief("MANAGING TO \"NEUTRALIZE THE YANKEE CONVOY'S REARGUARD, KILLING ONE SOLDIER AND WOUNDING THREE OR FOUR."),
    ).toEqual([
      ["killed", 1, 1, 1, "ONE"],
      ["injured", 3, 3, 4, "THREE OR FOUR"],
    ]);
    expect(brief("UNIDENTIFIED PERSONS KIDNAPPED 31 PEOPLE IN THE STRIFE-TORN BANANA-GROWING REGION.")).toEqual([
      ["kidnapped", 31, 31, 31, "31"],
    ]);
    expect(
      brief("THE PRISON HAS BEEN IN THE HANDS OF SOME 200 PRISONERS WHO ARE HOLDING MORE THAN 500 PEOPLE HOSTAGE."),
    ).toEqual([["kidnapped", 501, 501, null, "MORE THAN 500"]]);
    expect(brief("Gunmen took 12 hostages at the bank.")).toEqual([["kidnapped", 12, 12, 12, "12"]]);
  });

  it("reads qualifiers and vague counts", () => {
    expect(
      brief("IN ADDITION, NEARLY 1,500 PEOPLE WERE KILLED IN CLASHES BETWEEN THE ARMED FORCES AND THE GUERRILLAS."),
    ).toEqual([["killed", 1350, 1499, 1499, "NEARLY 1,500"]]);
    expect(brief("SO FAR, OVER 1,000 PEOPLE HAVE DIED.")).toEqual([["killed", 1001, 1001, null, "OVER 1,000"]]);
    expect(brief("SEVEN SOLDIERS WERE KILLED AND SEVERAL WERE WOUNDED BY A BOMB.")).toEqual([
      ["killed", 7, 7, 7, "SEVEN"],
      ["injured", 3, 3, null, "SEVERAL"],
    ]);
  });

  it("reads tolls, and a toll that rose as a revision", () => {
    // MUC-4 train DEV-MUC3-0822 and DEV-MUC3-0490.
    expect(
      brief("THE FIGHTING HAS LEFT A TOLL OF MORE THAN 1,000 DEAD, HUNDREDS WOUNDED, AND TENS OF THOUSANDS HOMELESS."),
    ).toEqual([
      ["killed", 1001, 1001, null, "MORE THAN 1,000"],
      ["injured", 200, 200, null, "HUNDREDS"],
    ]);
    expect(
      brief(
        "THIS NEW TERRORIST ACTION HAS LEFT A TOLL OF 1 PERSON WOUNDED AND MATERIAL DAMAGE TO OVER 20 STORES IN THE AREA.",
      ),
    ).toEqual([["injured", 1, 1, 1, "1"]]);
    // Wire wording of the seed event's follow-up reports.
    expect(
      figuresOf("The death toll from Friday's bombing of the mosque in Kandahar rose to 63, a hospital official said."),
    ).toMatchObject([{ kind: "killed", best: 63, revision: true, source: "hospital official" }]);
    expect(
      figuresOf(
        "The death toll from Sunday's suicide bombing at a rally of the Jamiat Ulema-e-Islam party in Khar, northwest Pakistan, rose to 54 on Monday, police said.",
      ),
    ).toMatchObject([{ kind: "killed", best: 54, revision: true }]);
    expect(figuresOf("The toll later rose to 25.")).toMatchObject([{ kind: "killed", best: 25, revision: true }]);
    // counts added to the others, and one that is not
    expect(figuresOf("Two more died later in hospital.")).toMatchObject([{ best: 2, additional: true }]);
    expect(figuresOf("Another three people were killed on Monday.")).toMatchObject([{ best: 3, additional: true }]);
    expect(figuresOf("The bomb killed 41 people and injured dozens more.")[1]).not.toHaveProperty("additional");
    expect(figuresOf("The death toll has since climbed to 30.")).toMatchObject([{ best: 30, revision: true }]);
    expect(
      figuresOf("The blast killed 41 people, bringing the death toll from the week's attacks to 104."),
    ).toMatchObject([
      { kind: "killed", best: 41, revision: false },
      { kind: "killed", best: 104, revision: true },
    ]);
  });

  it("counts one for a person named by a noun: a soldier was wounded", () => {
    // MUC-4 train DEV-MUC3-0001.
    expect(
      figuresOf("IT WAS ALSO REPORTED THAT A SOLDIER WAS WOUNDED AND TAKEN TO THE MILITARY HOSPITAL IN THIS CAPITAL."),
    ).toMatchObject([{ kind: "injured", best: 1, text: "A SOLDIER", group: "security" }]);
    // MUC-4 dev TST1-MUC3-0001: the object of an active verb, and a singular the lexicon had only as a plural
    expect(figuresOf("HE ALSO REPORTED THAT GUERRILLAS KILLED A PEASANT IN THE CITY OF FLORES.")).toMatchObject([
      { kind: "killed", best: 1, group: "civilians" },
    ]);
    expect(figuresOf("Unknown gunmen shot dead a local politician in Ciudad Juarez on Sunday.")).toMatchObject([
      { kind: "killed", best: 1, text: "a local politician" },
    ]);
  });

  it("counts people by their nationality, as the event's victims", () => {
    expect(brief("Gunmen opened fire on a bus, killing three Afghans and two Pakistanis.")).toEqual([
      ["killed", 5, 5, 5, "three Afghans and two Pakistanis"],
    ]);
    expect(figuresOf("Two Israelis were killed in a shooting attack.")).toMatchObject([{ best: 2, group: "victims" }]);
  });

  it("counts the part, not the whole: 13 out of 19 crew members", () => {
    expect(
      brief("Pirates attacked a tanker off the coast of Nigeria, and 13 out of 19 crew members have been abducted."),
    ).toEqual([["kidnapped", 13, 13, 13, "13"]]);
  });

  it("reads the whole count across an aside that names some of them, and keeps the perpetrators it names", () => {
    // GTD-style incident summaries (test/fixtures/gtd-style): perpetrators inside the toll.
    expect(
      figuresOf("At least 63 people, including the assailant, were killed and 83 others were injured in the blast."),
    ).toMatchObject([
      { kind: "killed", low: 63, best: 63, high: null, text: "At least 63", group: null, perpetrators: 1 },
      { kind: "injured", best: 83 },
    ]);
    expect(
      figuresOf(
        "At least 11 people, including the three assailants, were killed and 48 others were injured in the attack.",
      ),
    ).toMatchObject([
      { kind: "killed", best: 11, perpetrators: 3 },
      { kind: "injured", best: 48 },
    ]);
    expect(
      figuresOf("At least 183 people, including 13 United States service members and the assailant, were killed.")[0],
    ).toMatchObject({
      best: 183,
      perpetrators: 1,
    });
    // an aside naming only victims leaves the perpetrators unsaid
    expect(figuresOf("At least 12 people, including two police officers, were killed in the attack.")).toMatchObject([
      { kind: "killed", best: 12, perpetrators: null },
    ]);
    // gtd-style-012 (Nanga Parbat, 2013): a count in apposition; "among them"
    expect(brief("Eleven people, ten foreign climbers and a Pakistani guide, were killed in the attack.")).toEqual([
      ["killed", 11, 11, 11, "Eleven"],
    ]);
    expect(brief("At least 12 people, among them three children, were killed.")).toEqual([
      ["killed", 12, 12, null, "At least 12"],
    ]);
    // several perpetrators, how many not said
    expect(figuresOf("Dozens of people, including the assailants, were killed.")[0]).toMatchObject({
      low: 24,
      perpetrators: null,
    });
  });

  it("reads what befell people a count noun names: two of the hostages were killed", () => {
    // GTD-style summaries: gtd-style-007 (Ghazni, 2007), gtd-style-039 (Samal, 2015)
    expect(brief("Two of the hostages were killed by their captors.")).toEqual([["killed", 2, 2, 2, "Two"]]);
    expect(brief("The two Canadian hostages were killed by their captors in 2016.")).toEqual([
      ["killed", 2, 2, 2, "two"],
    ]);
    // the noun alone still counts the hostages
    expect(brief("The gunmen took 12 hostages.")).toEqual([["kidnapped", 12, 12, 12, "12"]]);
  });

  it("does not read an aside that never closes, nor a list of other things", () => {
    expect(brief("Five people, including a journalist who was covering the rally were injured.")).toEqual([]);
    expect(brief("Two soldiers were killed, including a captain.")).toEqual([["killed", 2, 2, 2, "Two"]]);
  });

  it("does not add a part of a count to it: 15 soldiers, 4 of them seriously", () => {
    // MUC-4 train.
    expect(
      brief(
        "THE SHINING PATH AMBUSHED AN ARMY PATROL, KILLING 1 OFFICER AND 3 NONCOMMISSIONED OFFICERS AND INJURING 15 SOLDIERS, 4 OF THEM SERIOUSLY.",
      ),
    ).toEqual([
      ["killed", 4, 4, 4, "1 OFFICER AND 3 NONCOMMISSIONED OFFICERS"],
      ["injured", 15, 15, 15, "15"],
    ]);
  });
});

describe("numbers that are not casualty figures", () => {
  it.each([
    // MUC-4 train DEV-MUC3-0218: arrests are not casualties.
    "IT HAS BEEN OFFICIALLY REPORTED THAT MORE THAN 500 PEOPLE HAVE BEEN ARRESTED FOLLOWING VIOLENT INCIDENTS THAT OCCURRED HERE TODAY.",
    // MUC-4 train: weapons seized.
    "ONE TOYOTA PICK-UP TRUCK, SIX REVOLVERS, TWO PISTOLS, AND EIGHT SHOTGUNS OF VARIOUS BRANDS WERE ALSO SEIZED.",
    // Deployments, ages, years, times, money, vehicles.
    "Some 70 soldiers were deployed to the district after the attack.",
    "The attack in 2016 was carried out at 10:30 by a 12-year-old.",
    "Three vehicles were destroyed and $5 million was stolen.",
    "The gunmen held the town for five hours.",
    "NO ONE WAS KILLED IN THE ATTACK.",
    // a toll summed over years is no event's
    "The insurgency has killed more than 35,000 people since 2009.",
    "The war has left 500,000 people dead since the start of the uprising.",
    "A passer-by alerted the police, and no-one was injured.",
    // MUC-4 train: threats are not casualties.
    "THE DRUG TRAFFICKERS HAVE THREATENED TO KILL 10 COLOMBIAN JUDGES FOR EVERY MAFIA CHIEF WHO IS EXTRADITED.",
    "THE DRUG-TRAFFICKING MAFIAS HAVE THREATENED TO MURDER 10 JUDGES FOR EACH COLOMBIAN EXTRADITED TO ANOTHER COUNTRY.",
  ])("%j", (sentence) => {
    expect(figuresOf(sentence)).toEqual([]);
  });

  it("never takes an age, a year or a clock time for the count", () => {
    // MUC-4 train DEV-MUC3-0386, DEV-MUC3-0005.
    expect(
      figuresOf("ONE OF CASTILLO'S CHILDREN, 23-YEAR-OLD RAMIRO, WAS ALSO WOUNDED IN THE INCIDENT.").some(
        (f) => f.best === 23,
      ),
    ).toBe(false);
    expect(brief("ABOUT 13,000 PEOPLE HAVE BEEN KILLED IN PERU SINCE 1980.")).toEqual([
      ["killed", 13000, 13000, 13000, "ABOUT 13,000"],
    ]);
    expect(
      brief(
        "ON 6 JANUARY AT 1625, FMLN TROOPS CLASHED WITH THE CAVALRY COMPANY, KILLING THREE AND WOUNDING FOUR ENEMY TROOPS.",
      ),
    ).toEqual([
      ["killed", 3, 3, 3, "THREE"],
      ["injured", 4, 4, 4, "FOUR"],
    ]);
  });

  it("does not take the subject of an active verb for its victims", () => {
    expect(brief("Three soldiers killed five guerrillas near the border.")).toEqual([["killed", 5, 5, 5, "five"]]);
    expect(brief("The three attackers killed at least 19 people before they were shot.")).toEqual([
      ["killed", 19, 19, null, "at least 19"],
    ]);
  });

  it("never crashes on odd input", () => {
    for (const text of ["", "41", "killed", "at least", "between 5 and", "the death toll rose to", "--- ( ) [ ]"]) {
      expect(() => figuresOf(text)).not.toThrow();
    }
  });
});

describe("one person named without a number", () => {
  it("counts the one person an active verb kills", () => {
    // News headlines and leads, 2018-2020.
    expect(brief("Suicide bomber kills Kandahar's police chief in attack on governor's compound.")).toEqual([
      ["killed", 1, 1, 1, "Kandahar's police chief"],
    ]);
    expect(brief("Gunmen shot dead the governor of Ghazni province on Sunday.")).toEqual([
      ["killed", 1, 1, 1, "governor"],
    ]);
    expect(brief("A gunman fatally shot a police officer in Dallas.")).toEqual([
      ["killed", 1, 1, 1, "a police officer"],
    ]);
  });

  it("counts a person named after a title, or one the text has already met, who was killed", () => {
    expect(brief("General Qassem Soleimani was killed in a US drone strike at Baghdad airport.")).toEqual([
      ["killed", 1, 1, 1, "General Qassem Soleimani"],
    ]);
    expect(figuresOf("The bomber was killed in the blast.")).toMatchObject([
      { kind: "killed", best: 1, perpetrators: 1 },
    ]);
  });

  it("counts no one a negated or intended verb names, nor a person inside a number's count", () => {
    expect(brief("Police said they did not kill the protester.")).toEqual([]);
    expect(brief("The attack killed 12 people, including the mayor.")).toEqual([["killed", 12, 12, 12, "12"]]);
    expect(brief("The siege ended when security forces killed the remaining gunmen.")).toEqual([]);
  });
});
