import { createHash, randomBytes } from "node:crypto";
import { SitrepError } from "../core/errors.js";
import type { TokenRole } from "./store.js";

/**
 * API tokens are 32 random bytes; the database keeps only their SHA-256, so a copy of the
 * database gives no one a working token. A fast hash suffices: the token is not a guessable password.
 */
export const newToken = (): string => `sitrep_${randomBytes(32).toString("base64url")}`;

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** Refuses a role that is not one of the Store's (callers in plain JavaScript can pass anything). */
export function checkTokenRole(role: TokenRole): void {
  if (role !== "editor" && role !== "admin")
    throw new SitrepError("E_VALIDATION", `role must be editor or admin, not "${role}"`, { field: "role" });
}
