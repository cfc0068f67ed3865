/** Request size limits, apart from the server so that the CLI can show them without loading it. */
export const DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
