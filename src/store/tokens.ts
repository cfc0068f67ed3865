import { createHash, randomBytes } from "node:crypto";

/**
 * API tokens are 32 random bytes; the database keeps only their SHA-256, so a copy of the
 * database gives no one a working token. A fast hash suffices: the token is not a guessable password.
 */
export const newToken = (): string => `sitrep_${randomBytes(32).toString("base64url")}`;

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");
