import { expect } from 'chai';
import { canonicalTypeOf } from '../../src/catalog/typeVocabulary.ts';

// Topic names as LeetCode/NeetCode, AtCoder (Japanese) and Programmers' kit write them → the canonical type key.
const NAMES: [source: string, name: string, key: string][] = [
  ['NeetCode', 'Arrays & Hashing', 'data_structure2'],
  ['LeetCode', 'Array', 'data_structure2'],
  ['NeetCode', 'Hashing', 'data_structure2'],
  ['NeetCode', 'Two Pointers', 'two_pointer'],
  ['NeetCode', 'Sliding Window', 'two_pointer'],
  ['NeetCode', 'Stack', 'data_structure'],
  ['NeetCode', 'Binary Search', 'binary_search'],
  ['NeetCode', 'Linked List', 'linked_list'],
  ['NeetCode', 'Trees', 'tree'],
  ['NeetCode', 'Tries', 'trie'],
  ['NeetCode', 'Heap / Priority Queue', 'data_structure2'],
  ['NeetCode', 'Backtracking', 'backtracking'],
  ['NeetCode', 'Graphs', 'graph_traversal'],
  ['NeetCode', 'Advanced Graphs', 'shortest_path'],
  ['NeetCode', '1-D Dynamic Programming', 'dynamic_programming_1'],
  ['NeetCode', '2-D Dynamic Programming', 'dynamic_programming_2'],
  ['NeetCode', 'Greedy', 'greedy'],
  ['NeetCode', 'Intervals', 'intervals'],
  ['NeetCode', 'Math & Geometry', 'math'],
  ['NeetCode', 'Bit Manipulation', 'bit_manipulation'],
  ['LeetCode', 'Breadth-first Search', 'graph_traversal'],
  ['LeetCode', 'Depth-first Search', 'graph_traversal'],
  ['LeetCode', 'Union Find', 'disjoint_set'],
  ['LeetCode', 'Prefix Sum', 'prefix_sum'],
  ['AtCoder', '全探索', 'brute_force'],
  ['AtCoder', 'bit全探索', 'brute_force'],
  ['AtCoder', '貪欲法', 'greedy'],
  ['AtCoder', '動的計画法', 'dynamic_programming_1'],
  ['AtCoder', '二分探索', 'binary_search'],
  ['AtCoder', '幅優先探索', 'graph_traversal'],
  ['AtCoder', '深さ優先探索', 'graph_traversal'],
  ['AtCoder', '累積和', 'prefix_sum'],
  ['AtCoder', '尺取り法', 'two_pointer'],
  ['AtCoder', '素数', 'math'],
  ['AtCoder', '最短経路', 'shortest_path'],
  ['AtCoder', '木', 'tree'],
  ['AtCoder', 'Union-Find', 'disjoint_set'],
  ['AtCoder', '文字列', 'string'],
  ['Programmers', '해시', 'data_structure2'],
  ['Programmers', '스택/큐', 'data_structure'],
  ['Programmers', '힙(Heap)', 'data_structure2'],
  ['Programmers', '정렬', 'sorting'],
  ['Programmers', '완전탐색', 'brute_force'],
  ['Programmers', '탐욕법(Greedy)', 'greedy'],
  ['Programmers', '동적계획법(Dynamic Programming)', 'dynamic_programming_1'],
  ['Programmers', '깊이/너비 우선 탐색(DFS/BFS)', 'graph_traversal'],
  ['Programmers', '이분탐색', 'binary_search'],
  ['Programmers', '그래프', 'graph_traversal'],
  ['tony9402', '그래프 탐색', 'graph_traversal'],
];

describe('type vocabulary – the topic names lists use', () => {
  for (const [source, name, key] of NAMES) {
    it(`canonicalTypeOf() – ${source} "${name}" – ${key}`, () => expect(canonicalTypeOf([name])?.key).to.equal(key));
  }
  for (const name of ['다시 풀기', 'Week 3', '기타', 'Blind 75']) {
    it(`canonicalTypeOf() – "${name}" – no type (it stays a type of its own, mapped by an admin)`, () =>
      expect(canonicalTypeOf([name])).to.equal(undefined));
  }
});
