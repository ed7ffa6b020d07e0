import { expect } from 'chai';
import request from 'supertest';
import { loadConfig } from '../../src/config.ts';
import { testDeps } from '../support/app.ts';
import { seedLearner } from '../support/progress.ts';

const csp = (res: request.Response) => String(res.headers['content-security-policy']);
// The login page's cookie: the anonymous visitor's form cookie (no session is stored before a login).
const sessionCookie = (res: request.Response) =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('cote.form=')) ?? '';

describe('HTTP and HTTPS headers', () => {
  let t: ReturnType<typeof testDeps>;
  afterEach(() => t.cleanup());

  function app(env: NodeJS.ProcessEnv = {}) {
    t = testDeps(env);
    seedLearner(t.deps.db, 'mina');
    return t.app();
  }

  it('plain HTTP (the default) – no upgrade-insecure-requests, no HSTS, the session cookie is not Secure', async () => {
    const res = await request(app()).get('/login');
    expect(res.status).to.equal(200);
    expect(csp(res)).to.match(/script-src 'self'/);
    expect(csp(res)).not.to.contain('upgrade-insecure-requests');
    expect(res.headers).not.to.have.property('strict-transport-security');
    expect(res.headers).not.to.have.property('cross-origin-opener-policy');
    expect(res.headers).not.to.have.property('origin-agent-cluster');
    expect(sessionCookie(res)).to.match(/^cote\.form=/);
    expect(sessionCookie(res)).not.to.match(/;\s*Secure/i);
  });

  it('plain HTTP – X-Forwarded-Proto: https from a proxy that is not trusted – still plain HTTP', async () => {
    const res = await request(app()).get('/login').set('X-Forwarded-Proto', 'https');
    expect(csp(res)).not.to.contain('upgrade-insecure-requests');
    expect(res.headers).not.to.have.property('strict-transport-security');
    expect(sessionCookie(res)).not.to.match(/;\s*Secure/i);
  });

  it('COTE_SECURE_COOKIES=true – both headers, and the session cookie is Secure', async () => {
    const res = await request(app({ COTE_SECURE_COOKIES: 'true' })).get('/login');
    expect(csp(res)).to.contain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).to.match(/max-age=\d+/);
    expect(res.headers['cross-origin-opener-policy']).to.equal('same-origin');
    expect(res.headers['origin-agent-cluster']).to.equal('?1');
    expect(sessionCookie(res)).to.match(/;\s*Secure/i);
  });

  it('COTE_TRUST_PROXY=loopback – the proxy says https – both headers and a Secure cookie; says http – neither', async () => {
    const server = app({ COTE_TRUST_PROXY: 'loopback' });
    const https = await request(server).get('/login').set('X-Forwarded-Proto', 'https');
    expect(csp(https)).to.contain('upgrade-insecure-requests');
    expect(https.headers['strict-transport-security']).to.match(/max-age=\d+/);
    expect(sessionCookie(https)).to.match(/;\s*Secure/i);
    const http = await request(server).get('/login').set('X-Forwarded-Proto', 'http');
    expect(csp(http)).not.to.contain('upgrade-insecure-requests');
    expect(http.headers).not.to.have.property('strict-transport-security');
  });

  it('COTE_TRUST_PROXY – false, true, hop counts and subnets are read; anything else names the variable', () => {
    const parse = (value: string) => loadConfig({ COTE_TRUST_PROXY: value }).trustProxy;
    expect(loadConfig({}).trustProxy).to.equal(false);
    expect(parse('false')).to.equal(false);
    expect(parse('true')).to.equal(true);
    expect(parse('1')).to.equal(1);
    expect(parse('loopback, 10.0.0.0/8')).to.equal('loopback, 10.0.0.0/8');
    expect(parse('192.168.1.1,fe80::/10')).to.equal('192.168.1.1,fe80::/10');
    for (const bad of ['proxy.example', '10.0.0.0/8/1', 'yes please']) {
      expect(() => parse(bad), bad).to.throw(/COTE_TRUST_PROXY/);
    }
  });
});
