#!/usr/bin/env node
/** The `cors-fix` bin: runs the command line with the process's arguments and streams. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
