import type { Failure, FuzzResult } from './run.ts';

const n = (x: number) => x.toLocaleString('en-US');

/** The one-line result: `N requests, N routes, N failures`. */
export function summaryLine(r: FuzzResult): string {
  return `${n(r.requests)} requests, ${r.routes.length} routes, ${n(r.failures.length)} failures`;
}

/** The failure class of one reason: its kind without the details that vary per request. */
export function reasonClass(reason: string): string {
  return reason
    .replace(/^(leak: [^(]+) \(.*$/, (_m, kind: string) =>
      kind.startsWith('leak: server path') ? reason : kind.trim(),
    )
    .replace(/Location ".*"/, 'Location …')
    .replace(/\d+ ms/, 'N ms')
    .replace(/^accepted: (\d+) to .*/, 'accepted: $1 (redirect)')
    .replace(/^no answer: .*/, 'no answer');
}

/** The probe without its serial number and random parts, so random probes of one kind group together. */
export function probeClass(f: Failure): string {
  const label = f.label
    .replace(/ #\d+$/, '')
    .replace(/^random \?.*/, 'random query strings')
    .replace(/^random \d+ bytes as .*/, 'random bytes with a random content type')
    .replace(/^.+: .+ \+ .+: .+$/, 'two fields malformed at once');
  return `${f.group}: ${label}`;
}

/**
 * The report: the summary and the sessions count, then the failures grouped by what went wrong; inside a class,
 * probes that failed on the same routes share a line. Then a few examples per class with status and body start.
 */
export function formatReport(r: FuzzResult, options: { examplesPerClass?: number } = {}): string {
  const lines: string[] = [];
  const min = Math.min(...r.routes.map((route) => r.malformedPerRoute.get(route) ?? 0));
  lines.push(`cote web fuzz — seed ${r.seed} (FUZZ_SEED=${r.seed} replays it)`);
  lines.push(
    `  ${summaryLine(r)} — ${n(r.malformed)} of them malformed (at least ${n(min)} per route, over anonymous, learner and admin sessions) in ${(r.ms / 1000).toFixed(1)} s`,
  );
  const s = r.sessions;
  lines.push(
    `  sessions table (reported, not asserted): a new session row was stored by ${n(s.anonymous.stored)} of ${n(s.anonymous.requests)} anonymous requests, ${n(s.learner.stored)} of ${n(s.learner.requests)} learner and ${n(s.admin.stored)} of ${n(s.admin.requests)} admin requests; requests without any cookie stored one ${n(s.cookieless.stored)} of ${n(s.cookieless.requests)} times`,
  );
  if (r.unspecified.length)
    lines.push(`  routes without a spec in test/fuzz/routes.ts (generic probes only): ${r.unspecified.join(', ')}`);
  if (!r.failures.length) return lines.join('\n');

  const byReason = new Map<string, Failure[]>();
  for (const f of r.failures)
    for (const reason of new Set(f.reasons.map(reasonClass)))
      byReason.set(reason, [...(byReason.get(reason) ?? []), f]);
  const sorted = [...byReason].sort((a, b) => b[1].length - a[1].length);
  lines.push('', `Failures by class (${byReason.size} classes; sessions: a = anonymous, l = learner, A = admin):`);
  for (const [reason, failures] of sorted) {
    lines.push(
      '',
      `■ ${reason} — ${n(failures.length)} requests on ${new Set(failures.map((f) => f.route)).size} routes`,
    );
    const byProbe = new Map<string, Failure[]>();
    for (const f of failures) byProbe.set(probeClass(f), [...(byProbe.get(probeClass(f)) ?? []), f]);
    const bySites = new Map<string, { probes: string[]; count: number }>();
    for (const [probe, list] of byProbe) {
      const sites = routesWithRoles(list);
      const entry = bySites.get(sites) ?? { probes: [], count: 0 };
      entry.probes.push(probe);
      entry.count += list.length;
      bySites.set(sites, entry);
    }
    for (const [sites, { probes, count }] of [...bySites].sort((a, b) => b[1].count - a[1].count)) {
      const shown = probes.slice(0, 6).join('; ') + (probes.length > 6 ? `; … ${probes.length - 6} more probes` : '');
      lines.push(`    ${shown}  [${count}]`, `        at ${sites}`);
    }
  }
  lines.push(
    '',
    'Examples (route [session] probe → status, reasons; what the app logged; the first 200 characters of the body):',
  );
  for (const [reason, failures] of sorted) {
    lines.push(`  ■ ${reason}`);
    const routes = new Set<string>();
    for (const f of failures) {
      if (routes.has(f.route)) continue;
      routes.add(f.route);
      if (routes.size > (options.examplesPerClass ?? 3)) break;
      lines.push(...example(f));
    }
  }
  return lines.join('\n');
}

export function example(f: Failure): string[] {
  const out = [
    `    ${f.route} [${f.role}] ${f.group}: ${f.label}${f.path ? `  (${f.path.slice(0, 90)})` : ''}`,
    `        → ${f.status} ${f.reasons.join('; ')}`,
  ];
  if (f.appError) out.push(`        app logged: ${f.appError.slice(0, 200)}`);
  if (f.body) out.push(`        body: ${JSON.stringify(f.body.replace(/\s+/g, ' ').slice(0, 200))}`);
  return out;
}

function routesWithRoles(list: Failure[]): string {
  const letter = { anonymous: 'a', learner: 'l', admin: 'A' } as const;
  const roles = new Map<string, Set<string>>();
  for (const f of list) roles.set(f.route, (roles.get(f.route) ?? new Set()).add(letter[f.role]));
  return [...roles]
    .map(([route, set]) => `${route} (${['a', 'l', 'A'].filter((x) => set.has(x)).join('')})`)
    .join(', ');
}
