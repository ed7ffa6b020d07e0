import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { AppError } from '../../errors.ts';
import { decodeUtf8 } from '../../text/utf8.ts';

/** A README found in a BaekjoonHub repository; `path` is relative to the repository directory, NFC. */
export interface HubFile {
  path: string;
  judge: 'boj' | 'programmers';
  /** The README's text (UTF-8, without a BOM); '' when `error` says why it cannot be read. */
  text: string;
  /** Set when the file is not UTF-8 text: it is reported, never parsed (no mojibake titles). */
  error?: string;
}

const JUDGE_FOLDERS: Record<string, 'boj' | 'programmers'> = { 백준: 'boj', 프로그래머스: 'programmers' };
const MAX_DEPTH = 4;

/** Every README.md under the 백준/ and 프로그래머스/ folders of `dir`; an AppError when there are none. */
export function hubReadmes(dir: string): HubFile[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new AppError('progress.not_a_directory', `${dir} is not a directory`, 422, { value: dir });
  const files: HubFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    // Folder names may be NFD (cloned on macOS): compare them normalised.
    const judge = JUDGE_FOLDERS[entry.name.normalize('NFC')];
    if (judge && entry.isDirectory()) collect(dir, entry.name, judge, 1, files);
  }
  if (files.length === 0)
    throw new AppError(
      'progress.not_baekjoonhub',
      `${dir} is not a BaekjoonHub repository: no 백준/ or 프로그래머스/ folder with README.md files`,
      422,
      { value: dir },
    );
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

function collect(root: string, rel: string, judge: 'boj' | 'programmers', depth: number, out: HubFile[]): void {
  for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const child = path.join(rel, entry.name);
    if (entry.isDirectory() && depth < MAX_DEPTH) collect(root, child, judge, depth + 1, out);
    else if (entry.isFile() && entry.name === 'README.md' && depth >= 2)
      out.push(readHubFile(path.join(root, child), child.normalize('NFC'), judge));
  }
}

function readHubFile(file: string, rel: string, judge: 'boj' | 'programmers'): HubFile {
  const decoded = decodeUtf8(fs.readFileSync(file));
  if ('text' in decoded) return { path: rel, judge, text: decoded.text };
  return { path: rel, judge, text: '', error: `not UTF-8 text (line ${decoded.badLine}); save it as UTF-8` };
}

/**
 * When each file was first added, from one `git log --diff-filter=A` over the repository (run without a shell):
 * path (relative to `dir`, NFC) → author date of the oldest commit that added it. Undefined when `dir` is not
 * inside a git work tree or git is not installed.
 */
export async function gitAddedDates(dir: string): Promise<Map<string, Date> | undefined> {
  let out: string;
  try {
    out = await git(dir, ['log', '--diff-filter=A', '--name-only', '--relative', '--format=%x01%aI', '-z', '--', '.']);
  } catch {
    return undefined;
  }
  const added = new Map<string, Date>();
  let date: Date | undefined;
  // Newest commit first: a later (older) commit that added the same path overwrites, so the first addition wins.
  for (const token of out.split('\0')) {
    if (token.startsWith('\x01')) date = new Date(token.slice(1));
    else if (token.trim() && date) added.set(token.replace(/^\n/, '').normalize('NFC'), date);
  }
  return added;
}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.quotepath=false', ...args],
      { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}
