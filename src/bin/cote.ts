#!/usr/bin/env node
// The `cote` command (compiled to dist/bin/cote.js at install; tests run the sources through tsx).
import { runCli } from '../cli.ts';

process.exitCode = await runCli(process.argv);
