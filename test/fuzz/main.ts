/**
 * `npm run fuzz:web`: throws malformed requests at every route of the web app (anonymous, learner and admin sessions)
 * and prints what failed. Exits 1 on any failure. FUZZ_SEED replays a run, FUZZ_PER_ROLE sets the probes per route
 * and session (default 50, so at least 150 per route), FUZZ_ONLY limits the routes (a regular expression).
 */
import { formatReport, summaryLine } from './report.ts';
import { fuzzOptionsFromEnv } from './options.ts';
import { runFuzz } from './run.ts';

const options = fuzzOptionsFromEnv(process.env);
console.log(`seed ${options.seed}, ${options.perRole} malformed requests per route and session`);
const result = await runFuzz({ ...options, progress: (line) => console.log(`  ${line}`) });
console.log(formatReport(result));
console.log(summaryLine(result));
process.exitCode = result.failures.length ? 1 : 0;
