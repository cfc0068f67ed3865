import { SitrepError } from "../core/errors.js";

/** A word list as a sentence says it: "a", "a or b", "a, b or c". */
const either = (words: readonly string[]): string =>
  words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}` : (words[0] ?? "");

/** An option's value that must be one of `allowed`; anything else is a usage error naming them. */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new SitrepError("E_USAGE", `${flag} must be ${either(allowed)}, not "${value}"`);
  return value as T;
}

/** A --port value: 0 (any free port) to 65535. */
export function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new SitrepError("E_USAGE", `--port must be a port number (0-65535), not "${value}"`);
  return n;
}
