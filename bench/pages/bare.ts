import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stopChild, track, waitForLine } from './children.ts';
import type { FetchedPage } from './session.ts';

export interface BareServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts bareServer.mjs in its own process, serving `pages` (written to `dir`) from memory on a free port. */
export async function startBare(pages: FetchedPage[], dir: string): Promise<BareServer> {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = pages.map((page, i) => {
    const file = path.join(dir, `page-${i}.body`);
    fs.writeFileSync(file, page.body);
    return { path: page.path, file, contentType: page.contentType, contentEncoding: page.contentEncoding };
  });
  const manifestFile = path.join(dir, 'manifest.json');
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const script = path.join(import.meta.dirname, 'bareServer.mjs');
  const child = track(spawn(process.execPath, [script, manifestFile], { env, stdio: ['ignore', 'pipe', 'inherit'] }));
  const url = await waitForLine(child, 'stdout', (line) => /bare listening on (http:\/\/[\d.]+:\d+)/.exec(line)?.[1]);
  return { url, pid: child.pid!, stop: () => stopChild(child) };
}
