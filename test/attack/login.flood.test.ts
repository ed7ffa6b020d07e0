import http from 'node:http';
import path from 'node:path';
import { expect } from 'chai';
import { tempDataDir, csrfFrom } from '../support/app.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { PASSWORD, seedLearner } from '../support/progress.ts';
import { spawnServer, stopServer, type RunningCote } from '../support/spawnCote.ts';

const FLOOD = 12_000;
const CONCURRENCY = 40;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

/** One request on its own connection from `localAddress` (another address of the loopback range is another visitor). */
function ask(
  port: number,
  options: { path: string; method?: string; headers?: http.OutgoingHttpHeaders; body?: string; from?: string },
  agent?: http.Agent,
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
        localAddress: options.from ?? '127.0.0.1',
        agent: agent ?? false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms: performance.now() - started }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * Hardening finding 4: a flood of anonymous GET /login used to store a session each, evict a real visitor's pending
 * login (anonymous sessions were capped at 10,000, oldest first) and slow everyone. Now an anonymous form stores
 * nothing, one address is limited per minute, and every other visitor is answered as before.
 */
describe('attack: a flood of anonymous GET /login', function () {
  this.timeout(120_000);
  let data: ReturnType<typeof tempDataDir>;
  let cote: RunningCote;
  let port: number;

  before(async () => {
    data = tempDataDir();
    const db = openDatabase(path.join(data.dir, 'cote.db'));
    seedLearner(db, 'mina');
    db.close();
    cote = spawnServer({
      PORT: '0',
      HOST: '127.0.0.1',
      COTE_DATA_DIR: data.dir,
      COTE_AUTO_IMPORT: 'false',
      LOG_LEVEL: 'info',
    });
    await cote.logged('cote listening on');
    port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(cote.log())![1]);
  });
  after(async () => {
    await stopServer(cote);
    data.cleanup();
  });

  it(`${FLOOD} GET /login from one address – none stored, the address is limited, a member elsewhere logs in and pages stay fast`, async () => {
    // The member opens the login page before the flood and submits it after.
    const page = await ask(port, { path: '/login' });
    expect(page.status).to.equal(200);
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    const token = csrfFrom(page.body);

    // The same probe before the flood: what this machine gives a visitor right now.
    const calm: number[] = [];
    for (let i = 0; i < 10; i++) calm.push((await ask(port, { path: '/login', from: '127.0.0.3' })).ms);

    const statuses = new Map<number, number>();
    let sent = 0;
    let flooding = true;
    const flooder = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY, localAddress: '127.0.0.2' });
    const worker = async () => {
      while (sent < FLOOD) {
        sent++;
        const res = await ask(port, { path: '/login', from: '127.0.0.2' }, flooder);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    };
    const started = Date.now();
    const flood = Promise.all(Array.from({ length: CONCURRENCY }, worker)).finally(() => (flooding = false));
    // Meanwhile another visitor's login page, probed every 100 ms while the flood lasts.
    const probes: number[] = [];
    while (flooding) {
      const probe = await ask(port, { path: '/login', from: '127.0.0.3' });
      expect(probe.status).to.equal(200);
      probes.push(probe.ms);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await flood;
    flooder.destroy();

    // 120 a minute: a flood that spans more than one window (a slow machine) gets 120 more in each.
    const windows = Math.ceil((Date.now() - started) / 60_000) + 1;
    const answered = statuses.get(200) ?? 0;
    expect([...statuses.keys()].sort(), 'answers').to.deep.equal([200, 429]);
    expect(answered, 'answered before the limit').to.be.within(120, 120 * windows);
    expect(statuses.get(429), 'limited').to.equal(FLOOD - answered);
    expect(probes.length).to.be.greaterThan(2);
    // On a quiet machine every probe answers in well under 200 ms (the slowest was 109 ms with 14 other processes
    // running; before the fix a flood took everyone from 4 to 410 ms). On an overloaded machine the bound is the
    // visitor's calm median there, three times over: the flood itself must not be what slows them (at most a quarter of the probes may be stalled by the machine).
    const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];
    const bound = Math.max(200, 3 * median(calm));
    const slow = probes.filter((ms) => ms >= bound);
    expect(median(probes), `median probe (ms); calm median ${Math.round(median(calm))}`).to.be.below(bound);
    expect(slow.length, `probes over ${Math.round(bound)} ms: ${slow.map(Math.round)}`).to.be.at.most(
      probes.length / 10,
    );

    const login = await ask(port, {
      path: '/login',
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token, login: 'mina', password: PASSWORD }).toString(),
    });
    expect(login.status, login.body).to.equal(302);
    expect(login.headers.location).to.equal('/plan/today');

    const db = openDatabase(path.join(data.dir, 'cote.db'));
    try {
      const rows = db.prepare('SELECT learner_id AS learnerId FROM sessions').all() as { learnerId: number | null }[];
      expect(rows.map((r) => r.learnerId !== null)).to.deep.equal([true]);
    } finally {
      db.close();
    }
  });
});
