#!/usr/bin/env node
// The `cote` command: runs the TypeScript CLI through tsx, so `npx cote …` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../cli.ts');
process.exitCode = await runCli(process.argv);
