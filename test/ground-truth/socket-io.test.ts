/** Ground truth: the CORS policy model against the real socket.io library, on seeded generated configurations. */
import { defineGroundTruth } from './harness/suite.js';

defineGroundTruth('socket.io');
