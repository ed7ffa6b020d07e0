import { execFileSync } from 'node:child_process';

/** One solve of a generated BaekjoonHub history. */
export interface HubSolve {
  judge: 'boj' | 'programmers';
  id: number;
  title: string;
  /** What the README's heading says in brackets: 'Gold IV', 'Unrated', 'level 2'. */
  tier: string;
  /** The README's path in the repository (U+2005 between id and title, as BaekjoonHub names folders). */
  path: string;
  /** The commit that added the README, ISO with the +09:00 offset. */
  committed: string;
  /** The `### 제출 일자` line, or undefined for an old README written before BaekjoonHub added the section. */
  submitted?: string;
}

const BOJ_TIERS = ['Bronze', 'Silver', 'Gold', 'Platinum', 'Diamond', 'Ruby'];
const ROMAN = ['V', 'IV', 'III', 'II', 'I'];
// Titles as judges write them: fullwidth punctuation, plus signs, spaces, Latin and Hangul.
const WORDS = [
  '두 개의 문',
  'A＋B',
  '스택 수열',
  '정답？',
  'DFS와 BFS',
  '숫자의 표현 － 연습',
  '가장 큰 수，작은 수',
  'LCS 2',
];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A deterministic BaekjoonHub history of `boj` Baekjoon and `programmers` Programmers solves (defaults: the 158 + 85 of
 * a real 243-solve repository). One solve every ~3 days from 2023-02-01, some right before or after KST midnight; every
 * other Baekjoon README and most Programmers ones carry `### 제출 일자` (Baekjoon's as 2026년 1월 6일 15:14:31,
 * Programmers' zero-padded), the rest are old READMEs dated only by their commit, with `구현(implementation)` categories.
 */
export function hubHistory(boj = 158, programmers = 85): HubSolve[] {
  const solves: HubSolve[] = [];
  const start = Date.parse('2023-02-01T10:00:00+09:00');
  for (let i = 0; i < boj + programmers; i++) {
    const isBoj = i % 3 !== 2 ? solves.filter((s) => s.judge === 'boj').length < boj : false;
    const judge: HubSolve['judge'] =
      isBoj || solves.filter((s) => s.judge === 'programmers').length >= programmers ? 'boj' : 'programmers';
    const n = solves.filter((s) => s.judge === judge).length;
    // Near midnight KST every 7th solve: 23:59:40 submitted, committed 30 s later on the next day.
    const minutes = i % 7 === 0 ? 13 * 60 + 59 : (i * 97) % (12 * 60);
    const at = new Date(start + i * 3 * 86_400_000 + minutes * 60_000 + (i % 7 === 0 ? 40_000 : 0));
    const kst = new Date(at.getTime() + 9 * 3_600_000);
    const y = kst.getUTCFullYear();
    const mo = kst.getUTCMonth() + 1;
    const d = kst.getUTCDate();
    const time = `${pad(kst.getUTCHours())}:${pad(kst.getUTCMinutes())}:${pad(kst.getUTCSeconds())}`;
    const committedAt = new Date(at.getTime() + 30_000 + 9 * 3_600_000);
    const committed = `${committedAt.toISOString().slice(0, 19)}+09:00`;
    const title = `${WORDS[i % WORDS.length]} ${n + 1}`;
    if (judge === 'boj') {
      const id = 1000 + n * 37;
      const level = n % 31; // 0 … 30
      const tier = level === 0 ? 'Unrated' : `${BOJ_TIERS[Math.floor((level - 1) / 5)]} ${ROMAN[(level - 1) % 5]}`;
      const folder = level === 0 ? 'Unrated' : BOJ_TIERS[Math.floor((level - 1) / 5)];
      solves.push({
        judge,
        id,
        title,
        tier,
        path: `백준/${folder}/${id}.\u2005${title}/README.md`,
        committed,
        submitted: n % 2 === 0 ? `${y}년 ${mo}월 ${d}일 ${time}` : undefined,
      });
    } else {
      const id = 12900 + n;
      const lv = n % 4;
      solves.push({
        judge,
        id,
        title,
        tier: `level ${lv}`,
        path: `프로그래머스/lv${lv}/${id}.\u2005${title}/README.md`,
        committed,
        submitted: n % 5 === 4 ? undefined : `${y}년 ${pad(mo)}월 ${pad(d)}일 ${time}`,
      });
    }
  }
  return solves;
}

/** The README BaekjoonHub writes for a solve. */
export function hubSolveReadme(s: HubSolve): string {
  const dated = s.submitted === undefined ? '' : `### 제출 일자\n\n${s.submitted}\n\n`;
  if (s.judge === 'programmers')
    return `# [${s.tier}] ${s.title} - ${s.id} \n\n[문제 링크](https://school.programmers.co.kr/learn/courses/30/lessons/${s.id}) \n\n### 성능 요약\n\n메모리: 10.2 MB, 시간: 0.01 ms\n\n### 구분\n\n코딩테스트 연습 > 연습문제\n\n### 채점결과\n\n정확성: 100.0<br/>합계: 100.0 / 100.0\n\n${dated}### 문제 설명\n\n<p>…</p>\n`;
  const categories = s.submitted === undefined ? '구현(implementation), 수학(math)' : '브루트포스 알고리즘, 비트마스킹';
  return `# [${s.tier}] ${s.title} - ${s.id}\n\n[문제 링크](https://www.acmicpc.net/problem/${s.id})\n\n### 성능 요약\n\n메모리: 2160 KB, 시간: 116 ms\n\n### 분류\n\n${categories}\n\n${dated}### 문제 설명\n\n<p>…</p>\n`;
}

/**
 * Writes `solves` into the git work tree `dir` (already `git init`-ed on branch main, empty) as one commit per solve,
 * dated as the solve says, with one `git fast-import` (hundreds of commits in well under a second), then checks it out.
 */
export function commitHubHistory(dir: string, solves: HubSolve[]): void {
  const chunks: Buffer[] = [];
  const data = (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    chunks.push(Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n'));
  };
  solves.forEach((s, i) => {
    const epoch = Math.floor(Date.parse(s.committed) / 1000);
    chunks.push(Buffer.from(`commit refs/heads/main\nmark :${i + 1}\n`));
    chunks.push(
      Buffer.from(`author hub <hub@example.com> ${epoch} +0900\ncommitter hub <hub@example.com> ${epoch} +0900\n`),
    );
    data(`[${s.tier}] Title: ${s.title}, Time: 116 ms, Memory: 2160 KB -BaekjoonHub`);
    if (i > 0) chunks.push(Buffer.from(`from :${i}\n`));
    chunks.push(Buffer.from(`M 100644 inline ${s.path}\n`));
    data(hubSolveReadme(s));
  });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: Buffer.concat(chunks) });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir });
}
