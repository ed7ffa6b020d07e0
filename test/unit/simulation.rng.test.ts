import { expect } from 'chai';
import { hashKey, mix32, Rng, uniformAt } from '../../bench/planner/rng.ts';
import { bootstrapMeanCI, mean } from '../../bench/planner/stats.ts';

describe('simulation – seeded randomness', () => {
  it('hashKey() – same key twice – gives the same unsigned 32-bit value', () => {
    const a = hashKey(20261128, 'solve', 7, 'boj:1260', 0);
    expect(a).to.equal(hashKey(20261128, 'solve', 7, 'boj:1260', 0));
    expect(a)
      .to.be.at.least(0)
      .and.below(2 ** 32);
    expect(Number.isInteger(a)).to.equal(true);
  });

  it('hashKey() – one part changed or parts swapped – gives a different value', () => {
    const base = hashKey(1, 'solve', 7, 'boj:1260', 0);
    const others = [
      hashKey(2, 'solve', 7, 'boj:1260', 0),
      hashKey(1, 'hint', 7, 'boj:1260', 0),
      hashKey(1, 'solve', 8, 'boj:1260', 0),
      hashKey(1, 'solve', 7, 'boj:1261', 0),
      hashKey(1, 'solve', 7, 'boj:1260', 1),
      hashKey(1, 'solve', 0, 'boj:1260', 7),
    ];
    for (const o of others) expect(o).to.not.equal(base);
    expect(new Set(others).size).to.equal(others.length);
  });

  it('mix32() – consecutive inputs – spreads them over the whole range', () => {
    const values = Array.from({ length: 1000 }, (_, i) => mix32(i) / 2 ** 32);
    expect(mean(values)).to.be.closeTo(0.5, 0.05);
    expect(new Set(values).size).to.equal(1000);
  });

  it('Rng – same seed – replays the same stream; another seed does not', () => {
    const draw = (seed: number) => {
      const r = new Rng(seed);
      return [r.uniform(), r.normal(), r.poisson(40), r.int(10), r.uniform()];
    };
    expect(draw(42)).to.deep.equal(draw(42));
    expect(draw(42)).to.not.deep.equal(draw(43));
  });

  it('Rng – many draws – uniform in (0,1), normal(0,1) and Poisson(40) have the right moments', () => {
    const r = Rng.of('moments');
    const u = Array.from({ length: 20000 }, () => r.uniform());
    expect(Math.min(...u)).to.be.above(0);
    expect(Math.max(...u)).to.be.below(1);
    expect(mean(u)).to.be.closeTo(0.5, 0.01);
    const z = Array.from({ length: 20000 }, () => r.normal());
    expect(mean(z)).to.be.closeTo(0, 0.03);
    expect(mean(z.map((x) => x * x))).to.be.closeTo(1, 0.04);
    const k = Array.from({ length: 5000 }, () => r.poisson(40));
    expect(mean(k)).to.be.closeTo(40, 0.4);
  });

  it('uniformAt() – the paired coin of an event – depends only on its key', () => {
    expect(uniformAt(1, 'solve', 3, 'boj:1000', 0)).to.equal(uniformAt(1, 'solve', 3, 'boj:1000', 0));
    expect(uniformAt(1, 'solve', 3, 'boj:1000', 0)).to.not.equal(uniformAt(1, 'solve', 3, 'boj:1000', 1));
  });

  it('bootstrapMeanCI() – same seed – is reproducible and brackets the mean', () => {
    const xs = Array.from({ length: 50 }, (_, i) => (i % 7) - 2);
    const a = bootstrapMeanCI(xs, Rng.of('b'));
    expect(a).to.deep.equal(bootstrapMeanCI(xs, Rng.of('b')));
    expect(a[0]).to.be.below(mean(xs));
    expect(a[1]).to.be.above(mean(xs));
    expect(bootstrapMeanCI([0.3, 0.3, 0.3], Rng.of('c'))).to.deep.equal([0.3, 0.3]);
  });
});
