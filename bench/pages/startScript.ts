import fs from 'node:fs';
import path from 'node:path';

/** What `npm start` runs: the environment it sets, node's own arguments and the script. */
export interface StartCommand {
  env: Record<string, string>;
  nodeArgs: string[];
  script: string;
}

/**
 * Reads package.json's `start` script, so that the benchmarks start the server exactly as `npm start` does (its
 * malloc settings and V8 heap flags decide the resident memory the benchmarks report). The script must have the
 * form `[NAME=value …] node [--flag …] script`; anything else is refused by name rather than half-understood.
 */
export function parseStartScript(line: string): StartCommand {
  const words = line.trim().split(/\s+/);
  const env: Record<string, string> = {};
  let i = 0;
  for (; i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!); i++) {
    const [name, ...value] = words[i]!.split('=');
    env[name!] = value.join('=');
  }
  if (words[i] !== 'node')
    throw new Error(
      `package.json's start script ${JSON.stringify(line)}: expected "[NAME=value …] node [--flag …] script"`,
    );
  const nodeArgs: string[] = [];
  for (i++; i < words.length && words[i]!.startsWith('-'); i++) nodeArgs.push(words[i]!);
  const script = words[i];
  if (!script || i !== words.length - 1)
    throw new Error(`package.json's start script ${JSON.stringify(line)}: expected one script after node's flags`);
  return { env, nodeArgs, script };
}

/** `npm start` of the package at `root`. */
export function startCommand(root: string): StartCommand {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const start = manifest.scripts?.start;
  if (!start) throw new Error(`${path.join(root, 'package.json')} has no start script`);
  return parseStartScript(start);
}
