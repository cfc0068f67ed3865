import { el, replace } from "./dom.js";

export interface ChipOption {
  readonly value: string;
  readonly label: string;
}

/**
 * A list-valued filter: type a value (suggestions from a datalist), Enter adds it as a chip;
 * each chip has a remove button. Several values mean any of them.
 */
export class ChipInput {
  readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly datalist: HTMLDataListElement;
  private readonly chips: HTMLElement;
  private values: string[] = [];
  private options: readonly ChipOption[] = [];

  constructor(
    readonly name: string,
    label: string,
    private readonly onChange: (values: string[]) => void,
    private readonly onType?: (prefix: string) => void,
    onFocus?: () => void,
  ) {
    const id = `filter-${name}`;
    this.datalist = el("datalist", { id: `${id}-options` });
    this.input = el("input", {
      id,
      type: "text",
      list: `${id}-options`,
      autocomplete: "off",
      placeholder: "type, then Enter",
    });
    this.chips = el("ul", { class: "chips", "aria-label": `${label} selected` });
    this.input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        this.addTyped();
      }
    });
    // Picking a suggestion fires `input` with the whole value: add it at once.
    this.input.addEventListener("input", (e) => {
      const value = this.input.value.trim();
      if ((e as InputEvent).inputType === undefined || (e as InputEvent).inputType === "insertReplacementText") {
        if (this.options.some((o) => o.value === value)) this.addTyped();
        return;
      }
      this.onType?.(value);
    });
    this.input.addEventListener("change", () => this.addTyped());
    if (onFocus) this.input.addEventListener("focus", onFocus);
    this.element = el(
      "div",
      { class: "field chip-field" },
      el("label", { for: id }, label),
      this.input,
      this.datalist,
      this.chips,
    );
  }

  private addTyped(): void {
    const typed = this.input.value.trim();
    if (!typed) return;
    // A label picked from the suggestions ("Afghanistan (AF)") stands for its value.
    const option = this.options.find((o) => o.value === typed || o.label === typed);
    const value = option?.value ?? typed;
    this.input.value = "";
    if (this.values.includes(value)) return;
    this.onChange([...this.values, value]);
  }

  setOptions(options: readonly ChipOption[]): void {
    this.options = options;
    replace(
      this.datalist,
      options.map((o) => el("option", { value: o.value }, o.label)),
    );
  }

  setValues(values: readonly string[], labelOf: (v: string) => string = (v) => v): void {
    this.values = [...values];
    replace(
      this.chips,
      values.map((v) =>
        el(
          "li",
          { class: "chip" },
          el("span", {}, labelOf(v)),
          el(
            "button",
            {
              type: "button",
              class: "chip-remove",
              "aria-label": `Remove ${labelOf(v)}`,
              onclick: () => this.onChange(this.values.filter((x) => x !== v)),
            },
            "×",
          ),
        ),
      ),
    );
  }
}
