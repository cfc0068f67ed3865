import type { ApiErrorBody } from "../../src/api/errors.js";
import { toast } from "./dom.js";
import { loadToken } from "./token-store.js";

/** An error the API answered with, coded as the catalogue codes it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type Params = Record<string, string | number | readonly (string | number)[] | null | undefined>;

export function queryString(params: Params): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) q.append(key, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

async function parse<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (body ?? {}) as Partial<ApiErrorBody>;
    throw new ApiError(res.status, e.code ?? "E_INTERNAL", e.message ?? `HTTP ${res.status}`, e.field);
  }
  return body as T;
}

/** Requests in flight per key: a newer request for the same key aborts the older one. */
const inflight = new Map<string, AbortController>();

export async function getJson<T>(path: string, params: Params = {}, key?: string): Promise<T> {
  let signal: AbortSignal | undefined;
  if (key) {
    inflight.get(key)?.abort();
    const ctl = new AbortController();
    inflight.set(key, ctl);
    signal = ctl.signal;
  }
  const res = await fetch(`/api${path}${queryString(params)}`, { headers: { accept: "application/json" }, signal });
  return parse<T>(res);
}

export const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === "AbortError";

let leaving = false;
window.addEventListener("pagehide", () => (leaving = true));

/**
 * Runs work whose result the page does not wait for, showing its failure to the analyst (an error
 * toast). A request cancelled by a newer one, or by leaving the page, is not a failure.
 */
export function background(work: Promise<unknown>, what: string): void {
  work.catch((e: unknown) => {
    if (isAbort(e) || leaving) return;
    toast(`${what}: ${e instanceof Error ? e.message : String(e)}`, "error");
  });
}

/** A write: sent with the editor token kept in this browser. */
export async function send<T>(method: "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
  const token = loadToken();
  const headers: Record<string, string> = { accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return parse<T>(res);
}
