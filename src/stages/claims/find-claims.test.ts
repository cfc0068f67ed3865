import { describe, expect, it } from "vitest";
import type { ClaimMention } from "../../core/annotations.js";
import { defaultPipeline } from "../index.js";
import { articleFromText } from "../../text/article.js";

/** The claims of a text run through the pipeline, with their words. */
function claimsOf(
  text: string,
): { kind: string; actor: string; actorName: string | null; by: string | null; anaphoric: boolean }[] {
  const run = defaultPipeline().run(articleFromText(text, "2021-10-16"));
  const t = run.article.text;
  return (run.annotations.claims ?? []).map((c: ClaimMention) => ({
    kind: c.kind,
    actor: t.slice(c.actor.start, c.actor.end),
    actorName: c.actorName,
    by: c.by ? t.slice(c.by.start, c.by.end) : null,
    anaphoric: c.anaphoric === true,
  }));
}

describe("claims", () => {
  it("reads a claim of responsibility, and the group as the one who made it (seed article)", () => {
    const claims = claimsOf(
      "On Saturday, the Islamic State claimed responsibility for a suicide bombing at a Shiite mosque in Kandahar, Afghanistan, that killed at least 41 people and injured dozens more.",
    );
    expect(claims).toEqual([
      { kind: "claim", actor: "Islamic State", actorName: "Islamic State", by: "Islamic State", anaphoric: false },
    ]);
  });

  it("reads a claim folded into a compound: an IS-claimed attack (seed article)", () => {
    const claims = claimsOf(
      "The strike on Friday comes barely a week after another IS-claimed attack on Shiite worshippers at a mosque in Kunduz, which left more than 60 people dead.",
    );
    expect(claims).toEqual([{ kind: "claim", actor: "IS", actorName: "Islamic State", by: "IS", anaphoric: false }]);
  });

  it("reads a claim said through a channel: 'said in a statement on its radio that its fighters had carried out'", () => {
    expect(
      claimsOf(
        "Al Shabaab said in a statement on its Andalus radio that its fighters had carried out the attack, adding that they had killed 40 soldiers.",
      ).map((c) => [c.kind, c.actorName]),
    ).toEqual([["claim", "al-Shabaab"]]);
    // a channel with no claimant's deed after it is no claim
    expect(claimsOf("Al Shabaab said in a statement on its Andalus radio that the talks had failed.")).toEqual([]);
  });

  it("reads a claim past a phrase that describes the group", () => {
    expect(
      claimsOf(
        "A bomb exploded near a police van in Hyderabad on Tuesday. The Sindhudesh Revolutionary Army, a banned separatist group, claimed responsibility.",
      ).map((c) => [c.kind, c.actor]),
    ).toEqual([["claim", "Sindhudesh Revolutionary Army"]]);
    // MUC-4 TST2-MUC4-0026
    expect(
      claimsOf(
        "THE EXTRADITABLES, THE ARMED BRANCH OF THE MEDELLIN CARTEL, DENIED TODAY ANY RESPONSIBILITY FOR THE DEATH OF CARLOS PIZARRO.",
      ).map((c) => [c.kind, c.actorName]),
    ).toContainEqual(["denial", "The Extraditables"]);
  });

  it("reads a headline's claim, which drops the article before the attack", () => {
    expect(claimsOf("Islamic State claims attack on Syrian army bus")).toEqual([
      { kind: "claim", actor: "Islamic State", actorName: "Islamic State", by: "Islamic State", anaphoric: true },
    ]);
    expect(claimsOf("Islamic State claims attack killed 23 soldiers")).toEqual([]);
  });

  it("gives 'the group claimed responsibility' to the group the story last named", () => {
    const claims = claimsOf(
      "Islamic State militants attacked a bus carrying Syrian soldiers on Thursday, killing 23. The Syrian army " +
        "sent reinforcements. The group claimed responsibility in a statement on its Amaq news agency on Friday.",
    );
    expect(claims).toEqual([
      { kind: "claim", actor: "Islamic State", actorName: "Islamic State", by: "The group", anaphoric: false },
    ]);
    // too far back, or a state's forces, or not claimed: no claim
    expect(
      claimsOf("The Syrian army shelled the town on Thursday. The group has not claimed responsibility for it."),
    ).toEqual([]);
  });

  it("reads claims in news text and in capitals-only wire copy", () => {
    // CASE 2021 shared task 2 snippets (news), and MUC-4 DEV-MUC3-0316
    expect(
      claimsOf(
        "Sunni militant group Jaish ul-Adl has claimed responsibility for killing nine border guards in Iran's restive province of Sistan-Baluchestan, which borders Pakistan.",
      )[0],
    ).toMatchObject({
      kind: "claim",
      actorName: "Jaish al-Adl",
    });
    expect(
      claimsOf(
        "Al Qaeda in Yemen claimed responsibility for the attack on French satirical newspaper Charlie Hebdo.",
      )[0],
    ).toMatchObject({
      kind: "claim",
      actorName: "al-Qaeda in the Arabian Peninsula",
    });
    expect(
      claimsOf(
        "THE UC-ELN'S MARTHA ELENA BARON UNIT CLAIMED RESPONSIBILITY FOR THE ATTACK HOURS AFTER IT WAS CARRIED OUT.",
      )[0],
    ).toMatchObject({
      kind: "claim",
      actorName: "National Liberation Army (Colombia)",
    });
  });

  it("does not read a claim where the text says there was none", () => {
    // MUC-4 DEV-MUC3-0210
    expect(claimsOf("THE FMLN HAS NOT YET CLAIMED RESPONSIBILITY FOR THE ATTACK.")).toEqual([]);
  });

  it("reads accusations, with who made them when the sentence says", () => {
    // MUC-4 DEV-MUC3-0271
    const [a] = claimsOf(
      "SALVADORAN PRESIDENT ALFREDO CRISTIANI HAS BLAMED FMLN [FARABUNDO MARTI NATIONAL LIBERATION FRONT] GUERRILLAS FOR THE MURDER OF POLITICAL ANALYST EDGAR CHACON.",
    );
    expect(a).toMatchObject({
      kind: "accusation",
      actor: "FMLN",
      actorName: "Farabundo Marti National Liberation Front",
      by: "SALVADORAN PRESIDENT ALFREDO CRISTIANI",
    });
    // WikiEvents dev, road_ied_8
    expect(
      claimsOf(
        "It is not clear who carried out the slayings, though locals have alternatively blamed IS and the Assad regime.",
      )[0],
    ).toMatchObject({
      kind: "accusation",
      actorName: "Islamic State",
      by: "locals",
    });
    // MUC-4 DEV-MUC3-0273: "attributed it to"
    expect(
      claimsOf(
        "THE LAST ATTACK WITH SIMILAR CHARACTERISTICS OCCURRED IN JUNE, AND THE AUTHORITIES ATTRIBUTED IT TO THE FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN).",
      )[0],
    ).toMatchObject({ kind: "accusation", actorName: "Farabundo Marti National Liberation Front" });
  });

  it("reads suspicions", () => {
    // MUC-4 DEV-MUC3-0112
    expect(
      claimsOf(
        "IT WAS OFFICIALLY REPORTED TODAY THAT ON 10 MARCH ALLEGED SHINING PATH MEMBERS MURDERED FOUR MEMBERS OF A FAMILY IN SANTA MARIA DEL VALLE.",
      )[0],
    ).toMatchObject({
      kind: "suspicion",
      actorName: "Shining Path",
    });
  });

  it("reads denials", () => {
    // MUC-4 DEV-MUC3-0251; CASE 2021 shared task 2 snippet
    expect(claimsOf("THE FMLN HAS DENIED THAT ANY OF ITS MEMBERS PARTICIPATED IN THE ACTION.")[0]).toMatchObject({
      kind: "denial",
      actor: "FMLN",
    });
    expect(
      claimsOf(
        "Taliban spokesman Zabiullah Mujahid denied his group was responsible for the attack, killing 17 people and wounding dozens",
      )[0],
    ).toMatchObject({
      kind: "denial",
      actorName: "Taliban",
    });
  });

  it("reads the claim of a group the dictionary does not know (MUC-4 DEV-MUC3-0182)", () => {
    const [c] = claimsOf(
      "REGARDING THIS MORNING'S ATTACK AGAINST SALVADORAN ATTORNEY GENERAL DR ROBERTO GARCIA ALVARADO, A GROUP CALLING ITSELF THE GERARDO BARRIOS COMMANDO UNIT TONIGHT CLAIMED RESPONSIBILITY FOR THE ATTACK.",
    );
    expect(c).toMatchObject({ kind: "claim", actor: "GERARDO BARRIOS COMMANDO UNIT", actorName: null });
  });

  it("reads a name and the acronym in brackets after it as one group", () => {
    // GTD-style summaries (test/fixtures/gtd-style): gtd-style-055, gtd-style-037
    expect(
      claimsOf("The Islamic State of Iraq and the Levant (ISIL) claimed responsibility for the incident."),
    ).toEqual([
      {
        kind: "claim",
        actor: "Islamic State of Iraq and the Levant",
        actorName: "Islamic State",
        by: "Islamic State of Iraq and the Levant",
        anaphoric: true,
      },
    ]);
    // only the acronym is in the dictionary: the whole name, the acronym's group
    expect(
      claimsOf(
        "No group claimed responsibility for the incident; however, sources attributed the attack to the Communist Party of India - Maoist (CPI-Maoist).",
      ),
    ).toEqual([
      {
        kind: "accusation",
        actor: "Communist Party of India - Maoist",
        actorName: "Communist Party of India (Maoist)",
        by: "sources",
        anaphoric: true,
      },
    ]);
  });

  it("takes a name the dictionary lacks for a group where it claims or is blamed", () => {
    // gtd-style-009 (Lahore, 27 March 2016)
    expect(
      claimsOf(
        "Jamaat-ul-Ahrar claimed responsibility for the incident and stated that it had targeted Christians celebrating Easter.",
      ),
    ).toEqual([{ kind: "claim", actor: "Jamaat-ul-Ahrar", actorName: null, by: "Jamaat-ul-Ahrar", anaphoric: true }]);
    // gtd-style-057 (Athens, 17 December 2018): one name, not "Group" and "Fighters"
    expect(claimsOf("The Group of Popular Fighters claimed responsibility for the incident.")).toMatchObject([
      { kind: "claim", actor: "Group of Popular Fighters", actorName: null },
    ]);
    // gtd-style-031 (Ogossagou, 23 March 2019): blamed, and denying it
    expect(
      claimsOf(
        "No group claimed responsibility for the incident; however, sources attributed the attack to Dan Na Ambassagou, a Dogon militia, which denied involvement.",
      ),
    ).toMatchObject([
      { kind: "accusation", actor: "Dan Na Ambassagou", actorName: null, by: "sources" },
      { kind: "denial", actor: "Dan Na Ambassagou" },
    ]);
  });

  it("knows the groups by the names incident databases give them", () => {
    // GTD-style summaries: gtd-style-001, gtd-style-034
    expect(
      claimsOf("The Khorasan Chapter of the Islamic State claimed responsibility for the incident."),
    ).toMatchObject([
      { kind: "claim", actor: "Khorasan Chapter of the Islamic State", actorName: "Islamic State Khorasan Province" },
    ]);
    expect(claimsOf("Jaish-e-Mohammad (JeM) claimed responsibility for the incident.")).toMatchObject([
      { kind: "claim", actor: "Jaish-e-Mohammad", actorName: "Jaish-e-Mohammed" },
    ]);
  });

  it("reads every group of a joint claim", () => {
    // gtd-style-028 (Bamako, 20 November 2015)
    expect(
      claimsOf(
        "Al-Mourabitoun and Al-Qaida in the Islamic Maghreb (AQIM) claimed joint responsibility for the incident.",
      ).map((c) => [c.kind, c.actor, c.actorName]),
    ).toEqual([
      ["claim", "Al-Mourabitoun", null],
      ["claim", "Al-Qaida in the Islamic Maghreb", "al-Qaeda in the Islamic Maghreb"],
    ]);
  });

  it("reads a group named again in brackets as one claimant, and both groups of a shared claim", () => {
    // GTD-style wording: "Houthi extremists (Ansar Allah)"; two claimants of the Quetta hospital bombing (8 August 2016)
    expect(claimsOf("Houthi extremists (Ansar Allah) claimed responsibility for the incident.")).toMatchObject([
      { kind: "claim", actor: "Houthi", actorName: "Houthis" },
    ]);
    expect(
      claimsOf(
        "Both Jamaat-ul-Ahrar and the Islamic State of Iraq and the Levant (ISIL) claimed responsibility for the incident.",
      ).map((c) => [c.kind, c.actor, c.actorName]),
    ).toEqual([
      ["claim", "Jamaat-ul-Ahrar", null],
      ["claim", "Islamic State of Iraq and the Levant", "Islamic State"],
    ]);
  });

  it("takes no person, no common noun and no refusal for a group that claims", () => {
    // CASE 2021 shared task 2 style; news
    expect(claimsOf("Taliban spokesman Zabiullah Mujahid claimed responsibility for the attack.")).toMatchObject([
      { kind: "claim", actorName: "Taliban" },
    ]);
    expect(claimsOf("No group claimed responsibility for the incident.")).toEqual([]);
    expect(claimsOf("Authorities attributed the explosion to a gas leak.")).toEqual([]);
  });

  it("reads a group that claims the attack itself, or says it carried it out", () => {
    expect(claimsOf("Al-Shabaab claimed the bombing in a statement.")).toEqual([
      { kind: "claim", actor: "Al-Shabaab", actorName: "al-Shabaab", by: "Al-Shabaab", anaphoric: true },
    ]);
    expect(
      claimsOf(
        "The Baloch Liberation Army said it carried out an attack on a Frontier Corps camp in Turbat on Sunday.",
      ),
    ).toMatchObject([{ kind: "claim", actorName: "Baloch Liberation Army", anaphoric: false }]);
    expect(claimsOf("Hamas said its fighters had carried out the ambush.")).toMatchObject([
      { kind: "claim", actorName: "Hamas", anaphoric: true },
    ]);
    // a fact the group asserts, a denial, and another group tied to the one named
    expect(claimsOf("The Taliban claimed the attack killed 20 soldiers.")).toEqual([]);
    expect(claimsOf("The Taliban said it was not behind the attack.")).toEqual([]);
    expect(claimsOf("The al-Qaeda affiliate claimed the attack on Monday.")).toEqual([]);
  });

  it("reads a suspected link to a group as a suspicion, not a victim's affiliation", () => {
    expect(
      claimsOf("The boy is thought to have been radicalised and to have links with the so-called Islamic State group."),
    ).toMatchObject([{ kind: "suspicion", actorName: "Islamic State" }]);
    // CASE 2021 shared task 2 snippet
    expect(
      claimsOf(
        "Attackers set off suicide bombs outside a Starbucks cafe in a brazen assault that police said was probably linked to the Islamic State group.",
      ),
    ).toMatchObject([{ kind: "suspicion", actorName: "Islamic State" }]);
    // MUC-4 dev TST2-MUC4-0048: who the victim was
    expect(claimsOf("HE WAS CONSIDERED TO BE CLOSELY LINKED TO ARENA.")).toEqual([]);
  });

  it("reads blame put on a group with the event between verb and group", () => {
    // CASE 2021 shared task 2 style news sentence
    expect(claimsOf("Officials blamed the attack on Al-Shabaab.")).toEqual([
      { kind: "accusation", actor: "Al-Shabaab", actorName: "al-Shabaab", by: "Officials", anaphoric: true },
    ]);
  });

  it("marks claims that name their event only by referring back to it", () => {
    expect(claimsOf("The Taliban claimed responsibility for the attack, which killed 12 people.")[0]?.anaphoric).toBe(
      true,
    );
    expect(claimsOf("The attack was blamed on the Taliban.")[0]?.anaphoric).toBe(true);
    // ACLED notes style: how the claim was made does not name another attack
    expect(claimsOf("Boko Haram claimed responsibility for the attack in a video.")[0]?.anaphoric).toBe(true);
    // the seed article: the claim names its event
    expect(
      claimsOf(
        "On Saturday, the Islamic State claimed responsibility for a suicide bombing at a Shiite mosque in Kandahar.",
      )[0]?.anaphoric,
    ).toBe(false);
    expect(
      claimsOf("The FMLN claimed responsibility for the attack on the army barracks in San Miguel.")[0]?.anaphoric,
    ).toBe(false);
  });
});
