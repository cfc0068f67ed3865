import { describe, expect, it } from "vitest";
import type { EventRecord } from "../../core/record.js";
import { extract } from "../../extract.js";

/**
 * Incident summaries in the house style of the Global Terrorism Database ("MM/DD/YYYY: Assailants
 * ..."), written for sitrep from news reports of real attacks (test/fixtures/gtd-style, sources in
 * its README): the first reported event of each, as score-gtd.mjs reads it.
 */
function reported(text: string): EventRecord | undefined {
  const { result } = extract({ id: "gtd", raw: text, title: null, published: null, origin: { file: "gtd" } });
  return result.events.find((e) => e.role === "reported");
}

const orgs = (e: EventRecord | undefined, field: "perpetratorOrgs" | "claimedBy") =>
  (e?.[field] ?? []).map((f) => f.name ?? f.text);

describe("GTD-style summaries: suicide bombings", () => {
  it("types a blast whose toll counts the assailant among the dead as a suicide bomb", () => {
    // gtd-style-049 (Manchester Arena, 22 May 2017)
    const e = reported(
      "05/22/2017: An assailant detonated an explosives-laden backpack in the foyer of Manchester Arena as people were leaving a concert in Manchester city, England, United Kingdom. At least 23 people, including the assailant, were killed and 119 others were injured in the blast. The Islamic State of Iraq and the Levant (ISIL) claimed responsibility for the incident.",
    );
    expect(e).toMatchObject({ eventType: "Explosions/Remote violence", subEventType: "Suicide bomb" });
    expect(e?.killed).toMatchObject({ best: 23, perpetrators: 1 });
    expect(e?.injured?.best).toBe(119);
  });

  it("reads an explosives-laden vest as a suicide bomb", () => {
    // gtd-style-014 (Baghdad, 21 January 2021)
    const e = reported(
      "01/21/2021: Two assailants detonated explosives-laden vests at a crowded clothing market in Tayaran Square in Baghdad city, Baghdad governorate, Iraq. At least 32 people were killed and 110 others were injured in the two blasts. The Islamic State of Iraq and the Levant (ISIL) claimed responsibility for the incident.",
    );
    expect(e).toMatchObject({ subEventType: "Suicide bomb", killed: { best: 32 }, injured: { best: 110 } });
  });

  it("does not make a suicide bomb of bombers killed by their own device alone, nor of gunmen killed in a shooting", () => {
    // constructed in the house style: a device that went off while it was being planted
    expect(
      reported(
        "06/02/2015: Two militants were killed when the explosive device they were planting detonated prematurely near a checkpoint in Kirkuk city, Kirkuk governorate, Iraq.",
      )?.subEventType,
    ).not.toBe("Suicide bomb");
    // gtd-style-035 (Uri, 18 September 2016)
    const uri = reported(
      "09/18/2016: Assailants armed with firearms and grenades attacked an Indian Army brigade headquarters in Uri town, Baramulla district, Jammu and Kashmir state, India. At least 23 people, including the four assailants, were killed and 19 others were injured in the attack.",
    );
    expect(uri?.subEventType).not.toBe("Suicide bomb");
    expect(uri?.killed).toMatchObject({ best: 23, perpetrators: 4 });
  });
});

describe("GTD-style summaries: claims and attributions", () => {
  it("gives a claim for the incident to the attack, not to what the summary tells after it", () => {
    // gtd-style-050 (Paris, 7 January 2015): the attackers killed two days later in another town
    const e = reported(
      "01/07/2015: Two assailants armed with assault rifles stormed the offices of the satirical weekly Charlie Hebdo in Paris city, Ile-de-France region, France, and opened fire on the staff. At least 12 people, including two police officers, were killed and 11 others were injured in the attack. The assailants were killed by security forces on 01/09/2015 in Dammartin-en-Goele. Al-Qaida in the Arabian Peninsula (AQAP) claimed responsibility for the incident.",
    );
    expect(e?.location?.name).toBe("Paris");
    expect(orgs(e, "claimedBy")).toEqual(["al-Qaeda in the Arabian Peninsula"]);
    expect(e?.killed?.best).toBe(12);
  });

  it("names the group sources blame when no group claimed it, and no claimant", () => {
    // gtd-style-019 (Kano, 28 November 2014)
    const e = reported(
      "11/28/2014: Two assailants detonated explosives-laden vests at the Central Mosque near the Emir's palace in Kano city, Kano state, Nigeria, during Friday prayers. Gunmen then opened fire on worshippers who were fleeing. At least 120 people were killed and 270 others were injured in the attack. No group claimed responsibility for the incident; however, sources attributed the attack to Boko Haram.",
    );
    expect(orgs(e, "perpetratorOrgs")).toEqual(["Boko Haram"]);
    expect(e?.claimedBy).toEqual([]);
    expect(e).toMatchObject({ subEventType: "Suicide bomb", killed: { best: 120 }, injured: { best: 270 } });
  });

  it("keeps a rescue by foreign troops in the attack: a country's name before troops is no place", () => {
    // gtd-style-028 (Bamako, 20 November 2015)
    const e = reported(
      "11/20/2015: Assailants armed with firearms and grenades stormed the Radisson Blu hotel in Bamako city, Bamako district, Mali, and took approximately 170 guests and employees hostage. Malian special forces, supported by French and United States troops, stormed the hotel and freed the hostages after a siege of about nine hours. At least 22 people, including the two assailants, were killed and seven others were injured in the attack. Al-Mourabitoun and Al-Qaida in the Islamic Maghreb (AQIM) claimed joint responsibility for the incident.",
    );
    expect(e?.location?.name).toBe("Bamako");
    expect(e?.killed).toMatchObject({ best: 22, perpetrators: 2 });
    expect(e?.injured?.best).toBe(7);
    expect(orgs(e, "claimedBy")).toEqual(["Al-Mourabitoun", "al-Qaeda in the Islamic Maghreb"]);
    // the grenades the assailants carried make no grenade attack
    expect(e?.subEventType).not.toBe("Grenade");
  });
});

