import { describe, expect, it } from "vitest";
import type { PlaceMention } from "../core/annotations.js";
import { articleFromText } from "../text/article.js";
import { gazetteer } from "./gazetteer.js";
import { geoparse } from "./geoparse.js";

function parse(text: string): { text: string; place: PlaceMention }[] {
  const article = articleFromText(text);
  return geoparse(article, gazetteer()).places.map((place) => ({
    text: article.text.slice(place.span.start, place.span.end),
    place,
  }));
}
const find = (found: { text: string; place: PlaceMention }[], text: string) => found.filter((f) => f.text === text);

describe("joint reading of an article's places", () => {
  it("reads Edmonton as the North London district beside Clacton, Essex", () => {
    // Enfield Independent, 2016 (TR-News).
    const found = parse(
      "Detectives have charged an Edmonton woman with fraud and conspiracy. Reanne Morgan 18, of Dunnock Close, " +
        "Edmonton, was charged with conspiracy to defraud. A man from Clacton, Essex - Aseany Duncan, 19 - was charged " +
        "with conspiracy to defraud.",
    );
    for (const e of find(found, "Edmonton")) expect(e.place.countryCode).toBe("GB");
    expect(find(found, "Essex")[0]?.place.countryCode).toBe("GB");
  });

  it("takes a Canadian area code as evidence that London is London, Ontario", () => {
    // London Free Press, 2016 (TR-News).
    const found = parse(
      "A company Christmas party turned deadly early Sunday with a stabbing that killed a 26-year-old man, London " +
        "police say. Anyone with information about the incident is asked to call London police at 519-661-5670.",
    );
    const london = find(found, "London");
    expect(london.length).toBe(2);
    for (const l of london) expect(l.place.countryCode).toBe("CA");
  });

  it("reads two names joined by a hyphen as neighbours, and the hyphen as no dateline dash", () => {
    const found = parse(
      "There have been no seizures of the drug in London, said a spokesperson for London police.\n\n" +
        "Middlesex-London EMS reminded its crews this month to wear masks when entering a suspected drug house.",
    );
    const london = find(found, "London");
    expect(london.length).toBe(3);
    for (const l of london) expect(l.place.countryCode).toBe("CA");
    for (const f of found) expect(f.place.rule).not.toBe("place.dateline");
    const kw = parse("Kitchener-Waterloo police are searching for a missing teenager.");
    expect(find(kw, "Kitchener")[0]?.place.rule).toBe("place.near");
    expect(find(kw, "Waterloo")[0]?.place.countryCode).toBe("CA");
  });

  it("lets no name that is not a place here vouch for a reading of another", () => {
    // "Street" of "Falcon Street" is a town in Somerset and "Kim" one in Tajikistan: neither may
    // pull London back to England against a Canadian telephone number.
    const found = parse(
      "Officers were called to a banquet hall on Falcon Street shortly after midnight, London police say. " +
        "No one else was hurt, said London police Const. Kim Flett. The major crimes unit of London police is " +
        "investigating. Anyone with information is asked to call London police at 519-661-5670. It was the " +
        "fourth homicide of the year in London.",
    );
    const london = find(found, "London");
    expect(london.length).toBe(5);
    for (const l of london) expect(l.place.countryCode).toBe("CA");
  });

  it("still reads London as the British capital without such evidence", () => {
    const found = parse("Thousands marched through central London on Saturday against the war in Iraq.");
    expect(find(found, "London")[0]?.place.countryCode).toBe("GB");
  });

  it("keeps a country named outright when small towns of the same names are near each other", () => {
    // WikiNews, 2009 (GeoVirus): Mexico, Rome and Cairo are also towns of upstate New York.
    const found = parse(
      "Swine flu has been confirmed in Mexico, the United States and Canada. Officials in Rome and Cairo said " +
        "travellers returning from Mexico would be screened.",
    );
    for (const m of find(found, "Mexico")) expect(m.place.featureType).toBe("country");
    expect(find(found, "Cairo")[0]?.place.countryCode).toBe("EG");
  });
});

