import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InitializeHook, ResolveHook } from 'node:module';

// Module hooks (they run on the loader's own thread) for moduleLog.ts: each resolved file:// module is appended to
// the log file as a path.
let file = '';

export const initialize: InitializeHook<{ file: string }> = (data) => {
  file = data.file;
};

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  const resolved = await nextResolve(specifier, context);
  if (resolved.url.startsWith('file:')) fs.appendFileSync(file, `${fileURLToPath(resolved.url)}\n`);
  return resolved;
};
