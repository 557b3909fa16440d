/** Ground truth: the CORS policy model against the real express library, on seeded generated configurations. */
import { defineGroundTruth } from './harness/suite.js';

defineGroundTruth('express');
