import crypto from 'node:crypto';
import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { AppError } from '../errors.ts';
import { isPrivateAddress } from '../net/publicAddress.ts';

/** What every git child process sees: no user or system config, plain C messages, nothing else of ours. */
export const GIT_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? '/tmp',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  LANG: 'C',
  LC_ALL: 'C',
};

/** A clone or a fetch must finish within this. */
export const GIT_TIMEOUT_MS = 120_000;
/** A clone larger than this on disk is stopped while it transfers, and removed (a solutions repository is a few MB). */
export const MAX_REPO_BYTES = 300 * 1024 * 1024;
export const MAX_REPO_URL = 500;
/** How often the size of a transfer in progress is measured. */
const SIZE_POLL_MS = 200;

/**
 * A repository URL a learner may give: http(s) only (no file://, ssh, local paths), printable ASCII without `\`,
 * `@` (user info), a query or a fragment, so that the WHATWG parser, git and curl all read the same host; no
 * loopback or private IP literal unless `allowPrivate`. Returns the normalised `url.href` (what is stored and what
 * git is given); an AppError 422 naming what is wrong otherwise. Host names are resolved and checked when the sync runs.
 */
export function checkRepoUrl(raw: string, allowPrivate: boolean): string {
  const value = raw.trim();
  const shown = JSON.stringify(value.slice(0, 100));
  const refuse = (why: string): never => {
    throw new AppError('sync.bad_repo_url', `${shown} is not a public http(s) repository URL: ${why}`, 422, {
      url: value.slice(0, 100),
      why,
    });
  };
  if (value.length > MAX_REPO_URL) refuse(`longer than ${MAX_REPO_URL} characters`);
  const odd = [...value].find((c) => c < '!' || c > '~');
  if (odd !== undefined)
    refuse(
      `it holds ${odd === '\0' ? 'a NUL character' : `the character U+${odd.codePointAt(0)!.toString(16).padStart(4, '0')}`}`,
    );
  if (value.includes('\\')) refuse('it holds a backslash (\\), which git and browsers read differently');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse('not a URL (write https://github.com/you/repo)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    refuse(`${url.protocol.replace(':', '')} is not http or https`);
  if (value.includes('@') || url.username || url.password) refuse('it holds a user name or password (@)');
  if (url.search || url.hash || /[?#]/.test(value)) refuse('it holds a query (?) or a fragment (#)');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && ((net.isIP(host) && isPrivateAddress(host)) || /^localhost$|\.localhost$/i.test(host)))
    refuse('a private or local address');
  return url.href;
}

/** Where the bare clone of `url` lives: <dataDir>/repos/<hash of the URL>.git. */
export function cloneDir(dataDir: string, url: string): string {
  return `${legacyCloneDir(dataDir, url)}.git`;
}

// Clones before the bare layout were work trees here; they are removed on the next sync.
function legacyCloneDir(dataDir: string, url: string): string {
  return path.join(dataDir, 'repos', crypto.createHash('sha256').update(url).digest('hex').slice(0, 24));
}

export interface RepoOptions {
  dataDir: string;
  allowPrivate: boolean;
  timeoutMs?: number;
  maxBytes?: number;
}

/** A bare clone and the commit the sync reads. */
export interface Clone {
  dir: string;
  commit: string;
}

/**
 * The one error for "that address cannot be read": a private address, a name that does not resolve, a closed port,
 * a server that is not git and a repository that does not exist read the same, so the sync is no port scanner.
 */
export function unreachable(url: string): AppError {
  return new AppError(
    'sync.git_unreachable',
    `${url} cannot be read: it is not a public git repository cote can reach`,
    422,
    { url },
  );
}

/**
 * Clones `url` once into the data directory as a bare repository (no checkout: nothing is written but git's
 * compressed objects) and fetches it after, with the git CLI: no credentials asked or used, http(s) only (also for
 * redirects, which are not followed without `allowPrivate`), no hooks, a time limit, the host resolved once, checked
 * and pinned (curl connects to the checked address), and a size limit enforced while git transfers (the transfer is
 * killed when the folder grows past it). A first clone goes to a temporary folder renamed when complete, so a failed
 * clone leaves nothing; a failed fetch keeps the previous clone.
 */
export async function cloneOrFetch(stored: string, options: RepoOptions): Promise<Clone> {
  const { timeoutMs = GIT_TIMEOUT_MS, maxBytes = MAX_REPO_BYTES } = options;
  // A URL saved by an older cote is checked again; git is only ever given the normalised href that was checked.
  const url = checkRepoUrl(stored, options.allowPrivate);
  const pin = await pinnedAddress(url, options.allowPrivate);
  const dir = cloneDir(options.dataDir, stored);
  fs.rmSync(legacyCloneDir(options.dataDir, stored), { recursive: true, force: true });
  const run = (args: string[], cwd: string | undefined, watch?: string) =>
    git(url, args, { cwd, timeoutMs, allowPrivate: options.allowPrivate, pin, watch, maxBytes });
  if (fs.existsSync(path.join(dir, 'HEAD'))) {
    try {
      await run(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', url, '+HEAD:refs/cote/synced'], dir, dir);
    } catch (error) {
      if ((error as AppError).code === 'sync.git_too_large') fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    return { dir, commit: (await run(['rev-parse', '--verify', 'refs/cote/synced^{commit}'], dir)).trim() };
  }
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
  const temp = `${dir}.tmp-${crypto.randomBytes(4).toString('hex')}`;
  try {
    await run(
      ['clone', '--quiet', '--bare', '--no-tags', '--single-branch', '--template=', url, temp],
      undefined,
      temp,
    );
    const commit = (await run(['rev-parse', '--verify', 'HEAD^{commit}'], temp)).trim();
    await run(['update-ref', 'refs/cote/synced', commit], temp);
    fs.renameSync(temp, dir);
    return { dir, commit };
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/** host:port:address for curl's resolver, the address checked once; undefined for an IP literal or `allowPrivate`. */
async function pinnedAddress(url: string, allowPrivate: boolean): Promise<string | undefined> {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) {
    if (!allowPrivate && isPrivateAddress(host)) throw unreachable(url);
    return undefined;
  }
  let addresses: { address: string; family: number }[];
  try {
    addresses = await dns.promises.lookup(host, { all: true });
  } catch {
    throw unreachable(url);
  }
  if (addresses.length === 0 || (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address))))
    throw unreachable(url);
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  const first = addresses[0];
  return `${parsed.hostname}:${port}:${first.family === 6 ? `[${first.address}]` : first.address}`;
}

/** Bytes of the files under `dir` (0 when it does not exist yet). */
export function sizeOf(dir: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += sizeOf(full);
    else if (entry.isFile()) total += fs.statSync(full, { throwIfNoEntry: false })?.size ?? 0;
  }
  return total;
}

interface GitRun {
  cwd?: string;
  timeoutMs: number;
  allowPrivate: boolean;
  /** host:port:address curl must connect to (the address checked before). */
  pin?: string;
  /** A folder whose size may not pass `maxBytes` while git runs (git is killed at once when it does). */
  watch?: string;
  maxBytes: number;
}

function git(url: string, args: string[], o: GitRun): Promise<string> {
  const safety = [
    '-c',
    'credential.helper=',
    '-c',
    'core.hooksPath=/dev/null',
    '-c',
    'core.fsmonitor=false',
    '-c',
    'protocol.allow=never',
    '-c',
    'protocol.http.allow=always',
    '-c',
    'protocol.https.allow=always',
    '-c',
    'http.lowSpeedLimit=1000',
    '-c',
    'http.lowSpeedTime=30',
    '-c',
    'core.quotepath=false',
    // Objects are kept as sent (no loose copies of a huge blob), and no proxy resolves the name elsewhere.
    '-c',
    'fetch.unpackLimit=1',
    '-c',
    'transfer.unpackLimit=1',
    '-c',
    'http.proxy=',
    '-c',
    'core.bigFileThreshold=1m',
    ...(o.pin ? ['-c', `http.curloptResolve=${o.pin}`] : []),
    // A redirect could lead to a private address the check above never saw.
    ...(o.allowPrivate ? [] : ['-c', 'http.followRedirects=false']),
  ];
  const env = { ...GIT_ENV, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true', SSH_ASKPASS: 'true' };
  return new Promise((resolve, reject) => {
    let tooLarge = false;
    const child = execFile(
      'git',
      [...safety, ...args],
      { cwd: o.cwd, env, timeout: o.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout) => {
        clearInterval(watcher);
        if (tooLarge || (!error && o.watch && sizeOf(o.watch) > o.maxBytes)) {
          const megabytes = Math.round(o.maxBytes / 1024 / 1024);
          return reject(
            new AppError('sync.git_too_large', `${url} is larger than ${megabytes} MB: not kept`, 413, {
              url,
              megabytes,
            }),
          );
        }
        if (!error) return resolve(stdout);
        reject(gitError(url, error, o.timeoutMs));
      },
    );
    lowerPriority(child.pid);
    const watcher = setInterval(() => {
      if (o.watch && !tooLarge && sizeOf(o.watch) > o.maxBytes) {
        tooLarge = true;
        child.kill('SIGKILL');
      }
    }, SIZE_POLL_MS);
  });
}

/** Git's transfers and checks are background work: below the server's own requests (best effort). */
export function lowerPriority(pid: number | undefined): void {
  try {
    if (pid) os.setPriority(pid, 10);
  } catch {
    // Not allowed, or the process already ended.
  }
}

/** A timeout and a missing git say so; everything else about the address reads the same (see `unreachable`). */
function gitError(url: string, error: Error & { killed?: boolean; code?: unknown }, timeoutMs: number): AppError {
  if (error.killed)
    return new AppError('sync.git_timeout', `git did not finish with ${url} within ${timeoutMs / 1000} s`, 504, {
      url,
      seconds: timeoutMs / 1000,
    });
  if (error.code === 'ENOENT')
    return new AppError('sync.git_missing', 'git is not installed on the server (apt-get install git)', 500);
  return unreachable(url);
}
