import { expect } from 'chai';
import { sameOriginPath } from '../../src/web/sameOriginPath.ts';
import { safeBack } from '../../src/web/languageRoutes.ts';

describe('sameOriginPath() – redirect targets a user gives', () => {
  const kept = [
    '/',
    '/history',
    '/history?day=2026-11-28',
    '/?type=graph&min=5#top',
    '/plan/today',
    '/a/b%20c',
    '/lists?source=https://example.com/x',
  ];
  for (const target of kept) {
    it(`${JSON.stringify(target)} – a path on this site – kept as is`, () => {
      expect(sameOriginPath(target)).to.equal(target);
      expect(safeBack(target)).to.equal(target);
    });
  }

  const refused: unknown[] = [
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example',
    '/%5Cevil.example/x',
    '/%5cevil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/%09/evil.example',
    '/%2F/evil.example',
    '/x\\y',
    '/ok\u0000',
    '/ok\u007f',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' /history',
    'https://evil.example/',
    'http:/evil.example',
    'evil.example/x',
    '',
    '/%E0%A4%A',
    `/${'a'.repeat(2048)}`,
    undefined,
    null,
    42,
    ['/history'],
    { toString: () => '/history' },
  ];
  for (const target of refused) {
    it(`${JSON.stringify(target)?.slice(0, 40) ?? String(target)} – refused; safeBack falls back to /`, () => {
      expect(sameOriginPath(target)).to.equal(undefined);
      expect(safeBack(target)).to.equal('/');
    });
  }
});
