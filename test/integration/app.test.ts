import { expect } from 'chai';
import request from 'supertest';
import { testDeps } from '../support/app.ts';

describe('app shell', () => {
  let ctx: ReturnType<typeof testDeps>;
  beforeEach(() => (ctx = testDeps()));
  afterEach(() => ctx.cleanup());

  it('GET /nope – unknown page – answers 404 with a translated message and no stack', async () => {
    const res = await request(ctx.app()).get('/nope').set('Accept-Language', 'en-US,en;q=0.9');
    expect(res.status).to.equal(404);
    expect(res.text).to.contain('This page does not exist.');
    expect(res.text).not.to.contain('at ');
  });

  it('GET /nope – Korean browser – answers in Korean', async () => {
    const res = await request(ctx.app()).get('/nope').set('Accept-Language', 'ko-KR,ko;q=0.9,en;q=0.8');
    expect(res.text).to.contain('없는 페이지입니다.');
  });

  it('POST without a CSRF token – is refused with 403', async () => {
    const res = await request(ctx.app()).post('/language').type('form').send({ lang: 'en' });
    expect(res.status).to.equal(403);
  });

  it('sets security headers (CSP without inline script)', async () => {
    const res = await request(ctx.app()).get('/nope');
    expect(res.headers['content-security-policy']).to.match(/script-src 'self'/);
    expect(res.headers['x-content-type-options']).to.equal('nosniff');
  });
});
