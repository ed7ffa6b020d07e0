import { expect } from 'chai';
import { diffList, type ListedProblem } from '../../src/catalog/diff.ts';
import { checklistFilters, filterQuery } from '../../src/progress/checklist.ts';
import { AppError } from '../../src/errors.ts';

const listed = (title: string, level: number, placements: Record<string, boolean>): ListedProblem => ({
  title,
  level,
  placements: new Map(Object.entries(placements)),
});

describe('diffList()', () => {
  const before = new Map([
    ['boj:1', listed('One', 5, { math: true })],
    ['boj:2', listed('Two', 7, { math: false, greedy: true })],
    ['boj:3', listed('Three', 9, { greedy: false })],
  ]);

  it('diffList() – identical lists – nothing added, removed or changed', () => {
    expect(diffList(before, before)).to.deep.equal({ added: [], removed: [], changed: [], changes: [] });
  });

  it('diffList() – empty before – every problem is added', () => {
    expect(diffList(new Map(), before).added).to.deep.equal(['boj:1', 'boj:2', 'boj:3']);
  });

  it('diffList() – a flip in one type, a new level, a new title, a type left, one removed, one added – each reported once per problem', () => {
    const after = new Map([
      ['boj:1', listed('One!', 6, { math: true })],
      ['boj:2', listed('Two', 7, { math: true })],
      ['boj:4', listed('Four', 1, { math: false })],
    ]);
    const diff = diffList(before, after);
    expect(diff.added).to.deep.equal(['boj:4']);
    expect(diff.removed).to.deep.equal(['boj:3']);
    expect(diff.changed).to.deep.equal(['boj:1', 'boj:2']);
    expect(diff.changes).to.deep.equal([
      { problem: 'boj:1', kind: 'title', from: 'One', to: 'One!' },
      { problem: 'boj:1', kind: 'level', from: 5, to: 6 },
      { problem: 'boj:2', kind: 'recommended', category: 'math', from: false, to: true },
      { problem: 'boj:2', kind: 'types', from: 'greedy,math', to: 'math' },
    ]);
  });
});

describe('checklistFilters()', () => {
  it('checklistFilters() – every field – read from the query string', () => {
    expect(
      checklistFilters({ type: 'math', min: '6', max: '15', recommended: '1', q: ' 1260 ', status: 'unsolved' }),
    ).to.deep.equal({
      category: 'math',
      minLevel: 6,
      maxLevel: 15,
      recommendedOnly: true,
      q: '1260',
      status: 'unsolved',
    });
  });

  it('checklistFilters() – empty or missing fields – no filter', () => {
    expect(checklistFilters({ type: '', min: '', q: '   ', status: '' })).to.deep.equal({
      category: undefined,
      minLevel: undefined,
      maxLevel: undefined,
      recommendedOnly: false,
      q: undefined,
      status: undefined,
    });
  });

  it('checklistFilters() – max below min – swapped', () => {
    expect(checklistFilters({ min: '20', max: '3' })).to.include({ minLevel: 3, maxLevel: 20 });
  });

  it('checklistFilters() – status=done – a 400 naming the values it may take', () => {
    expect(() => checklistFilters({ status: 'done' }))
      .to.throw(AppError)
      .with.property('params')
      .that.deep.equals({ value: 'done', expected: 'solved, unsolved, failed, new' });
  });

  it('filterQuery() – the filters of a query – written back as the same query', () => {
    const query = { type: 'math', min: '6', max: '15', recommended: '1', status: 'new', q: '미로 1' };
    expect(
      checklistFilters(Object.fromEntries(new URLSearchParams(filterQuery(checklistFilters(query))))),
    ).to.deep.equal(checklistFilters(query));
    expect(filterQuery(checklistFilters({}))).to.equal('');
  });

  for (const bad of ['31', '-1', '2.5', 'gold']) {
    it(`checklistFilters() – min=${bad} – a 400 naming the parameter`, () => {
      expect(() => checklistFilters({ min: bad }))
        .to.throw(AppError)
        .with.property('code', 'catalog.bad_level');
    });
  }
});
