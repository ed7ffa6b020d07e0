/**
 * The one vocabulary of algorithm types that readiness, weights and profiles count. Lists name their types in their
 * own words ("깊이/너비 우선 탐색(DFS/BFS)", "Graphs", tony9402's `graph_traversal`); each name is matched here, after
 * normalising (case, spaces, punctuation, emoji, numbering), to one canonical key. The keys are tony9402/baekjoon's
 * 23 type keys (so its list and the exam profiles keep their keys) plus a few types other lists use.
 */
export interface CanonicalType {
  key: string;
  nameEn: string;
  nameKo: string;
  /** Other names lists use, in any language (compared normalised). */
  aliases: string[];
}

export const TYPE_VOCABULARY: CanonicalType[] = [
  {
    key: 'data_structure',
    nameEn: 'Data Structure',
    nameKo: '자료구조',
    aliases: [
      'Data Structures',
      'Data Structure 1',
      '자료구조 1',
      'Stack',
      'Stacks',
      'Queue',
      'Queues',
      'Deque',
      '스택',
      '큐',
      '덱',
      '스택/큐',
      'Stack/Queue',
      'Stack & Queue',
      'Stacks & Queues',
      'Monotonic Stack',
      'Stack / Queue',
      'スタック',
      'キュー',
      'スタックとキュー',
    ],
  },
  {
    key: 'data_structure2',
    nameEn: 'Data Structure 2',
    nameKo: '자료구조 2',
    aliases: [
      'Hash',
      'Hashing',
      'Hash Table',
      'Hash Map',
      'HashMap',
      'Map',
      'Set',
      '해시',
      '해싱',
      '해시맵',
      'Heap',
      'Heaps',
      '힙',
      'Priority Queue',
      '우선순위 큐',
      'Heap / Priority Queue',
      'Arrays & Hashing',
      'Arrays and Hashing',
      'Array',
      'Arrays',
      '배열',
      '配列',
      'ハッシュ',
      '連想配列',
      '優先度付きキュー',
      'ヒープ',
    ],
  },
  {
    key: 'tree',
    nameEn: 'Tree',
    nameKo: '트리',
    aliases: [
      'Trees',
      'Binary Tree',
      'Binary Trees',
      '이진 트리',
      'Binary Search Tree',
      '이진 탐색 트리',
      '木',
      '木構造',
      '二分木',
    ],
  },
  {
    key: 'math',
    nameEn: 'Math',
    nameKo: '수학',
    aliases: [
      'Mathematics',
      'Math & Geometry',
      'Math and Geometry',
      'Number Theory',
      '정수론',
      'Geometry',
      '기하학',
      '기하',
      '数学',
      '整数論',
      '幾何',
      '素数',
      'Prime',
      'Primes',
      'Prime Numbers',
      '소수',
    ],
  },
  {
    key: 'greedy',
    nameEn: 'Greedy',
    nameKo: '탐욕법',
    aliases: ['그리디', '탐욕 알고리즘', 'Greedy Algorithm', 'Greedy Algorithms', '貪欲法', '貪欲'],
  },
  {
    key: 'dynamic_programming_1',
    nameEn: 'Dynamic Programming 1',
    nameKo: '동적계획법 1',
    aliases: [
      'Dynamic Programming',
      'DP',
      '동적계획법',
      '동적 계획법',
      '다이나믹 프로그래밍',
      '1-D Dynamic Programming',
      '1D Dynamic Programming',
      '1-D DP',
      '1D DP',
      '動的計画法',
      'メモ化再帰',
      'Memoization',
    ],
  },
  {
    key: 'dynamic_programming_2',
    nameEn: 'Dynamic Programming 2',
    nameKo: '동적계획법 2',
    aliases: ['2-D Dynamic Programming', '2D Dynamic Programming', '2-D DP', '2D DP', 'Multidimensional DP'],
  },
  {
    key: 'two_pointer',
    nameEn: 'Two Pointer',
    nameKo: '투 포인터',
    aliases: ['Two Pointers', '투포인터', 'Sliding Window', '슬라이딩 윈도우', '尺取り法', 'しゃくとり法', '尺取り'],
  },
  { key: 'implementation', nameEn: 'Implementation', nameKo: '구현', aliases: ['Implement', '実装'] },
  {
    key: 'graph_traversal',
    nameEn: 'Graph Traversal',
    nameKo: '그래프 탐색',
    aliases: [
      'Graph',
      'Graphs',
      '그래프',
      'Graph Search',
      'DFS',
      'BFS',
      'DFS/BFS',
      'BFS/DFS',
      'DFS & BFS',
      'DFS and BFS',
      '깊이/너비 우선 탐색',
      '깊이/너비 우선 탐색(DFS/BFS)',
      '깊이 우선 탐색',
      '너비 우선 탐색',
      'Breadth-first Search',
      'Depth-first Search',
      'Breadth First Search',
      'Depth First Search',
      'Graph Theory',
      '그래프 이론',
      '幅優先探索',
      '深さ優先探索',
      'グラフ',
      'グラフ探索',
      'BFS・DFS',
    ],
  },
  {
    key: 'brute_force',
    nameEn: 'Brute Force',
    nameKo: '완전탐색',
    aliases: [
      '완전 탐색',
      '브루트포스',
      '브루트 포스',
      'Exhaustive Search',
      'Bruteforce',
      'Brute-force',
      '全探索',
      'bit全探索',
      'ビット全探索',
    ],
  },
  { key: 'simulation', nameEn: 'Simulation', nameKo: '시뮬레이션', aliases: ['シミュレーション'] },
  {
    key: 'binary_search',
    nameEn: 'Binary Search',
    nameKo: '이분탐색',
    aliases: ['이분 탐색', '이진 탐색', '이진탐색', 'Parametric Search', '매개변수 탐색', '二分探索', '二分法'],
  },
  { key: 'backtracking', nameEn: 'Backtracking', nameKo: '백트래킹', aliases: ['Back Tracking', 'バックトラック'] },
  {
    key: 'divide_and_conquer',
    nameEn: 'Divide and Conquer',
    nameKo: '분할정복',
    aliases: ['분할 정복', 'Divide & Conquer'],
  },
  {
    key: 'prefix_sum',
    nameEn: 'Prefix Sum',
    nameKo: '누적 합',
    aliases: ['Prefix Sums', '누적합', '구간 합', '구간합', '累積和', 'いもす法', 'imos法'],
  },
  { key: 'string', nameEn: 'String', nameKo: '문자열', aliases: ['Strings', '文字列'] },
  {
    key: 'shortest_path',
    nameEn: 'Shortest Path',
    nameKo: '최단거리',
    aliases: [
      'Shortest Paths',
      '최단 경로',
      '최단경로',
      '최단 거리',
      'Dijkstra',
      '다익스트라',
      'Floyd-Warshall',
      'Advanced Graphs',
      '最短経路',
      '最短経路問題',
      'ダイクストラ法',
    ],
  },
  {
    key: 'topological_sorting',
    nameEn: 'Topological Sorting',
    nameKo: '위상정렬',
    aliases: ['Topological Sort', '위상 정렬'],
  },
  {
    key: 'disjoint_set',
    nameEn: 'Disjoint Set',
    nameKo: '분리 집합',
    aliases: ['Union Find', 'Union-Find', 'UnionFind', 'DSU', 'Disjoint Set Union', '유니온 파인드', '서로소 집합'],
  },
  {
    key: 'minimum_spanning_tree',
    nameEn: 'Minimum Spanning Tree',
    nameKo: '최소 스패닝 트리',
    aliases: ['Minimum Spanning Tree(MST)', 'MST', '최소 신장 트리'],
  },
  { key: 'trie', nameEn: 'Trie', nameKo: '트라이', aliases: ['Tries'] },
  {
    key: 'dynamic_programming_on_trees',
    nameEn: 'Dynamic Programming On Trees',
    nameKo: '트리디피',
    aliases: ['Tree DP', '트리 DP', '트리 동적계획법'],
  },
  // Types other lists use that tony9402/baekjoon has no page for.
  { key: 'sorting', nameEn: 'Sorting', nameKo: '정렬', aliases: ['Sort', 'ソート'] },
  {
    key: 'linked_list',
    nameEn: 'Linked List',
    nameKo: '연결 리스트',
    aliases: ['Linked Lists', '링크드 리스트', '連結リスト'],
  },
  { key: 'intervals', nameEn: 'Intervals', nameKo: '구간', aliases: ['Interval'] },
  {
    key: 'bit_manipulation',
    nameEn: 'Bit Manipulation',
    nameKo: '비트마스킹',
    aliases: ['Bitmask', 'Bitmasking', '비트마스크', '비트 마스킹', '비트 연산', 'ビット演算'],
  },
];

