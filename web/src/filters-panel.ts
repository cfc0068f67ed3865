import type { AggregateBucket } from "../../src/query/types.js";
import type { EventTypeNames } from "../../src/api/taxonomy.js";
import { background, getJson } from "./api.js";
import { ChipInput } from "./chip-input.js";
import { colorOf } from "./colors.js";
import { debounce, el, fmt, replace } from "./dom.js";
import { countryName } from "./labels.js";
import { emptyFilters, filterParams, type Filters } from "./state.js";

/**
 * The filter panel. Every control writes the filter at once (through `onChange`, which puts it in
 * the URL); `show` puts a filter read from the URL back into the controls.
 */
export class FiltersPanel {
  private readonly country: ChipInput;
  private readonly admin1: ChipInput;
  private readonly actor: ChipInput;
  private readonly source: ChipInput;
  private readonly text: HTMLInputElement;
  private readonly since: HTMLInputElement;
  private readonly until: HTMLInputElement;
  private readonly minKilled: HTMLInputElement;
  private readonly types: HTMLElement;
  private filters: Filters = emptyFilters;
  private placesWanted = false;
  private eventTypes: readonly EventTypeNames[] = [];

  constructor(
    container: HTMLElement,
    private readonly onChange: (patch: Partial<Filters>) => void,
  ) {
    this.text = el("input", { id: "filter-text", type: "search", placeholder: "words in the articles" });
    this.text.addEventListener("change", () => this.onChange({ text: this.text.value.trim() }));
    // Place suggestions count every event by place: asked for when the analyst first needs them.
    const wantPlaces = () => {
      if (this.placesWanted) return;
      this.placesWanted = true;
      this.loadPlaces();
    };
    this.country = new ChipInput(
      "country",
      "Country",
      (v) => this.onChange({ country: v, admin1: [] }),
      undefined,
      wantPlaces,
    );
    this.admin1 = new ChipInput(
      "admin1",
      "Province / admin1",
      (v) => this.onChange({ admin1: v }),
      undefined,
      wantPlaces,
    );
    const suggestActors = debounce((prefix: string) => background(this.suggestActors(prefix), "Actor names"), 150);
    this.actor = new ChipInput("actor", "Actor (name or alias)", (v) => this.onChange({ actor: v }), suggestActors);
    this.source = new ChipInput("source", "Source (outlet)", (v) => this.onChange({ source: v }));
    this.since = el("input", { id: "filter-since", type: "date" });
    this.until = el("input", { id: "filter-until", type: "date" });
    this.since.addEventListener("change", () => this.onChange({ since: this.since.value }));
    this.until.addEventListener("change", () => this.onChange({ until: this.until.value }));
    this.minKilled = el("input", { id: "filter-min-killed", type: "number", min: 0, step: 1, inputmode: "numeric" });
    this.minKilled.addEventListener("change", () => this.onChange({ minKilled: this.minKilled.value }));
    this.types = el("fieldset", { class: "types" }, el("legend", {}, "Event type"));

    replace(
      container,
      el("h2", {}, "Filters"),
      el(
        "form",
        { class: "filter-form", onsubmit: (e: Event) => e.preventDefault(), "aria-label": "Event filters" },
        el("div", { class: "field" }, el("label", { for: "filter-text" }, "Text"), this.text),
        this.country.element,
        this.admin1.element,
        el(
          "div",
          { class: "field-row" },
          el("div", { class: "field" }, el("label", { for: "filter-since" }, "From"), this.since),
          el("div", { class: "field" }, el("label", { for: "filter-until" }, "To"), this.until),
        ),
        this.types,
        this.actor.element,
        el("div", { class: "field" }, el("label", { for: "filter-min-killed" }, "Killed at least"), this.minKilled),
        this.source.element,
        el(
          "button",
          {
            type: "button",
            class: "secondary",
            id: "filters-reset",
            onclick: () => this.onChange({ ...emptyFilters }),
          },
          "Clear all filters",
        ),
      ),
    );
  }

