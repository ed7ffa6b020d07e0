import { expect } from 'chai';
import { isSameOriginPath, judge, serverPaths } from '../fuzz/checks.ts';
import type { RawResponse } from '../fuzz/http.ts';
import { mutationsFor } from '../fuzz/fields.ts';
import { rngFor } from '../fuzz/prng.ts';
import type { Variant } from '../fuzz/variants.ts';

const refusedProbe = (role: Variant['role'] = 'learner'): Variant => ({
  route: 'POST /attempts',
  role,
  group: 'field',
  label: 'minutes: NaN',
  malformed: true,
  expect: { refused: true, unchanged: true },
  request: { method: 'POST', path: '/attempts', headers: {}, body: 'minutes=NaN' },
});
const answer = (
  status: number,
  text = '<p>bad</p>',
  headers: RawResponse['headers'] = { 'content-type': 'text/html' },
): RawResponse => ({ status, headers, text, size: text.length, ms: 5 });
const paths = serverPaths('/tmp/cote-test-data');

describe('fuzz harness checks', () => {
  it('isSameOriginPath() – paths stay, //host, /\\host, /<tab>/host, schemes and CRLF are off-site', () => {
    for (const ok of ['/', '/plan/today', '/login?next=%2Fplan', '/%2F%2Fevil.example', '/%5Cevil'])
      expect(isSameOriginPath(ok), ok).to.equal(true);
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      'https://evil.example/',
      'http:evil',
      '\\\\evil',
      'javascript:alert(1)',
      '/x\r\nSet-Cookie: a=1',
      '',
    ]) {
      expect(isSameOriginPath(bad), JSON.stringify(bad)).to.equal(false);
    }
  });

  it('judge() – a 422 page for a refused probe with nothing changed – passes', () => {
    expect(judge(refusedProbe(), answer(422), [], paths, [])).to.deep.equal([]);
  });

  it('judge() – a refused probe answered 302 (accepted) that changed a table – names both', () => {
    const reasons = judge(refusedProbe(), answer(302, '', { location: '/' }), ['attempts'], paths, []);
    expect(reasons).to.deep.equal(['accepted: 302 to /', 'changed: attempts']);
  });

  it('judge() – a redirect to /login – refuses an anonymous session, but is no refusal for a signed-in one', () => {
    expect(
      judge(refusedProbe('anonymous'), answer(302, '', { location: '/login?next=%2Fattempts' }), [], paths, []),
    ).to.deep.equal([]);
    expect(judge(refusedProbe('learner'), answer(302, '', { location: '/login' }), [], paths, [])).to.deep.equal([
      'accepted: 302 to /login',
    ]);
  });

  it('judge() – a 500 with an Express stack page – is a 5xx and one stack-trace leak', () => {
    const page =
      '<pre>URIError: URI malformed<br> &nbsp; &nbsp;at decodeURIComponent (&lt;anonymous&gt;)<br> &nbsp; &nbsp;at parseCookie (/work/x/src/web/locals.ts:35:30)</pre>';
    const reasons = judge(refusedProbe(), answer(500, page), [], paths, []);
    expect(reasons[0]).to.equal('500 server error');
    expect(reasons.slice(1).map((r) => r.replace(/ \(.*/, ''))).to.deep.equal(['leak: stack trace']);
  });

  it('judge() – raw parser messages, the data directory, unescaped markup – each named', () => {
    expect(judge(refusedProbe(), answer(400, 'Unexpected end of JSON input'), [], paths, [])[0]).to.match(
      /^leak: raw JSON parser message/,
    );
    expect(judge(refusedProbe(), answer(400, 'request entity too large'), [], paths, [])[0]).to.match(
      /^leak: raw body-parser message/,
    );
    expect(judge(refusedProbe(), answer(422, 'written to /tmp/cote-test-data/outbox'), [], paths, [])).to.include(
      'leak: server path (data directory, temp directory)',
    );
    expect(judge(refusedProbe(), answer(422, '<p>"><script>alert(1)</script></p>'), [], paths, [])).to.include(
      'unescaped markup echoed',
    );
  });

  it('judge() – a path the request itself sent, echoed in its form – is no leak', () => {
    const probe = {
      ...refusedProbe(),
      request: { ...refusedProbe().request, body: 'dir=%2Ftmp%2Fcote-test-data%2Fhub' },
    };
    expect(judge(probe, answer(422, '<input value="/tmp/cote-test-data/hub">'), [], paths, [])).to.deep.equal([]);
  });

  it('judge() – a 413 expected, 400 given – names the expected status', () => {
    const probe = { ...refusedProbe(), expect: { refused: true, unchanged: true, status: [413] } };
    expect(judge(probe, answer(400), [], paths, [])).to.deep.equal(['expected 413']);
  });

  it('mutationsFor() – a required date – arrays, objects, blanks, bad dates; an optional one skips blanks and a[b]', () => {
    const required = mutationsFor({ name: 'examDate', kind: 'date', required: true }, '2027-01-31').map((m) => m.label);
    expect(required).to.include.members([
      'examDate: repeated (a=1&a=1)',
      'examDate: bracket object a[b]=',
      'examDate: JSON object',
      'examDate: empty string',
      'examDate: 9999-12-31',
      'examDate: 2026-02-30',
    ]);
    const optional = mutationsFor({ name: 'day', kind: 'date', blankOk: true }, '2026-11-27').map((m) => m.label);
    expect(optional).to.not.include.members(['day: empty string', 'day: bracket object a[b]=', 'day: JSON null']);
  });

  it('rngFor() – the same seed and stream – the same numbers; another stream – others', () => {
    const a = rngFor(8, 'POST /attempts learner');
    const b = rngFor(8, 'POST /attempts learner');
    const c = rngFor(8, 'POST /attempts admin');
    const take = (r: ReturnType<typeof rngFor>) => Array.from({ length: 5 }, () => r.int(1000));
    const first = take(a);
    expect(take(b)).to.deep.equal(first);
    expect(take(c)).to.not.deep.equal(first);
  });
});
