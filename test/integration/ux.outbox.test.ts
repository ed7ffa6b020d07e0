import { expect } from 'chai';
import * as cheerio from 'cheerio';
import { testDeps } from '../support/app.ts';
import { sendDueDigests } from '../../src/digest/delivery.ts';
import { createMailer } from '../../src/digest/transport.ts';
import { addProblem, addSolve, loggedIn } from './digest.support.ts';

describe('outbox messages on /digest/preview are shown rendered, and can still be downloaded', () => {
  let ctx: ReturnType<typeof testDeps>;
  beforeEach(() => (ctx = testDeps({ SMTP_URL: '' }, new Date('2026-11-28T11:00:00Z'))));
  afterEach(() => ctx.cleanup());

  async function sentDigest() {
    const app = ctx.app();
    const { agent, learner } = await loggedIn(app, ctx.deps.db, 'ana', { language: 'ko' });
    addProblem(ctx.deps.db, 'boj:9999', '<script>alert(1)</script> 안녕');
    addSolve(ctx.deps.db, learner.id, 'boj:9999', '2026-11-28');
    await sendDueDigests({ ...ctx.deps, mailer: createMailer(ctx.deps.config) }, new Date('2026-11-28T12:00:00Z'));
    return { agent, learner, name: `digest-${learner.id}-2026-11-28.eml` };
  }

  it('GET /digest/preview – each outbox file links to its rendered view, with a separate .eml download', async () => {
    const { agent, name } = await sentDigest();
    const $ = cheerio.load((await agent.get('/digest/preview')).text);
    const links = $('.outbox-files li a')
      .map((_i, a) => $(a).attr('href'))
      .get();
    expect(links).to.deep.equal([`/digest/outbox/${name}/view`, `/digest/outbox/${name}`]);
    expect($('.outbox-files li a[download]').attr('href')).to.equal(`/digest/outbox/${name}`);
  });

  it('GET /digest/outbox/:name/view – the decoded subject and headers, the HTML part framed and sandboxed, no raw MIME', async () => {
    const { agent, name } = await sentDigest();
    const res = await agent.get(`/digest/outbox/${name}/view`);
    expect(res.status).to.equal(200);
    const $ = cheerio.load(res.text);
    expect($('.message-subject').text()).to.equal('[cote] 오늘 1문제');
    expect($('.message-headers').text()).to.contain('ana@example.test');
    const frame = $('iframe.message-html');
    expect(frame.attr('src')).to.equal(`/digest/outbox/${name}/html`);
    expect(frame.attr('sandbox'))
      .to.be.a('string')
      .and.not.contain('allow-scripts')
      .and.not.contain('allow-same-origin');
    expect($('.digest-text pre').text()).to.contain('<script>alert(1)</script> 안녕');
    expect(res.text).not.to.contain('Content-Transfer-Encoding');
    expect(res.text).not.to.contain('<script>alert(1)');
  });

  it('GET /digest/outbox/:name/html – the HTML part decoded, under a CSP that runs nothing', async () => {
    const { agent, name } = await sentDigest();
    const res = await agent.get(`/digest/outbox/${name}/html`);
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.match(/^text\/html/);
    const csp = res.headers['content-security-policy'];
    expect(csp).to.contain("default-src 'none'").and.contain('sandbox').and.not.contain('script-src');
    expect(res.text).to.contain('ana님의 오늘');
    expect(res.text).to.contain('&lt;script&gt;alert(1)&lt;/script&gt; 안녕');
    expect(res.text).not.to.match(/=3D|=EC/);
  });

  it('GET /digest/outbox/:name – the .eml itself as a download', async () => {
    const { agent, name } = await sentDigest();
    const res = await agent
      .get(`/digest/outbox/${name}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.headers['content-type']).to.match(/^message\/rfc822/);
    expect(res.headers['content-disposition']).to.match(
      new RegExp(`^attachment; filename="?${name.replace(/\./g, '\\.')}"?$`),
    );
    expect((res.body as Buffer).toString()).to.contain('Message-ID: <digest-');
  });

  it('another learner – 404 for the view, the HTML part and the file', async () => {
    const { name } = await sentDigest();
    const other = await loggedIn(ctx.app(), ctx.deps.db, 'bo');
    for (const url of [`/digest/outbox/${name}/view`, `/digest/outbox/${name}/html`, `/digest/outbox/${name}`]) {
      expect((await other.agent.get(url)).status, url).to.equal(404);
    }
  });
});
