import { expect } from 'chai';
import { chooseMission, weakTypes, type MissionInput, type MissionMember } from '../../src/groups/missionChoice.ts';

const entries = ['a', 'b'].flatMap((category) =>
  Array.from({ length: 6 }, (_, i) => ({ category, problem: `boj:${category}${i}`, position: i, recommended: false })),
);
const levels = new Map(entries.map((e) => [e.problem, 8]));
const member = (over: Partial<MissionMember> = {}): MissionMember => ({
  readiness: [
    { category: 'a', weight: 0.5, now: 0.2 },
    { category: 'b', weight: 0.5, now: 0.6 },
  ],
  picks: [],
  solved: new Set(),
  ...over,
});
const input = (over: Partial<MissionInput> = {}): MissionInput => ({
  groupId: 1,
  day: '2026-11-28',
  members: [member(), member(), member()],
  entries,
  levels,
  ...over,
});

describe('groups: chooseMission (pure)', () => {
  it('equal candidates – the same group and day – the same mission every time; the seed (group, day) picks among them', () => {
    expect(chooseMission(input())).to.deep.equal(chooseMission(input()));
    const picks = new Set<string>();
    for (let g = 1; g <= 20; g++)
      for (const day of ['2026-11-28', '2026-11-29']) picks.add(chooseMission(input({ groupId: g, day }))[0].problem);
    expect(picks.size, 'ties are not always broken the same way').to.be.greaterThan(1);
  });

  it('weak types – the weakest heavy type first; a type of weight 0 never', () => {
    const members = [
      member({
        readiness: [
          { category: 'a', weight: 0.5, now: 0.9 },
          { category: 'b', weight: 0.5, now: 0.1 },
          { category: 'c', weight: 0, now: 0 },
        ],
      }),
    ];
    expect(weakTypes({ groupId: 1, day: '2026-11-28', members }).map((t) => t.category)).to.deep.equal(['b', 'a']);
  });

  it('solved by most members – never chosen; solved by half or fewer – still a candidate', () => {
    const mostly = new Set(entries.slice(0, 5).map((e) => e.problem));
    const mission = chooseMission(
      input({ members: [member({ solved: mostly }), member({ solved: mostly }), member()] }),
    );
    expect(mission[0]).to.deep.equal({ problem: 'boj:a5', category: 'a' });
    const all = new Set(entries.filter((e) => e.category === 'a').map((e) => e.problem));
    expect(
      chooseMission(input({ members: [member({ solved: all }), member({ solved: all }), member()] })).map(
        (m) => m.category,
      ),
    ).to.deep.equal(['b']);
  });

  it("the planner's picks – a problem planned for two members today – chosen over the others of its type", () => {
    const pick = { problem: 'boj:a3', category: 'a', dayIndex: 0 };
    expect(
      chooseMission(input({ members: [member({ picks: [pick] }), member({ picks: [pick] }), member()] }))[0].problem,
    ).to.equal('boj:a3');
  });
});

describe('groups: chooseMission – the edges of its rules', () => {
  const typeA = entries.filter((e) => e.category === 'a').map((e) => e.problem);

  it('solved by exactly half the members (1 of 2) – still a candidate: the only unsolved-by-most problem of its type', () => {
    // Every problem of type a but a0 is solved by both members; a0 by one of the two.
    const both = new Set(typeA.slice(1));
    const mission = chooseMission(
      input({ members: [member({ solved: new Set([...both, 'boj:a0']) }), member({ solved: both })] }),
    );
    expect(mission[0]).to.deep.equal({ problem: 'boj:a0', category: 'a' });
  });

  it("the planner's picks – one member's pick for today outweighs two members' picks for later in the week", () => {
    const today = { problem: 'boj:a1', category: 'a', dayIndex: 0 };
    const later = (dayIndex: number) => ({ problem: 'boj:a4', category: 'a', dayIndex });
    const mission = chooseMission(
      input({ members: [member({ picks: [today, later(3)] }), member({ picks: [later(4)] }), member()] }),
    );
    expect(mission[0].problem).to.equal('boj:a1');
  });

  it('four weak types with candidates – three problems, one per type (MISSION_SIZE)', () => {
    const four = ['a', 'b', 'c', 'd'].flatMap((category) =>
      Array.from({ length: 2 }, (_, i) => ({
        category,
        problem: `boj:${category}${i}`,
        position: i,
        recommended: false,
      })),
    );
    const readiness = ['a', 'b', 'c', 'd'].map((category, i) => ({ category, weight: 0.25, now: 0.1 * i }));
    const mission = chooseMission(
      input({ entries: four, levels: new Map(four.map((e) => [e.problem, 8])), members: [member({ readiness })] }),
    );
    expect(mission.map((m) => m.category)).to.deep.equal(['a', 'b', 'c']);
  });

  it("the planner's picks – a pick a week or more ahead (PICK_DAYS) – no vote: the mission is the one without it", () => {
    const without = chooseMission(input())[0].problem;
    const other = typeA.find((p) => p !== without) as string;
    const late = { problem: other, category: 'a', dayIndex: 7 };
    expect(chooseMission(input({ members: [member({ picks: [late] }), member(), member()] }))[0].problem).to.equal(
      without,
    );
  });
});