describe("names that are not places here", () => {
  it("reads no place in a currency, and a government department's place without the department", () => {
    // WikiNews (GeoVirus).
    const found = parse(
      "Libya lifted the death sentences following a US$460 million financial settlement. The United States " +
        "Department of Agriculture has announced that a low-pathogenic strain was found. The Illinois Department of " +
        "Natural Resources tested the samples.",
    );
    expect(find(found, "US$")).toHaveLength(0);
    // The government body's place is a place of its own, without the body's name.
    expect(found.some((f) => f.text.includes("Department"))).toBe(false);
    expect(find(found, "United States")[0]?.place.countryCode).toBe("US");
    expect(find(found, "Illinois")[0]?.place.featureType).toBe("admin1");
    expect(find(found, "Libya")[0]?.place.countryCode).toBe("LY");
  });

  it("reads no place in newspapers, universities, news agencies and football clubs", () => {
    const found = parse(
      "Mr. Kemp told the New York Times that testing was done at Michigan State University. Real Madrid had " +
        "traveled to Japan, according to Agence France-Presse.",
    );
    expect(found.map((f) => f.text)).toEqual(["Japan"]);
  });

  it("reads the White House as the institution when it speaks and as the building after a locative", () => {
    // Reuters, 2016 (TR-News).
    const speaking = parse("The White House condemned the assassination of the ambassador in Ankara.");
    expect(find(speaking, "White House")).toHaveLength(0);
    const building = parse("The president pardoned a turkey in a ceremony at the White House on Wednesday.");
    expect(find(building, "White House")[0]?.place.countryCode).toBe("US");
  });

  it("reads no town in a hyphenated surname, a person's given name or a speaker", () => {
    // WikiNews, 2005 (GeoVirus); CBC, 2016 (TR-News).
    const found = parse(
      "Vatican spokesman, Joaquin Navarro-Valls, said that the Pope had been cured. Vermelhudo's cousin, Jenny " +
        'Palma, is a salon owner in Toronto. "She had a heart of gold," Palma said.',
    );
    expect(find(found, "Valls")).toHaveLength(0);
    expect(find(found, "Palma")).toHaveLength(0);
    expect(find(found, "Vatican")[0]?.place.countryCode).toBe("VA");
    expect(find(found, "Toronto")[0]?.place.countryCode).toBe("CA");
  });

  it("reads no town in a river, a lake or a delta that bears its name", () => {
    // WikiNews (GeoVirus).
    const found = parse(
      "Wild mute swans were found in Michigan on the coast of Lake Erie. The birds came from the Danube Delta, " +
        "a few hundred metres from the bank of the Vistula river.",
    );
    expect(find(found, "Erie")).toHaveLength(0);
    expect(find(found, "Delta")).toHaveLength(0);
    expect(find(found, "Vistula")).toHaveLength(0);
    expect(find(found, "Michigan")[0]?.place.featureType).toBe("admin1");
  });
});

describe("districts named with their level", () => {
  it("reads Metcalfe County as the Kentucky county even before an office's name", () => {
    // WBKO, 2016 (TR-News).
    const found = parse(
      "Kentucky State Police, the Kentucky Department of Fish and Wildlife, Metcalfe County Sheriff's Office and " +
        "Metcalfe County Fire and EMS all responded to the scene.",
    );
    const county = find(found, "Metcalfe County");
    expect(county).toHaveLength(2);
    expect(county[0]?.place.featureType).toBe("admin2");
    expect(county[0]?.place.admin1).toBe("Kentucky");
  });
});

describe("lists and former provinces", () => {
  it("reads states in a list of states, not towns of those names", () => {
    // WikiNews, 2008 (GeoVirus).
    const found = parse(
      "Cases have been reported in South Carolina, Tennessee, Texas, Utah, Virginia, Washington, West Virginia " +
        "and Wyoming. Signs of salmonella include fever.",
    );
    for (const name of ["Washington", "Wyoming", "Virginia", "Texas"]) {
      const hit = find(found, name)[0];
      expect(hit?.place.featureType).toBe("admin1");
      expect(hit?.place.countryCode).toBe("US");
    }
  });

  it("reads Niger as the country beside Egypt, not the Nigerian state", () => {
    // WikiNews, 2006 (GeoVirus).
    const found = parse("The WHO declared in 2006 that polio had been eradicated in Egypt and Niger.");
    expect(find(found, "Niger")[0]?.place.featureType).toBe("country");
    expect(find(found, "Niger")[0]?.place.countryCode).toBe("NE");
  });

  it("reads Nyanza province in a Kenyan story as the former Kenyan province", () => {
    // WikiNews, 2008 (GeoVirus).
    const found = parse(
      "Cholera has killed 45 people in Kenya. Nyanza Province, with 750 infections and 45 deaths, has been the " +
        "worst hit, officials said in Nairobi.",
    );
    const nyanza = find(found, "Nyanza Province")[0];
    expect(nyanza?.place.countryCode).toBe("KE");
    expect(nyanza?.place.lat).toBeCloseTo(-0.1, 0);
  });

  it("reads an English county named without its level as the county in a British story", () => {
    // WikiNews, 2007 (GeoVirus).
    const found = parse(
      "A turkey farm worker in England believed to be from a Bernard Matthews owned farm in Suffolk fell ill " +
        "this week, a year after a mass culling of 50,000 birds in Norfolk.",
    );
    expect(find(found, "Suffolk")[0]?.place.countryCode).toBe("GB");
    expect(find(found, "Norfolk")[0]?.place.countryCode).toBe("GB");
  });
});

