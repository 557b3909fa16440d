/** Ground truth: the CORS policy model against the real flask library (Debian's /usr/bin/python3), on seeded generated configurations. */
import { definePythonGroundTruth } from './suite.js';

definePythonGroundTruth('flask');
