/** Ground truth: the CORS policy model against the real nest-fastify library, on seeded generated configurations. */
import { defineGroundTruth } from './harness/suite.js';

defineGroundTruth('nest-fastify');
