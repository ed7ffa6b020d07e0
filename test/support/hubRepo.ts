import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

/** A BaekjoonHub README as the extension wrote it; `submitted` is the 제출 일자 line, left out when undefined. */
export function hubReadme(
  tier: string,
  title: string,
  id: number,
  submitted?: string,
  judge: 'boj' | 'programmers' = 'boj',
): string {
  const link =
    judge === 'boj'
      ? `https://www.acmicpc.net/problem/${id}`
      : `https://school.programmers.co.kr/learn/courses/30/lessons/${id}`;
  const dated = submitted === undefined ? '' : `\n### 제출 일자\n\n${submitted}\n`;
  return `# [${tier}] ${title} - ${id}\n\n[문제 링크](${link})\n\n### 성능 요약\n\n메모리: 2160 KB, 시간: 116 ms\n\n### 분류\n\n그래프 이론\n${dated}`;
}

/**
 * A BaekjoonHub-shaped git repository made with the git CLI (one commit per solve, dated as given), and a bare copy
 * prepared for git's "dumb HTTP" (`git update-server-info`), so a static file server serves it as a real remote.
 */
export class HubRepo {
  readonly work: string;
  readonly bare: string;
  private readonly root: string;

  constructor() {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-hubrepo-'));
    this.work = path.join(this.root, 'work');
    this.bare = path.join(this.root, 'served', 'hub.git');
    fs.mkdirSync(this.work);
    this.git(['init', '-q', '-b', 'main']);
  }

  /** The directory a static server should serve: `<url>/hub.git` is then the repository. */
  get servedRoot(): string {
    return path.dirname(this.bare);
  }

  /** Adds (or changes) a file and commits it at `date` (ISO with offset). */
  commit(file: string, text: string, date: string, message = '-BaekjoonHub'): this {
    const full = path.join(this.work, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    this.git(['add', '--', file], date);
    this.git(['commit', '-q', '-m', message], date);
    return this;
  }

  /** Publishes the commits so far to the bare repository and refreshes its dumb-HTTP index. */
  publish(): this {
    if (!fs.existsSync(this.bare)) {
      fs.mkdirSync(path.dirname(this.bare), { recursive: true });
      execFileSync('git', ['clone', '-q', '--bare', this.work, this.bare]);
    } else {
      this.git(['push', '-q', this.bare, 'main']);
    }
    execFileSync('git', ['update-server-info'], { cwd: this.bare });
    return this;
  }

  cleanup(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  private git(args: string[], date = '2026-01-01T12:00:00+09:00'): void {
    execFileSync(
      'git',
      ['-c', 'user.name=hub', '-c', 'user.email=hub@example.com', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: this.work,
        env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      },
    );
  }
}
