import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { fakeServer, type FakeServer } from '../support/syncServer.ts';
import { listen, staysResponsive, UNLIMITED_PROBES } from './support.ts';
import { learnerByLogin } from '../../src/learners/learnerRepository.ts';
import { syncLearner } from '../../src/sync/runSync.ts';
import { accountsOf, replaceAccounts } from '../../src/sync/syncRepository.ts';

// Hardening issue, findings 3 (SSRF past the address check, the port oracle) and 9 (a URL with NUL saved, then the
// sync crashed). A fake server on 127.0.0.1 stands for the internal service an attacker aims at.

describe('attack: repository URLs that aim the sync at the server’s own network', function () {
  // The probes measure wall-clock time on a shared machine: a try may be unlucky; a real stall fails all three.
  this.retries(2);
  let t: ReturnType<typeof testDeps>;
  let app: Awaited<ReturnType<typeof listen>>;
  let target: FakeServer;

  beforeEach(async () => {
    target = await fakeServer(() => ({ status: 200, body: 'internal admin page' }));
    t = testDeps({ COTE_ALLOW_PRIVATE_SOURCES: 'false', ...UNLIMITED_PROBES }, new Date('2026-03-02T03:00:00Z'));
    seedLearner(t.deps.db, 'mina', { language: 'en' });
    app = await listen(t.app());
  });
  afterEach(async () => {
    await app.close();
    await target.close();
    t.cleanup();
  });

  const mina = () => learnerByLogin(t.deps.db, 'mina')!;
  const port = () => new URL(target.url).port;

  it('finding 3: "http://192.0.2.1\\@127.0.0.1:PORT/x.git", user info and NUL – refused on the form, naming why; nothing saved, nothing sent', async () => {
    const a = await loggedIn(t.app(), 'mina');
    const tries: [string, RegExp][] = [
      [`http://192.0.2.1\\@127.0.0.1:${port()}/x.git`, /backslash/],
      [`http://192.0.2.1@127.0.0.1:${port()}/x.git`, /user name or password/],
      [`https://github.com/me/hub.git\0`, /NUL/],
      [`https://github.com/me/hub.git?x=1`, /query/],
      [`http://0x7f.1:${port()}/x.git`, /private or local address/],
    ];
    // The page with a form error, rendered once before (its template compiles on first use).
    await a.agent.post('/settings/accounts').type('form').send({ _csrf: a.csrf, repos: 'x' });
    await staysResponsive(app.url, async () => {
      for (const [url, why] of tries) {
        const res = await a.agent
          .post('/settings/accounts')
          .type('form')
          .send({ _csrf: a.csrf, codeforces: '', leetcode: '', solvedac: '', repos: url });
        expect(res.status, url).to.equal(422);
        expect(res.text, url).to.match(why);
      }
    });
    expect(accountsOf(t.deps.db, mina().id)).to.deep.equal([]);
    expect(target.requests).to.deep.equal([]);
  });

  it('finding 3: a URL saved before these checks is checked again at sync time; refused from its text; a closed port and a non-git server read the same', async () => {
    // Stored as an older cote stored it, past the form.
    const closed = await closedPort();
    const urls = [
      `http://192.0.2.1\\@127.0.0.1:${port()}/x.git`,
      `http://localhost:${port()}/x.git`,
      `http://127.0.0.1:${port()}/x.git`,
    ];
    replaceAccounts(t.deps.db, mina().id, 'git', urls, t.clock.get());
    const [refused] = await staysResponsive(app.url, () => syncLearner(t.deps, mina(), ['git']));
    expect(refused.imported).to.equal(0);
    expect(target.requests).to.deep.equal([]);
    // Refused from the text alone (no connection tried, so nothing to learn about ports), the reason named.
    const errors = accountsOf(t.deps.db, mina().id).map((a) => a.lastError ?? '');
    expect(errors[0]).to.match(/holds a backslash/);
    expect(errors[1]).to.match(/a private or local address/);
    expect(errors[2]).to.match(/a private or local address/);

    // With private sources allowed (a LAN server): an open port that is not git and a closed port say the same.
    t.deps.config.allowPrivateSources = true;
    const lan = [
      `http://127.0.0.1:${port()}/x.git`,
      `http://127.0.0.1:${closed}/x.git`,
      `http://localhost:${closed}/x.git`,
    ];
    replaceAccounts(t.deps.db, mina().id, 'git', lan, t.clock.get());
    await staysResponsive(app.url, () => syncLearner(t.deps, mina(), ['git']));
    const lanMessages = accountsOf(t.deps.db, mina().id).map((a) => a.lastError?.replace(a.handle, 'URL'));
    expect(lanMessages).to.deep.equal(
      lan.map(() => 'URL cannot be read: it is not a public git repository cote can reach'),
    );
  });
});

/** A port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
