import fs from 'node:fs';
import { createRequire, register } from 'node:module';

// Loaded with `node --import tsx --import ./test/support/moduleLog.ts <entry>`: writes the file of every module the
// process loads to the file named by COTE_MODULE_LOG, one per line. ES modules are written as they are resolved (by
// the hook in moduleLogHooks.ts), CommonJS ones (which a CommonJS package require()s past the hooks) at exit.
const file = process.env.COTE_MODULE_LOG;
if (!file) throw new Error('moduleLog.ts needs COTE_MODULE_LOG, the file to write to');
register('./moduleLogHooks.ts', import.meta.url, { data: { file } });
process.on('exit', () => {
  fs.appendFileSync(file, `${Object.keys(createRequire(import.meta.url).cache).join('\n')}\n`);
});
