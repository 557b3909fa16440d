/** Ground truth: the CORS policy model against the real elysia library, on seeded generated configurations. */
import { defineGroundTruth } from './harness/suite.js';

defineGroundTruth('elysia');
