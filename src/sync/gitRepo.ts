import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { AppError } from '../errors.ts';
import { checkPublicHost, isPrivateAddress } from '../catalog/publicAddress.ts';

/** A clone or a fetch must finish within this. */
export const GIT_TIMEOUT_MS = 120_000;
/** A clone larger than this is removed and refused (a solutions repository is a few MB). */
export const MAX_REPO_BYTES = 300 * 1024 * 1024;
export const MAX_REPO_URL = 500;

/**
 * A repository URL a learner may give: http(s) only (no file://, ssh, local paths), no user or password in it, no
 * loopback or private IP literal unless `allowPrivate`. Returns the URL as written (trimmed); an AppError 422 naming
 * what is wrong otherwise. Host names are resolved and checked again when the sync runs.
 */
export function checkRepoUrl(raw: string, allowPrivate: boolean): string {
  const value = raw.trim();
  const refuse = (why: string): never => {
    throw new AppError(
      'sync.bad_repo_url',
      `${JSON.stringify(value.slice(0, 100))} is not a public http(s) repository URL: ${why}`,
      422,
      { url: value.slice(0, 100), why },
    );
  };
  if (value.length > MAX_REPO_URL) refuse(`longer than ${MAX_REPO_URL} characters`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse('not a URL (write https://github.com/you/repo)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    refuse(`${url.protocol.replace(':', '')} is not http or https`);
  if (url.username || url.password) refuse('it holds a user name or password');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && ((net.isIP(host) && isPrivateAddress(host)) || /^localhost$|\.localhost$/i.test(host)))
    refuse('a private or local address');
  return value;
}

/** Where the clone of `url` lives: <dataDir>/repos/<hash of the URL>. */
export function cloneDir(dataDir: string, url: string): string {
  return path.join(dataDir, 'repos', crypto.createHash('sha256').update(url).digest('hex').slice(0, 24));
}

export interface RepoOptions {
  dataDir: string;
  allowPrivate: boolean;
  timeoutMs?: number;
  maxBytes?: number;
}

/**
 * Clones `url` once into the data directory and fetches it after, with the git CLI: no credentials asked or used
 * (GIT_TERMINAL_PROMPT=0, no global config or helpers), http(s) only (also for submodules and redirects), no hooks,
 * a time limit, and a size limit checked after each transfer. A first clone goes to a temporary folder renamed when
 * complete, so a failed clone leaves nothing; a failed fetch keeps the previous clone. Returns the work tree.
 */
export async function cloneOrFetch(url: string, options: RepoOptions): Promise<string> {
  const { timeoutMs = GIT_TIMEOUT_MS, maxBytes = MAX_REPO_BYTES } = options;
  if (!options.allowPrivate) {
    try {
      await checkPublicHost(new URL(url));
    } catch (error) {
      if ((error as { code?: string }).code === 'EPRIVATEADDRESS') {
        throw new AppError(
          'sync.git_private',
          `${url} points at a private or local address: refused (an admin can allow it with COTE_ALLOW_PRIVATE_SOURCES=true)`,
          422,
          { url },
        );
      }
      throw new AppError(
        'sync.git_unreachable',
        `cannot reach ${url} (${(error as { code?: string }).code ?? 'lookup failed'})`,
        502,
        { url, reason: String((error as { code?: string }).code ?? '') },
      );
    }
  }
  const dir = cloneDir(options.dataDir, url);
  const run = (args: string[], cwd?: string) => git(url, args, { cwd, timeoutMs, allowPrivate: options.allowPrivate });
  if (fs.existsSync(path.join(dir, '.git'))) {
    await run(['fetch', '--quiet', '--no-tags', 'origin', 'HEAD'], dir);
    await run(['reset', '--quiet', '--hard', 'FETCH_HEAD'], dir);
    checkSize(url, dir, maxBytes, false);
    return dir;
  }
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
  const temp = `${dir}.tmp-${crypto.randomBytes(4).toString('hex')}`;
  try {
    await run(['clone', '--quiet', '--no-tags', '--single-branch', '--template=', url, temp]);
    checkSize(url, temp, maxBytes, true);
    fs.renameSync(temp, dir);
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  return dir;
}

function checkSize(url: string, dir: string, maxBytes: number, isNew: boolean): void {
  const bytes = sizeOf(dir);
  if (bytes <= maxBytes) return;
  if (!isNew) fs.rmSync(dir, { recursive: true, force: true });
  const megabytes = Math.round(maxBytes / 1024 / 1024);
  throw new AppError('sync.git_too_large', `${url} is larger than ${megabytes} MB: not kept`, 413, { url, megabytes });
}

function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += sizeOf(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

function git(
  url: string,
  args: string[],
  o: { cwd?: string; timeoutMs: number; allowPrivate: boolean },
): Promise<string> {
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
    // A redirect could lead to a private address the check above never saw.
    ...(o.allowPrivate ? [] : ['-c', 'http.followRedirects=false']),
  ];
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: 'true',
    SSH_ASKPASS: 'true',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    LANG: 'C',
    LC_ALL: 'C',
  };
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...safety, ...args],
      { cwd: o.cwd, env, timeout: o.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        reject(gitError(url, error, stderr, o.timeoutMs));
      },
    );
  });
}

function gitError(
  url: string,
  error: Error & { killed?: boolean; code?: unknown },
  stderr: string,
  timeoutMs: number,
): AppError {
  if (error.killed)
    return new AppError('sync.git_timeout', `git did not finish with ${url} within ${timeoutMs / 1000} s`, 504, {
      url,
      seconds: timeoutMs / 1000,
    });
  if (error.code === 'ENOENT')
    return new AppError('sync.git_missing', 'git is not installed on the server (apt-get install git)', 500);
  const text = stderr.trim();
  if (
    /not found|terminal prompts disabled|could not read Username|Authentication failed|HTTP 40[134]|returned error: 40[134]/i.test(
      text,
    )
  ) {
    return new AppError('sync.git_not_found', `${url} does not exist or is not public`, 422, { url });
  }
  const line = (
    text
      .split('\n')
      .filter((l) => /fatal|error/i.test(l))
      .at(-1) ??
    text.split('\n').at(-1) ??
    ''
  ).slice(0, 200);
  return new AppError('sync.git_failed', `git could not read ${url}: ${line || 'no reason given'}`, 502, {
    url,
    reason: line,
  });
}
