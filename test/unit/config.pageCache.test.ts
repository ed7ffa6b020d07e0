import { expect } from 'chai';
import { loadConfig } from '../../src/config.ts';

describe('COTE_PAGE_CACHE_MB', () => {
  it('unset – 16 MB; 0 – nothing kept; a whole number up to 1024 – taken', () => {
    expect(loadConfig({}).pageCacheMb).to.equal(16);
    expect(loadConfig({ COTE_PAGE_CACHE_MB: '0' }).pageCacheMb).to.equal(0);
    expect(loadConfig({ COTE_PAGE_CACHE_MB: ' 64 ' }).pageCacheMb).to.equal(64);
  });

  for (const raw of ['-1', '1.5', 'lots', '2048', ''])
    it(`${JSON.stringify(raw)} – refused, naming the variable and the value`, () => {
      expect(() => loadConfig({ COTE_PAGE_CACHE_MB: raw }))
        .to.throw()
        .with.property('message')
        .that.includes('COTE_PAGE_CACHE_MB')
        .and.includes(JSON.stringify(raw));
    });
});
