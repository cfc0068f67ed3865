/**
 * The one catalogue of coded errors. Every error sitrep reports to a user comes from here, so that
 * scripts can rely on the exit status and HTTP clients on the status code.
 */
export interface ErrorSpec {
  readonly message: string;
  /** Process exit status when this error ends a CLI command. */
  readonly exit: number;
  /** HTTP status when this error answers an API request. */
  readonly http: number;
}

/** Exit statuses, documented in the README. */
export const EXIT = {
  OK: 0,
  INTERNAL: 1,
  USAGE: 2,
  /** Some inputs were rejected; everything else was processed. */
  PARTIAL: 3,
  /** No input could be processed. */
  NO_INPUT: 4,
  /** The database could not be opened, migrated or written. */
  STORE: 5,
} as const;

export const ERRORS = {
  E_USAGE: { message: "invalid command-line usage", exit: EXIT.USAGE, http: 400 },
  E_INPUT_NOT_FOUND: { message: "input not found", exit: EXIT.PARTIAL, http: 404 },
  E_INPUT_UNREADABLE: { message: "input cannot be read", exit: EXIT.PARTIAL, http: 400 },
  E_INPUT_BINARY: { message: "input is a binary file, not text", exit: EXIT.PARTIAL, http: 415 },
  E_INPUT_ENCODING: { message: "input is not valid UTF-8 or UTF-16 text", exit: EXIT.PARTIAL, http: 415 },
  E_INPUT_EMPTY: { message: "input holds no article text", exit: EXIT.PARTIAL, http: 422 },
  E_INPUT_TOO_LARGE: { message: "input is larger than the limit", exit: EXIT.PARTIAL, http: 413 },
  E_INPUT_FORMAT: { message: "input format not recognised", exit: EXIT.PARTIAL, http: 415 },
  E_JSONL_SYNTAX: { message: "line is not valid JSON", exit: EXIT.PARTIAL, http: 400 },
  E_JSONL_FIELD: { message: "article field missing or of the wrong type", exit: EXIT.PARTIAL, http: 422 },
  E_DATE_INVALID: { message: "date is not a valid YYYY-MM-DD calendar date", exit: EXIT.PARTIAL, http: 422 },
  E_FEED_PARSE: { message: "feed cannot be parsed as RSS or Atom", exit: EXIT.PARTIAL, http: 422 },
  E_HTML_PARSE: { message: "page holds no readable article", exit: EXIT.PARTIAL, http: 422 },
  E_CSV_ROW: { message: "CSV row is malformed", exit: EXIT.PARTIAL, http: 422 },
  E_CSV_HEADER: { message: "CSV header lacks required columns", exit: EXIT.PARTIAL, http: 422 },
  E_PIPELINE_ORDER: {
    message: "pipeline stage requires an annotation no earlier stage provides",
    exit: EXIT.INTERNAL,
    http: 500,
  },
  E_PIPELINE_CONFLICT: { message: "two pipeline stages provide the same annotation", exit: EXIT.INTERNAL, http: 500 },
  E_DATA_MISSING: {
    message: "a built data file is missing; run `npm run build` (or `npm install`)",
    exit: EXIT.INTERNAL,
    http: 500,
  },
  E_DATA_INVALID: { message: "a data file is malformed", exit: EXIT.INTERNAL, http: 500 },
  E_STORE_OPEN: { message: "database cannot be opened", exit: EXIT.STORE, http: 503 },
  E_STORE_MIGRATION: { message: "database schema does not match this version of sitrep", exit: EXIT.STORE, http: 500 },
  E_STORE_WRITE: { message: "database write failed", exit: EXIT.STORE, http: 500 },
  E_NOT_FOUND: { message: "no such record", exit: EXIT.USAGE, http: 404 },
  E_VALIDATION: { message: "request is invalid", exit: EXIT.USAGE, http: 400 },
  E_AUTH_MISSING: { message: "an API token is required", exit: EXIT.USAGE, http: 401 },
  E_AUTH_INVALID: { message: "the API token is not valid", exit: EXIT.USAGE, http: 401 },
  E_AUTH_ROLE: { message: "the API token's role does not allow this", exit: EXIT.USAGE, http: 403 },
  E_PAYLOAD_TOO_LARGE: { message: "upload is larger than the limit", exit: EXIT.USAGE, http: 413 },
  E_CONFLICT: { message: "the record changed meanwhile", exit: EXIT.USAGE, http: 409 },
  E_INTERNAL: { message: "internal error", exit: EXIT.INTERNAL, http: 500 },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/** Where a problem was found: the file (or URL, or request field), and the line or row in it. */
export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
  /** The n-th item of a feed (1-based). */
  readonly item?: number;
  readonly field?: string;
}

export class SitrepError extends Error {
  readonly code: ErrorCode;
  readonly where: ErrorLocation;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, detail?: string, where: ErrorLocation = {}, options?: { cause?: unknown }) {
    super(formatMessage(code, detail, where), options);
    this.name = "SitrepError";
    this.code = code;
    this.where = where;
    this.detail = detail;
  }

  get exit(): number {
    return ERRORS[this.code].exit;
  }

  get http(): number {
    return ERRORS[this.code].http;
  }

  toJSON(): { code: ErrorCode; message: string } & ErrorLocation {
    return { code: this.code, message: this.message, ...this.where };
  }
}

function formatMessage(code: ErrorCode, detail: string | undefined, where: ErrorLocation): string {
  const at = [
    where.file,
    where.line === undefined ? undefined : `line ${where.line}`,
    where.item === undefined ? undefined : `item ${where.item}`,
    where.field && `field ${where.field}`,
  ]
    .filter(Boolean)
    .join(", ");
  const base = ERRORS[code].message;
  return `${code}: ${at ? `${at}: ` : ""}${base}${detail ? ` (${detail})` : ""}`;
}

export const isSitrepError = (e: unknown): e is SitrepError => e instanceof SitrepError;

/** Wraps anything thrown into a SitrepError, keeping coded errors as they are. */
export function asSitrepError(e: unknown, where: ErrorLocation = {}): SitrepError {
  if (e instanceof SitrepError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new SitrepError("E_INTERNAL", detail, where, { cause: e });
}
