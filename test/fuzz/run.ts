/**
 * The web fuzz harness (`npm run fuzz:web`, and test/integration/fuzz.web.test.ts inside `npm test`).
 *
 * Every `METHOD /path` registered on the app (read from its router, so new routes are covered) gets, from an anonymous,
 * a learner and an admin session, at least `perRole` malformed requests (probes: variants.ts; values: values.ts,
 * fields.ts; per-route forms: routes.ts). Each probe runs inside a transaction that is rolled back, so all start from
 * the same database, and must get: no 5xx, no stack / raw parser message / server path in the body, a same-origin
 * Location if any, and — for probes that must be refused — a 4xx (or, anonymous, a redirect to /login) with every
 * table but `sessions` and the data directory's files unchanged. `sessions` rows are counted and reported apart.
 * Before its probes, the valid form of each route is sent (and must be accepted), so a refusal is the probe's doing.
 */
import type { Db } from '../../src/db/connection.ts';
import { registeredRoutes } from '../support/routes.ts';
import { judge, serverPaths } from './checks.ts';
import { closeClient, send } from './http.ts';
import { rngFor } from './prng.ts';
import { specFor } from './routes.ts';
import {
  changedParts,
  dataFiles,
  inRollback,
  installSessionCounter,
  installWriteCounter,
  removeNewFiles,
  stateHash,
  stateTables,
  type StateHash,
} from './state.ts';
import { VariantBuilder, variantsFor, type Variant } from './variants.ts';
import { createWorld, ROLES, type Role, type World } from './world.ts';

export interface FuzzOptions {
  seed: number;
  /** Malformed requests per route and session (three sessions: anonymous, learner, admin). */
  perRole: number;
  /** Only routes whose `METHOD /path` matches. */
  only?: RegExp;
  timeoutMs?: number;
  progress?: (line: string) => void;
}

export interface Failure {
  route: string;
  role: Role;
  group: string;
  label: string;
  path: string;
  status: number;
  reasons: string[];
  body: string;
  /** What the app logged for this request (the first line of an error), when it logged anything. */
  appError?: string;
}

export interface FuzzResult {
  seed: number;
  requests: number;
  malformed: number;
  routes: string[];
  malformedPerRoute: Map<string, number>;
  /** Routes the harness has no field spec for: they got the generic probes only. */
  unspecified: string[];
  failures: Failure[];
  /** Per session (and for requests without any cookie): requests sent and how many stored a new `sessions` row. */
  sessions: Record<Role | 'cookieless', { requests: number; stored: number }>;
  ms: number;
}

