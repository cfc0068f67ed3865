import { actorNames } from "../actors/dictionary.js";
import { SitrepError } from "../core/errors.js";
import { lookupCountry } from "./countries.js";
import type { EventFilter } from "./types.js";

/** What a user may say in a filter: country names or codes, actor names or aliases. */
export interface UserFilter extends Omit<EventFilter, "countryCodes"> {
  /** Country names, alpha-2, alpha-3 or numeric codes. */
  readonly countries?: readonly string[];
  readonly countryCodes?: readonly string[];
}

/**
 * Every name an actor filter should match: the canonical name and aliases from the actor
 * dictionary ("IS-K" also finds events stored under "Islamic State Khorasan Province"), or the
 * name itself when the dictionary does not know it.
 */
export function actorFilterNames(name: string): string[] {
  const names = actorNames(name);
  return names.length ? [...names] : [name];
}

/** A user's filter as the store takes it; an unknown country is an error naming the value. */
export function resolveFilter(f: UserFilter): EventFilter {
  const { countries, ...rest } = f;
  const codes = [...(f.countryCodes ?? [])];
  for (const c of countries ?? []) {
    const found = lookupCountry(c);
    if (!found) throw new SitrepError("E_VALIDATION", `unknown country "${c}"`, { field: "country" });
    codes.push(found.code);
  }
  return {
    ...rest,
    ...(codes.length ? { countryCodes: [...new Set(codes)] } : {}),
    ...(f.actors?.length ? { actors: [...new Set(f.actors.flatMap(actorFilterNames))] } : {}),
  };
}
