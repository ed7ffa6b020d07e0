import { expect } from 'chai';
import { clockFrom } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';

describe('clockFrom (COTE_CLOCK_START)', () => {
  it('starts at the given instant and then runs with the real clock', () => {
    let real = Date.parse('2031-05-05T23:59:59Z');
    const now = clockFrom('2026-11-28T12:00:00Z', () => real);
    expect(now().toISOString()).to.equal('2026-11-28T12:00:00.000Z');
    real += 90_000;
    expect(now().toISOString()).to.equal('2026-11-28T12:01:30.000Z');
  });

  it('empty – the real clock', () => {
    expect(clockFrom('', () => 1234)().getTime()).to.equal(1234);
  });

  it('a value that is not an instant stops the boot, naming the variable', () => {
    expect(() => loadConfig({ COTE_CLOCK_START: 'yesterday' })).to.throw(/COTE_CLOCK_START="yesterday" is invalid/);
  });
});