/** Builds the app on a temporary database and sends every probe of every route for every session. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const started = performance.now();
  const world = await createWorld();
  // Express's final handler prints the stack of an error the app's own handler could not answer on stderr;
  // it is kept as that request's "app logged" line instead of flooding the output.
  const consoleError = console.error;
  console.error = (...args: unknown[]) =>
    world.appErrors.push(`express final handler: ${String(args[0]).split('\n')[0]}`);
  try {
    return await fuzzWorld(world, options, started);
  } finally {
    console.error = consoleError;
    await world.close();
    closeClient();
  }
}

async function fuzzWorld(world: World, options: FuzzOptions, started: number): Promise<FuzzResult> {
  const { db, dataDir } = world;
  const tables = stateTables(db);
  const writes = installWriteCounter(db, tables);
  const sessionsStored = installSessionCounter(db);
  let baseline = stateHash(db, tables, dataDir);
  const routes = registeredRoutes(world.app).filter((r) => !options.only || options.only.test(r));
  const forbidden = serverPaths(dataDir);
  const result: FuzzResult = {
    seed: options.seed,
    requests: 0,
    malformed: 0,
    routes,
    malformedPerRoute: new Map(),
    failures: [],
    ms: 0,
    unspecified: routes.filter((r) => !specFor(r, world.roles.learner, world)),
    sessions: {
      anonymous: { requests: 0, stored: 0 },
      learner: { requests: 0, stored: 0 },
      admin: { requests: 0, stored: 0 },
      cookieless: { requests: 0, stored: 0 },
    },
  };
  for (const route of routes) {
    const routeStarted = performance.now();
    for (const role of ROLES) {
      const ctx = world.roles[role];
      const builder = new VariantBuilder(
        route,
        ctx,
        world,
        specFor(route, ctx, world),
        rngFor(options.seed, `${route} ${role}`),
      );
      // A signed-in learner may see the list's source folder (an admin chose it); anonymous sessions may not.
      const allowed = role === 'anonymous' ? [] : [world.listDir];
      for (const variant of variantsFor(builder, options.perRole)) {
        const outcome = await probe(
          world,
          tables,
          { writes, sessionsStored },
          baseline,
          variant,
          options.timeoutMs ?? 10_000,
        );
        result.requests++;
        result.sessions[role].requests++;
        if (outcome.storedSession) result.sessions[role].stored++;
        if (!variant.request.headers.cookie) {
          result.sessions.cookieless.requests++;
          if (outcome.storedSession) result.sessions.cookieless.stored++;
        }
        if (variant.malformed) {
          result.malformed++;
          result.malformedPerRoute.set(route, (result.malformedPerRoute.get(route) ?? 0) + 1);
        }
        const reasons = judge(variant, outcome.res, outcome.changed, forbidden, allowed);
        if (reasons.length) {
          result.failures.push({
            route,
            role,
            group: variant.group,
            label: variant.label,
            path: variant.request.path.slice(0, 120),
            status: outcome.res.status,
            reasons,
            body: outcome.res.text.slice(0, 200),
            appError: outcome.appErrors[0],
          });
        }
      }
      // The session must still be signed in (and its token valid) after its probes: otherwise later refusals would
      // be "not logged in" or "bad token" instead of the malformed value, and prove nothing.
      const canary = await probe(
        world,
        tables,
        { writes, sessionsStored },
        baseline,
        canaryVariant(world, role),
        options.timeoutMs ?? 10_000,
      );
      if (canary.res.status !== 302 || canary.res.headers.location !== '/') {
        result.failures.push({
          route,
          role,
          group: 'harness',
          label: 'session canary (POST /language with its own language)',
          path: '/language',
          status: canary.res.status,
          reasons: ["session lost or token invalid after this route's probes"],
          body: canary.res.text.slice(0, 200),
        });
      }
      // Work an accepted request left running (a background import) can write after its transaction ended.
      const committed = stateHash(db, tables, dataDir);
      const escaped = changedParts(baseline, committed);
      if (escaped.length) {
        result.failures.push({
          route,
          role,
          group: 'background',
          label: 'writes after the answers (outside the request)',
          path: '',
          status: 0,
          reasons: [`changed: ${escaped.join(', ')}`],
          body: '',
        });
        baseline = committed;
      }
    }
    const failed = result.failures.filter((f) => f.route === route).length;
    options.progress?.(
      `${route.padEnd(34)} ${String(result.malformedPerRoute.get(route) ?? 0).padStart(4)} malformed ${String(Math.round(performance.now() - routeStarted)).padStart(6)} ms  ${failed ? `${failed} failing` : 'ok'}`,
    );
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}

function canaryVariant(world: World, role: Role): Variant {
  const ctx = world.roles[role];
  const lang = role === 'anonymous' ? 'ko' : ctx.me.language;
  const body = `_csrf=${encodeURIComponent(ctx.csrf)}&lang=${lang}&back=%2F`;
  return {
    route: 'POST /language',
    role,
    group: 'harness',
    label: 'canary',
    malformed: false,
    expect: { refused: false, unchanged: true },
    request: {
      method: 'POST',
      path: '/language',
      headers: { cookie: ctx.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    },
  };
}

/** Sends one probe inside a transaction that is rolled back, and reads what it changed before the rollback. */
interface Counters {
  writes: () => number;
  sessionsStored: () => number;
}

async function probe(
  world: World,
  tables: string[],
  { writes, sessionsStored }: Counters,
  baseline: StateHash,
  variant: Variant,
  timeoutMs: number,
) {
  const db: Db = world.db;
  world.appErrors.length = 0;
  let changed: string[] = [];
  let storedSession = false;
  const res = await inRollback(db, async () => {
    const sessionsBefore = sessionsStored();
    const writesBefore = writes();
    const answer = await send(world.port, variant.request, timeoutMs);
    // Express's final handler logs on a later tick (setImmediate): let it land on this request, not the next.
    await new Promise((resolve) => setImmediate(resolve));
    // No row written and the same files: unchanged without hashing. Otherwise compare the content (an UPDATE may
    // write the same values, which changes nothing).
    const files = dataFiles(world.dataDir);
    if (writes() !== writesBefore || files.join('\n') !== world.files.join('\n'))
      changed = changedParts(baseline, stateHash(db, tables, world.dataDir));
    if (files.join('\n') !== world.files.join('\n')) removeNewFiles(world.dataDir, world.files);
    storedSession = sessionsStored() > sessionsBefore;
    return answer;
  });
  return { res, changed, storedSession, appErrors: [...world.appErrors] };
}
