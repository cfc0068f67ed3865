import { createPipeline, type Pipeline } from "../pipeline/runner.js";
import type { AnyStage, Refiner } from "../pipeline/stage.js";
import { actorsStage } from "./actors/stage.js";
import { claimsStage } from "./claims/stage.js";
import { datesStage } from "./dates/stage.js";
import { eventsStage } from "./events/stage.js";
import { figuresStage } from "./figures/stage.js";
import { placesStage } from "./places/stage.js";
import { rolesStage } from "./roles/stage.js";
import { sourcesStage } from "./sources/stage.js";
import { triggersStage } from "./triggers/stage.js";

/** The extraction stages, in the order they run. */
export const DEFAULT_STAGES: readonly AnyStage[] = [
  placesStage,
  datesStage,
  sourcesStage,
  figuresStage,
  actorsStage,
  triggersStage,
  rolesStage,
  claimsStage,
  eventsStage,
];

export const DEFAULT_REFINERS: readonly Refiner[] = [];

let pipeline: Pipeline | null = null;

/** The default pipeline, checked once and reused. */
export function defaultPipeline(): Pipeline {
  pipeline ??= createPipeline(DEFAULT_STAGES, DEFAULT_REFINERS);
  return pipeline;
}