const BY_KEY = new Map(TYPE_VOCABULARY.map((t) => [t.key, t]));
const BY_NAME = new Map<string, CanonicalType>();
for (const type of TYPE_VOCABULARY) {
  for (const name of [type.key, type.nameEn, type.nameKo, ...type.aliases]) BY_NAME.set(normaliseTypeName(name), type);
}

/**
 * A type name reduced to what tells types apart: NFKC, lower case, without emoji, markdown, HTML, leading numbering
 * ('1.', '03 -', 'Week 2:'), spaces and punctuation. "깊이 / 너비 우선 탐색(DFS/BFS)" → "깊이너비우선탐색dfsbfs".
 */
export function normaliseTypeName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/<sup>.*?<\/sup>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:week\s*\d+\s*[:.-]?|\d+\s*[.):-]?)\s+/, '')
    .replace(/[\p{P}\p{S}\s_]+/gu, '');
}

export function canonicalTypeByKey(key: string): CanonicalType | undefined {
  return BY_KEY.get(key);
}

/**
 * The canonical type one of `names` means ('Graphs', '그래프 탐색', 'graph_traversal'), trying each name whole, then
 * its text outside and inside parentheses; undefined when none matches. `mapped` holds an admin's own mappings
 * (normalised name → key), which win.
 */
export function canonicalTypeOf(names: string[], mapped: Map<string, string> = new Map()): CanonicalType | undefined {
  for (const name of names) {
    const candidates = [name, name.replace(/\([^)]*\)/g, ''), ...[...name.matchAll(/\(([^)]*)\)/g)].map((m) => m[1])];
    for (const candidate of candidates) {
      const normal = normaliseTypeName(candidate);
      if (normal === '') continue;
      const key = mapped.get(normal);
      if (key) return BY_KEY.get(key) ?? { key, nameEn: name, nameKo: name, aliases: [] };
      const type = BY_NAME.get(normal);
      if (type) return type;
    }
  }
  return undefined;
}
