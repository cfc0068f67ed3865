import type { ApiToken } from "../../src/store/store.js";
import { ApiError } from "./api.js";
import { byId, el, replace, toast } from "./dom.js";
import { forgetToken, loadToken, saveToken } from "./token-store.js";

async function whoami(token: string): Promise<ApiToken> {
  const res = await fetch("/api/whoami", { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
  const body = (await res.json()) as ApiToken & { code?: string; message?: string };
  if (!res.ok) throw new ApiError(res.status, body.code ?? "E_AUTH_INVALID", body.message ?? `HTTP ${res.status}`);
  return body;
}

/**
 * The editor token: entered once in a dialog, checked against the server, kept in localStorage.
 * `onChange` re-renders what depends on being able to edit.
 */
export class TokenDialog {
  private who: ApiToken | null = null;
  private readonly dialog = byId<HTMLDialogElement>("token-dialog");
  private readonly button = byId<HTMLButtonElement>("token-button");

  constructor(private readonly onChange: () => void) {
    this.button.addEventListener("click", () => this.open());
  }

  get canEdit(): boolean {
    return this.who !== null;
  }

  /** Checks a token kept from an earlier visit; a revoked one is forgotten. */
  async restore(): Promise<void> {
    const token = loadToken();
    if (!token) return this.label();
    try {
      this.who = await whoami(token);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) forgetToken();
      this.who = null;
    }
    this.label();
  }

  private label(): void {
    this.button.textContent = this.who ? `Editor: ${this.who.name}` : "Editor token";
    this.button.setAttribute(
      "aria-label",
      this.who ? `Signed in with the token ${this.who.name} (${this.who.role}); change` : "Enter an editor token",
    );
  }

  open(): void {
    const input = el("input", {
      id: "token-input",
      type: "password",
      autocomplete: "off",
      spellcheck: "false",
      required: true,
    });
    const error = el("p", { class: "form-error", role: "alert" });
    const form = el(
      "form",
      { method: "dialog", class: "token-form" },
      el("h2", { id: "token-title" }, "Editor token"),
      el(
        "p",
        {},
        this.who
          ? `Signed in as ${this.who.name} (${this.who.role}).`
          : "Corrections, merges and splits need an editor token. Ask an admin to run `sitrep token create --name YOU --role editor`.",
      ),
      el("div", { class: "field" }, el("label", { for: "token-input" }, "Token"), input),
      error,
      el(
        "div",
        { class: "form-actions" },
        el("button", { type: "submit", id: "token-save" }, "Use this token"),
        this.who
          ? el(
              "button",
              { type: "button", class: "secondary", id: "token-forget", onclick: () => this.forget() },
              "Forget token",
            )
          : null,
        el("button", { type: "button", class: "secondary", onclick: () => this.dialog.close() }, "Cancel"),
      ),
    );
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const token = input.value.trim();
      try {
        this.who = await whoami(token);
        saveToken(token);
        this.label();
        this.dialog.close();
        toast(`Signed in as ${this.who.name} (${this.who.role})`);
        this.onChange();
      } catch (err) {
        error.textContent = err instanceof ApiError ? err.message : (err as Error).message;
      }
    });
    replace(this.dialog, form);
    this.dialog.showModal();
    input.focus();
  }

  private forget(): void {
    forgetToken();
    this.who = null;
    this.label();
    this.dialog.close();
    toast("Token forgotten");
    this.onChange();
  }
}
