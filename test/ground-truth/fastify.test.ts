/** Ground truth: the CORS policy model against the real fastify library, on seeded generated configurations. */
import { defineGroundTruth } from './harness/suite.js';

defineGroundTruth('fastify');