  setEventTypes(types: readonly EventTypeNames[]): void {
    this.eventTypes = types;
    this.renderTypes();
  }

  /** Shows `filters` in the controls and refreshes the suggestions that depend on them. */
  show(filters: Filters): void {
    const before = this.filters;
    this.filters = filters;
    this.text.value = filters.text;
    this.since.value = filters.since;
    this.until.value = filters.until;
    this.minKilled.value = filters.minKilled;
    this.country.setValues(filters.country, (c) =>
      /^[A-Za-z]{2}$/.test(c) ? `${countryName(c)} (${c.toUpperCase()})` : c,
    );
    this.admin1.setValues(filters.admin1);
    this.actor.setValues(filters.actor);
    this.source.setValues(filters.source);
    this.renderTypes();
    if (this.placesWanted && before.country.join() !== filters.country.join()) this.loadPlaces();
  }

  private renderTypes(): void {
    const chosen = new Set(this.filters.type);
    const chosenSub = new Set(this.filters.subType);
    const toggle = (list: readonly string[], value: string, on: boolean) =>
      on ? [...list, value] : list.filter((v) => v !== value);
    replace(
      this.types,
      el("legend", {}, "Event type"),
      this.eventTypes.map((t) => {
        const id = `type-${t.name.replace(/\W+/g, "-")}`;
        const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
        swatch.style.background = colorOf(t.name);
        const box = el("input", { type: "checkbox", id, checked: chosen.has(t.name), title: t.definition });
        box.addEventListener("change", () => this.onChange({ type: toggle(this.filters.type, t.name, box.checked) }));
        const subs = el(
          "details",
          { class: "subtypes", open: t.subEventTypes.some((s) => chosenSub.has(s.name)) },
          el("summary", {}, "sub-types"),
          t.subEventTypes.map((s) => {
            const sid = `sub-${s.name.replace(/\W+/g, "-")}`;
            const sbox = el("input", {
              type: "checkbox",
              id: sid,
              checked: chosenSub.has(s.name),
              title: s.definition,
            });
            sbox.addEventListener("change", () =>
              this.onChange({ subType: toggle(this.filters.subType, s.name, sbox.checked) }),
            );
            return el("div", { class: "check" }, sbox, el("label", { for: sid }, s.name));
          }),
        );
        return el(
          "div",
          { class: "type-option" },
          el("div", { class: "check" }, box, el("label", { for: id }, swatch, t.name)),
          subs,
        );
      }),
    );
  }

  private loadPlaces(): void {
    background(this.suggestPlaces(), "Place names");
  }

  private async suggestPlaces(): Promise<void> {
    const countries = await getJson<{ buckets: AggregateBucket[] }>("/aggregates", { groupBy: "country", limit: 300 });
    this.country.setOptions(
      countries.buckets
        .filter((b) => b.key)
        .map((b) => ({ value: b.key, label: `${countryName(b.key)} (${b.key}), ${fmt(b.events)} events` })),
    );
    const scope = this.filters.country.length ? { country: this.filters.country } : {};
    const admin1 = await getJson<{ buckets: AggregateBucket[] }>("/aggregates", {
      ...scope,
      groupBy: "admin1",
      limit: 500,
    });
    this.admin1.setOptions(
      admin1.buckets.filter((b) => b.key).map((b) => ({ value: b.key, label: `${b.key}, ${fmt(b.events)} events` })),
    );
  }

  private async suggestActors(prefix: string): Promise<void> {
    const answer = await getJson<{ actors: { name: string; events: number }[] }>(
      "/actors",
      { prefix, limit: 20 },
      "actors",
    );
    this.actor.setOptions(answer.actors.map((a) => ({ value: a.name, label: `${a.name}, ${fmt(a.events)} events` })));
  }

  /** The API parameters of the current filter. */
  params(): Record<string, string | readonly string[]> {
    return filterParams(this.filters);
  }
}
