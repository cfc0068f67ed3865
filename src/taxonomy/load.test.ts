import { describe, expect, it } from "vitest";
import { articleFromText } from "../text/article.js";
import { taxonomy } from "./load.js";
import { typeOf } from "./typing.js";

const ACLED_SUB_TYPES = [
  "Armed clash",
  "Government regains territory",
  "Non-state actor overtakes territory",
  "Chemical weapon",
  "Air/drone strike",
  "Suicide bomb",
  "Shelling/artillery/missile attack",
  "Remote explosive/landmine/IED",
  "Grenade",
  "Sexual violence",
  "Attack",
  "Abduction/forced disappearance",
  "Peaceful protest",
  "Protest with intervention",
  "Excessive force against protesters",
  "Violent demonstration",
  "Mob violence",
  "Agreement",
  "Arrests",
  "Change to group/activity",
  "Disrupted weapons use",
  "Headquarters or base established",
  "Looting/property destruction",
  "Non-violent transfer of territory",
  "Other",
];

describe("taxonomy data", () => {
  const tax = taxonomy();
  it("holds every ACLED sub-event type under its event type", () => {
    expect([...tax.subEventTypes.keys()].sort()).toEqual([...ACLED_SUB_TYPES].sort());
    expect(tax.subEventTypes.get("Suicide bomb")?.eventType).toBe("Explosions/Remote violence");
    expect(tax.subEventTypes.get("Arrests")?.eventType).toBe("Strategic developments");
  });
  it("maps sub-event types to GTD attack types", () => {
    expect(tax.subEventTypes.get("Abduction/forced disappearance")?.gtd).toBe("Hostage Taking (Kidnapping)");
    expect(tax.subEventTypes.get("Peaceful protest")?.gtd).toBeNull();
  });
  it("finds a compound trigger however it is written", () => {
    const a = articleFromText("Two air-strikes and an airstrike hit the town after an air strike.");
    const hits = tax.cues.findAll(a.tokens).map((m) => m.values[0]?.phrase);
    expect(hits.filter((p) => p === "air strike{s}" || p === "airstrike{s}")).toHaveLength(3);
  });
});

describe("typing precedence (ACLED)", () => {
  const tax = taxonomy();
  const type = (...cues: string[]) => typeOf(tax, new Set(cues))?.info.name;
  it("a suicide bombing is a suicide bomb even against civilians", () => {
    expect(type("suicide", "bomb", "kill", "patient.civ")).toBe("Suicide bomb");
  });
  it("an air strike is an air strike whoever is hit", () => {
    expect(type("air", "kill", "patient.civ")).toBe("Air/drone strike");
    expect(type("agent.air", "bomb")).toBe("Air/drone strike");
  });
  it("a roadside bomb is a remote explosive", () => {
    expect(type("bomb", "w.ied", "kill")).toBe("Remote explosive/landmine/IED");
  });
  it("a defused bomb is disrupted weapons use, an exploded one is not", () => {
    expect(type("bomb", "disrupt")).toBe("Disrupted weapons use");
    expect(type("bomb", "disrupt", "explode")).toBe("Remote explosive/landmine/IED");
  });
  it("armed groups fighting is an armed clash, an armed group hitting civilians an attack", () => {
    expect(type("clash")).toBe("Armed clash");
    expect(type("attack", "patient.state")).toBe("Armed clash");
    expect(type("kill", "agent.state", "patient.armed")).toBe("Armed clash");
    expect(type("attack", "patient.civ")).toBe("Attack");
  });
  it("a protest is a protest, not an attack", () => {
    expect(type("protest")).toBe("Peaceful protest");
    expect(type("protest", "c.intervene")).toBe("Protest with intervention");
    expect(type("protest", "c.lethal", "kill")).toBe("Excessive force against protesters");
    expect(type("protest", "c.violent")).toBe("Violent demonstration");
  });
  it("arrests are arrests", () => {
    expect(type("arrest")).toBe("Arrests");
  });
});
