import type { RoleName } from "../core/annotations.js";

/** The roles the model assigns, in class order (class 0 is "no role", class 1 + i is ROLES[i]). */
export const MODEL_ROLES: readonly RoleName[] = [
  "perpetratorIndividuals",
  "perpetratorOrgs",
  "targets",
  "victims",
  "weapons",
];

export const ROLE_COUNT = MODEL_ROLES.length;