describe("evidence of one name for another", () => {
  it("reads Edmonton south of Cairns as the Queensland suburb", () => {
    // ABC, 2016 (TR-News).
    const found = parse(
      "Hickson admitted fatally stabbing New Zealand national Campbell Paterson at a house in Edmonton, south " +
        "of Cairns, in November 2014.",
    );
    expect(find(found, "Edmonton")[0]?.place.countryCode).toBe("AU");
    expect(find(found, "Cairns")[0]?.place.countryCode).toBe("AU");
  });

  it("reads Paris as the French capital in an American story that names no Paris of its own", () => {
    // WABC, 2017 (TR-News).
    const found = parse(
      "NEWARK, N.J. -- A woman wound up on a plane to San Francisco instead of Paris from a New Jersey airport. " +
        "She was scheduled to fly from Newark to Paris last month.",
    );
    for (const p of find(found, "Paris")) expect(p.place.countryCode).toBe("FR");
    expect(find(found, "San Francisco")[0]?.place.countryCode).toBe("US");
  });

  it("keeps Paris, Texas when the text says so", () => {
    const found = parse("Burton, 39, runs a community garden in Paris, Texas, where he grew up.");
    expect(find(found, "Paris")[0]?.place.countryCode).toBe("US");
  });

  it("does not let a name vouch for its own country: Edmonton among North London places", () => {
    // Enfield Independent, 2016 (TR-News).
    const found = parse(
      "The final design was shaped by the people of Edmonton during a public consultation. Enfield Council's " +
        "cabinet member for education said the pupils had worked hard. The pupils from Edmonton planted flowers.",
    );
    for (const e of find(found, "Edmonton")) expect(e.place.countryCode).toBe("GB");
  });
});

describe("names the gazetteer spells otherwise", () => {
  it("reads Côte d'Ivoire with its elided article, and provinces named by direction words in their country", () => {
    // WikiNews (GeoVirus); ABC, 2016 (TR-News).
    const found = parse(
      "Cholera epidemics have hit Burkina Faso, Cote d'Ivoire, Guinea and Liberia. Two people died in Victoria, " +
        "one in South Australia and the Northern Territory, and none in Tasmania.",
    );
    expect(find(found, "Cote d'Ivoire")[0]?.place.countryCode).toBe("CI");
    expect(find(found, "Northern Territory")[0]?.place.countryCode).toBe("AU");
  });

  it("takes no Cameroonian province for the far north of another country", () => {
    // ABC, 2016 (TR-News).
    const found = parse("Break-ins have risen across Far North Queensland, police in Cairns said.");
    expect(found.some((f) => f.place.countryCode === "CM")).toBe(false);
  });

  it("reads English names of German states and the short name of Newfoundland", () => {
    // BBC, 2016; CBC, 2016 (TR-News).
    const found = parse(
      "The device was found at a Christmas market in Ludwigshafen, in the state of Rhineland-Palatinate. Sales " +
        "fell in oil-producing provinces such as Alberta, Saskatchewan and Newfoundland.",
    );
    expect(find(found, "Rhineland-Palatinate")[0]?.place.countryCode).toBe("DE");
    expect(find(found, "Newfoundland")[0]?.place.featureType).toBe("admin1");
  });

  it("reads no town in a disease named after it", () => {
    // WikiNews (GeoVirus).
    const found = parse(
      "Both Ebola and the related Marburg hemorrhagic fever are found in Africa. Three farm workers were infected " +
        "with Reston ebolavirus in the Philippines.",
    );
    expect(find(found, "Marburg")).toHaveLength(0);
    expect(find(found, "Reston")).toHaveLength(0);
    expect(find(found, "Philippines")[0]?.place.countryCode).toBe("PH");
  });
});

describe("towns the gazetteer lacks", () => {
  it("places a town missing from the gazetteer at the state named after it", () => {
    // KTVO, 2017 (TR-News): Holliday, Missouri has fewer than 500 people.
    const found = parse("HOLLIDAY, Mo. — A 25-year-old Paris, Missouri, man was injured in a crash on Route C.");
    const holliday = find(found, "HOLLIDAY")[0];
    expect(holliday?.place.countryCode).toBe("US");
    expect(holliday?.place.admin1).toBe("Missouri");
    expect(holliday?.place.featureType).toBe("admin1");
  });

  it("does not read 'according to' as a locative", () => {
    // FreshPlaza, 2017 (TR-News).
    const found = parse("According to Conrad, South Africa increasingly spreads its grapefruit exports.");
    expect(find(found, "Conrad")).toHaveLength(0);
    expect(find(found, "South Africa")[0]?.place.countryCode).toBe("ZA");
  });
});

