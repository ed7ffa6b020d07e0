import { execFile, spawn } from 'node:child_process';
import { AppError } from '../errors.ts';
import { GIT_ENV, lowerPriority } from './gitRepo.ts';

// Reading a bare clone without a work tree: the README blobs are listed with their sizes (`git ls-tree -l`) and only
// those under the caps are read (`git cat-file --batch`, streamed), so no file is ever checked out and no huge blob
// is ever read into memory.

/** A README larger than this is not read (a BaekjoonHub README is a few KB, with the problem text ~20 KB). */
export const MAX_README_BYTES = 256 * 1024;
/** A README with more lines than this is not parsed. */
export const MAX_README_LINES = 2_000;
/** A repository with more READMEs than this is refused before any is read. */
export const MAX_READMES = 10_000;
/** All the READMEs read in one sync together. */
export const MAX_README_TOTAL_BYTES = 64 * 1024 * 1024;

const JUDGE_FOLDERS: Record<string, 'boj' | 'programmers'> = { 백준: 'boj', 프로그래머스: 'programmers' };

/** A README blob in the tree; `path` is NFC. */
export interface ReadmeEntry {
  path: string;
  judge: 'boj' | 'programmers';
  oid: string;
  size: number;
}

function git(dir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      ['-c', 'core.quotepath=false', ...args],
      { cwd: dir, env: GIT_ENV, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    lowerPriority(child.pid);
  });
}

/**
 * The README.md blobs under 백준/ and 프로그래머스/ (1 to 3 folders deep below them, as BaekjoonHub writes them;
 * symlinks and submodules are not files and are left out), in path order.
 */
export async function listReadmes(dir: string, commit: string): Promise<ReadmeEntry[]> {
  const out = await git(dir, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit]);
  const entries: ReadmeEntry[] = [];
  for (const line of out.split('\0')) {
    // <mode> SP <type> SP <oid> SP+ <size> TAB <path>
    const m = /^(100644|100755) blob ([0-9a-f]+) +(\d+)\t(.+)$/s.exec(line);
    if (!m) continue;
    const path = m[4].normalize('NFC');
    const parts = path.split('/');
    const judge = JUDGE_FOLDERS[parts[0]];
    if (!judge || parts.at(-1) !== 'README.md' || parts.length < 3 || parts.length > 5) continue;
    entries.push({ path, judge, oid: m[2], size: Number(m[3]) });
  }
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}

/** Refuses a repository whose READMEs are more than MAX_READMES (nothing is read then). */
export function checkReadmeCount(url: string, entries: ReadmeEntry[]): void {
  if (entries.length > MAX_READMES)
    throw new AppError(
      'sync.too_many_records',
      `${url} holds ${entries.length} READMEs: cote reads at most ${MAX_READMES} per repository`,
      422,
      { source: url, count: entries.length, max: MAX_READMES },
    );
}

/**
 * Reads the blobs of `entries` with one `git cat-file --batch`, handing each to `each` as it arrives (bytes), or the
 * reason it is not read: larger than MAX_README_BYTES, or past MAX_README_TOTAL_BYTES for the whole sync.
 */
export async function readReadmes(
  dir: string,
  entries: ReadmeEntry[],
  each: (entry: ReadmeEntry, read: Buffer | { error: string }) => void,
): Promise<void> {
  let budget = MAX_README_TOTAL_BYTES;
  const wanted: ReadmeEntry[] = [];
  for (const entry of entries) {
    if (entry.size > MAX_README_BYTES) each(entry, { error: `larger than ${MAX_README_BYTES / 1024} KB: not read` });
    else if (entry.size > budget)
      each(entry, { error: `past the ${MAX_README_TOTAL_BYTES / 1024 / 1024} MB read per sync: not read` });
    else {
      budget -= entry.size;
      wanted.push(entry);
    }
  }
  if (wanted.length === 0) return;
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: dir, env: GIT_ENV, stdio: ['pipe', 'pipe', 'ignore'] });
    lowerPriority(child.pid);
    let pending: Buffer = Buffer.alloc(0);
    let next = 0;
    let failed: Error | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (;;) {
        const eol = pending.indexOf(10);
        if (eol < 0) return;
        const header = pending.subarray(0, eol).toString('latin1');
        const m = /^[0-9a-f]+ blob (\d+)$/.exec(header);
        const entry = wanted[next];
        if (!m || !entry || Number(m[1]) > MAX_README_BYTES) {
          failed = new Error(`git cat-file answered ${header.slice(0, 80)}`);
          child.kill('SIGKILL');
          return;
        }
        const size = Number(m[1]);
        if (pending.length < eol + 1 + size + 1) return;
        each(entry, Buffer.from(pending.subarray(eol + 1, eol + 1 + size)));
        pending = pending.subarray(eol + 1 + size + 1);
        next++;
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (failed) reject(failed);
      else if (next < wanted.length) reject(new Error(`git cat-file stopped after ${next} blobs (exit ${code})`));
      else resolve();
    });
    child.stdin.on('error', () => {});
    child.stdin.end(`${wanted.map((e) => e.oid).join('\n')}\n`);
  });
}

/** Does `bytes` hold more than MAX_README_LINES lines? (Counted without decoding.) */
export function tooManyLines(bytes: Buffer): boolean {
  let lines = 1;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) if (++lines > MAX_README_LINES) return true;
  return false;
}

/**
 * When each README was first added, from one `git log --diff-filter=A` over `commit`: path (NFC) → author date of the
 * oldest commit that added it.
 */
export async function readmeAddedDates(dir: string, commit: string): Promise<Map<string, Date>> {
  const out = await git(dir, [
    'log',
    '--diff-filter=A',
    '--name-only',
    '--format=%x01%aI',
    '-z',
    commit,
    '--',
    '*README.md',
  ]);
  const added = new Map<string, Date>();
  let date: Date | undefined;
  // Newest commit first: a later (older) commit that added the same path overwrites, so the first addition wins.
  for (const token of out.split('\0')) {
    if (token.startsWith('\x01')) date = new Date(token.slice(1));
    else if (token.trim() && date) added.set(token.replace(/^\n/, '').normalize('NFC'), date);
  }
  return added;
}
