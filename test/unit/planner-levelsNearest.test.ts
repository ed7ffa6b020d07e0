import { expect } from 'chai';
import { levelsNearest } from '../../src/planner/catalogIndex.ts';

describe('levelsNearest() – the order mocks, warm-ups and re-solves search levels in', () => {
  it('a target inside the range – itself, then one below and one above, outward', () => {
    expect([...levelsNearest(12, 10, 14)]).to.deep.equal([12, 11, 13, 10, 14]);
  });

  it('a target below or above the range – every level of the range, from the nearest end', () => {
    expect([...levelsNearest(3, 10, 14)]).to.deep.equal([10, 11, 12, 13, 14]);
    expect([...levelsNearest(40, 10, 14)]).to.deep.equal([14, 13, 12, 11, 10]);
  });

  it('a range of one level – that level', () => {
    expect([...levelsNearest(7, 11, 11)]).to.deep.equal([11]);
  });
});
