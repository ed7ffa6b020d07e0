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

    expect(statuses.get(200), 'answered before the limit').to.equal(120);
    expect(statuses.get(429), 'limited').to.equal(FLOOD - 120);
    expect(probes.length).to.be.greaterThan(2);
    expect(Math.max(...probes), `the slowest of ${probes.length} probes (ms)`).to.be.below(200);

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
