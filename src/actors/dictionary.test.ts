import { describe, expect, it } from "vitest";
import { actorKey, actorNames, allActors, lookupActor, namedActorEntries, stateForceEntry } from "./dictionary.js";

describe("lookupActor", () => {
  it("finds Islamic State Khorasan Province under each of its spellings", () => {
    for (const alias of [
      "IS-K",
      "ISIS-K",
      "ISKP",
      "Daesh Khorasan",
      "Islamic State-Khorasan",
      "islamic state khorasan province",
    ]) {
      expect(lookupActor(alias)?.name, alias).toBe("Islamic State Khorasan Province");
    }
  });

  it("keeps the Khorasan province apart from the core Islamic State", () => {
    expect(lookupActor("Islamic State")?.name).toBe("Islamic State");
    expect(lookupActor("Daesh")?.name).toBe("Islamic State");
  });

  it("knows the armed groups of the MUC-4 wire copy by name and acronym", () => {
    expect(lookupActor("FARABUNDO MARTI NATIONAL LIBERATION FRONT")?.name).toBe(
      "Farabundo Marti National Liberation Front",
    );
    expect(lookupActor("fmln")?.actorType).toBe("rebel group");
    expect(lookupActor("Sendero Luminoso")?.name).toBe("Shining Path");
    expect(lookupActor("MRTA")?.name).toBe("Tupac Amaru Revolutionary Movement");
    expect(lookupActor("the Extraditables")?.name).toBe("The Extraditables");
    expect(lookupActor("Manuel Rodriguez Patriotic Front")?.countryCode).toBe("CL");
    expect(lookupActor("army of national liberation")?.name).toBe(lookupActor("ELN")?.name);
    expect(lookupActor("M-19")?.name).toBe(lookupActor("19 April Movement")?.name);
  });

  it("ignores diacritics, case and a leading article", () => {
    expect(lookupActor("Frente Farabundo Martí para la Liberación Nacional")?.name).toBe(
      "Farabundo Marti National Liberation Front",
    );
    expect(lookupActor("the Houthis")?.name).toBe("Houthis");
    expect(lookupActor("AL-SHABAAB")?.countryCode).toBe("SO");
  });

  it("names state forces by country from a demonym and a force noun", () => {
    expect(lookupActor("Salvadoran army")?.name).toBe("Military Forces of El Salvador");
    expect(lookupActor("Salvadoran armed forces")?.name).toBe("Military Forces of El Salvador");
    expect(lookupActor("Colombian national police")?.name).toBe("Police Forces of Colombia");
    expect(lookupActor("U.S. troops")?.name).toBe("Military Forces of the United States");
    expect(lookupActor("Afghan security forces")?.actorType).toBe("state forces");
    expect(stateForceEntry("SV", "military")?.name).toBe("Military Forces of El Salvador");
  });

  it("returns null for names it does not know and for bad input", () => {
    expect(lookupActor("Kandahar")).toBeNull();
    expect(lookupActor("")).toBeNull();
    expect(lookupActor(undefined as unknown as string)).toBeNull();
  });

  it("lists every name an actor goes by, for filtering events by actor", () => {
    const names = actorNames("ISIS-K");
    expect(names[0]).toBe("Islamic State Khorasan Province");
    expect(names).toContain("IS-K");
    expect(names).toContain("ISKP");
  });
});

describe("allActors", () => {
  it("holds the named groups and the generated state forces, each with a valid type", () => {
    const all = allActors();
    expect(namedActorEntries().length).toBeGreaterThan(90);
    expect(all.length).toBeGreaterThan(namedActorEntries().length);
    expect(all.every((a) => a.name && a.actorType)).toBe(true);
  });

  it("gives no two named groups the same alias", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of namedActorEntries()) {
      for (const f of e.forms) {
        const k = actorKey(f.text);
        const other = owner.get(k);
        if (other && other !== e.name) clashes.push(`${f.text}: ${other} / ${e.name}`);
        owner.set(k, e.name);
      }
    }
    expect(clashes).toEqual([]);
  });
});