describe("seas, regions and residents", () => {
  it("reads a capitalised sea inside a sentence, but not in a company's or a person's name", () => {
    // WikiNews (GeoVirus); Reuters and CBC, 2016 (TR-News).
    const found = parse(
      "The disease is found in the countries of the Mediterranean. Virgin Atlantic pilots voted to work to rule. " +
        "The event had been organized by Ezra Levant's Rebel Media.",
    );
    expect(find(found, "Mediterranean")).toHaveLength(1);
    expect(find(found, "Atlantic")).toHaveLength(0);
    expect(find(found, "Levant")).toHaveLength(0);
  });

  it("reads the town of a resident who speaks, and an old name of a large city after a locative", () => {
    // WikiNews (GeoVirus).
    const found = parse(
      "Mark Kitsmore, 54, of Tyler said he was not worried. A former resident of Lubbock told media she had " +
        "caught the disease. Stall owners in Calcutta will be shown how to prepare food.",
    );
    expect(find(found, "Tyler")[0]?.place.countryCode).toBe("US");
    expect(find(found, "Lubbock")[0]?.place.countryCode).toBe("US");
    expect(find(found, "Calcutta")[0]?.place.countryCode).toBe("IN");
  });
});

describe("local news", () => {
  it("keeps a small town of the state the story names against a world capital of the same name", () => {
    const found = parse(
      "Moscow police said a man was arrested on Friday. Police across Idaho are looking for a second suspect.",
    );
    expect(find(found, "Moscow")[0]?.place.countryCode).toBe("US");
    expect(find(found, "Moscow")[0]?.place.admin1).toBe("Idaho");
  });
});

describe("sites, longer names and names spelled otherwise", () => {
  it("reads a town's airbase, prison or stadium as a site of the town", () => {
    // Afghan and Pakistani news, 2008-2020.
    const found = parse(
      "Insurgents fired rockets at Shindand Airbase in Herat province on Tuesday. Militants stormed Jalalabad " +
        "Prison, freeing hundreds of inmates, officials said. A bomb exploded near Quetta Stadium in Balochistan.",
    );
    const shindand = find(found, "Shindand Airbase")[0];
    expect(shindand?.place.countryCode).toBe("AF");
    expect(shindand?.place.featureType).toBe("site");
    expect(find(found, "Jalalabad Prison")[0]?.place.countryCode).toBe("AF");
    expect(find(found, "Quetta Stadium")[0]?.place.countryCode).toBe("PK");
  });

  it("reads no town at the head of a longer name joined by a particle", () => {
    // Argentine news: the square in front of the Casa Rosada.
    const found = parse("Police cleared protesters from the Plaza de Mayo in Buenos Aires.");
    expect(found.map((f) => f.text)).toEqual(["Buenos Aires"]);
  });

  it("reads no town in a given name after a person's name in a list", () => {
    const found = parse("Among those detained were the lawyer Carlos Ruiz, Mari Luz Ortega and her brother.");
    expect(found).toHaveLength(0);
  });

  it("reads Paris as the French capital in a Kentucky paper's story of a trip to France", () => {
    // Kentucky local news, 2017: residents who witnessed the Champs-Elysees shooting.
    const found = parse(
      "The couple from Georgetown, Kentucky, were in France on holiday and saw the attack in Paris. A gunman " +
        "opened fire on police on the Champs-Elysees on Thursday.",
    );
    expect(find(found, "Paris")[0]?.place.countryCode).toBe("FR");
    expect(find(found, "Champs-Elysees")[0]?.place.featureType).toBe("site");
    expect(find(found, "Georgetown")[0]?.place.countryCode).toBe("US");
  });

  it("finds a town the text calls a town under another spelling of its Arabic name", () => {
    // Jordanian news, 2016: Qatraneh is Al Qatranah.
    const found = parse("Gunmen attacked a police patrol in the town of Qatraneh, south of Amman, Jordan.");
    expect(find(found, "Qatraneh")[0]?.place.countryCode).toBe("JO");
    expect(find(found, "Qatraneh")[0]?.place.featureType).toBe("city");
    // Only in a story about the town's country.
    expect(find(parse("Gunmen attacked a police patrol in the town of Qatraneh."), "Qatraneh")).toHaveLength(0);
  });

  it("reads the city of a province's name as the province's seat", () => {
    // Syrian news, 2017-2020.
    const found = parse(
      "A roadside bomb killed a soldier near the city of Raqqa. Fighting raged in Raqqa province, Syria.",
    );
    expect(found.map((f) => [f.text, f.place.featureType])).toEqual([
      ["Raqqa", "city"],
      ["Raqqa province", "admin1"],
      ["Syria", "country"],
    ]);
  });
});
