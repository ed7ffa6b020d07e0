import path from 'node:path';
import { testDeps } from './support/app.ts';
import { loggedIn, seedLearner } from './support/progress.ts';
import { importList } from '../src/catalog/importList.ts';
const ctx = testDeps();
await importList(ctx.deps.db, path.resolve('test/fixtures/catalog/v1'));
seedLearner(ctx.deps.db, 'mina', { language: 'en' });
const a = await loggedIn(ctx.app(), 'mina');
for (const url of process.argv.slice(2)) { const r = await a.agent.get(url); console.log('=====', url, r.status); console.log(r.text); }
ctx.cleanup();