describe("GTD-style summaries: the date heading the summary", () => {
  it("dates the event however far the event's words are from it", () => {
    // gtd-style-040 (Bogota, 17 January 2019)
    const e = reported(
      "01/17/2019: An assailant drove an explosives-laden vehicle into the General Santander police academy in Bogota city, Bogota Capital District, Colombia, and detonated it during a ceremony. At least 22 people, including the assailant, were killed and 68 others were injured in the blast. The National Liberation Army of Colombia (ELN) claimed responsibility for the incident.",
    );
    expect(e?.date).toMatchObject({ start: "2019-01-17", end: "2019-01-17", precision: "day" });
    expect(e).toMatchObject({ subEventType: "Suicide bomb", killed: { best: 22 } });
  });

  it("dates the events of the next sentence when its own sentence tells none, not the later arrest", () => {
    // gtd-style-051 (Barcelona, 17 August 2017)
    const { result } = extract({
      id: "gtd",
      raw: "08/17/2017: An assailant drove a van into pedestrians along Las Ramblas in Barcelona city, Catalonia, Spain. At least 13 people were killed and 130 others were injured in the attack. The assailant fled and was killed by police on 08/21/2017. The Islamic State of Iraq and the Levant (ISIL) claimed responsibility for the incident.",
      title: null,
      published: null,
      origin: { file: "gtd" },
    });
    const [first] = result.events;
    expect(first).toMatchObject({ role: "reported", date: { start: "2017-08-17" }, killed: { best: 13 } });
    expect(first?.location?.name).toBe("Barcelona");
    expect(result.events.find((e) => e.date?.start === "2017-08-21")).toBeDefined();
  });
});

describe("GTD-style summaries: hostages", () => {
  it("types an assault in which hostages are taken and people killed as an attack (ACLED)", () => {
    // gtd-style-026 (Garissa, 2 April 2015)
    const e = reported(
      "04/02/2015: Assailants armed with firearms stormed Garissa University College in Garissa town, Garissa county, Kenya. The assailants separated Christian students from Muslim students, shot the Christians and held others hostage in a dormitory for several hours. At least 152 people, including the four assailants, were killed and 79 others were injured in the attack. Al-Shabaab claimed responsibility for the incident.",
    );
    expect(e).toMatchObject({ eventType: "Violence against civilians", subEventType: "Attack" });
    expect(e?.killed).toMatchObject({ best: 152, perpetrators: 4 });
    expect(orgs(e, "claimedBy")).toEqual(["al-Shabaab"]);
  });

  it("keeps a kidnapping with no assault an abduction", () => {
    // gtd-style-017 (Chibok, 14 April 2014)
    const e = reported(
      "04/14/2014: Assailants abducted 276 female students from the Government Girls Secondary School in Chibok town, Borno state, Nigeria. The assailants also set fire to the school and several houses. Some of the students escaped in the following days; the fate of the remaining hostages is unknown. Boko Haram claimed responsibility for the incident.",
    );
    expect(e).toMatchObject({ subEventType: "Abduction/forced disappearance", kidnapped: { best: 276 } });
    expect(e?.killed ?? null).toBeNull();
    expect(orgs(e, "claimedBy")).toEqual(["Boko Haram"]);
  });
});
