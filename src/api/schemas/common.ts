/** Schema fragments shared by the routes. */
export const idParams = {
  type: "object",
  properties: { id: { type: "integer", minimum: 1, maximum: 2_147_483_647 } },
  required: ["id"],
  additionalProperties: false,
} as const;

export const errorResponses = {
  400: { $ref: "ApiError#" },
  404: { $ref: "ApiError#" },
} as const;

export const writeErrorResponses = {
  ...errorResponses,
  401: { $ref: "ApiError#" },
  403: { $ref: "ApiError#" },
  409: { $ref: "ApiError#" },
  413: { $ref: "ApiError#" },
} as const;

export const bearerSecurity = [{ bearer: [] }];

/** For routes that take no query parameters: one sent anyway is refused, not ignored. */
export const noQuery = { type: "object", properties: {}, additionalProperties: false } as const;
