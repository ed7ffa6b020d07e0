import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { testDeps } from './app.ts';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserApp {
  /** http://127.0.0.1:<port>, or http://<hostName>:<port> */
  baseUrl: string;
  deps: ReturnType<typeof testDeps>['deps'];
  clock: ReturnType<typeof testDeps>['clock'];
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * The app on a real HTTP server (127.0.0.1, port 0, a temporary database) and Debian's Chromium driven by
 * playwright-core with a fresh profile. `seed` fills the database before the first request.
 * Fails with a clear message when Chromium is not installed: e2e tests never skip silently.
 * `hostName` makes Chromium resolve that name to 127.0.0.1 (the server still listens on 127.0.0.1 only) and open the
 * app under it, as a LAN member opens `http://study-pc:3000`.
 */
export async function startBrowserApp(
  seed: (deps: BrowserApp['deps']) => void | Promise<void> = () => {},
  start?: Date,
  options: { hostName?: string } = {},
): Promise<BrowserApp> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `e2e: ${CHROMIUM} is missing: install it with \`apt-get install -y chromium fonts-noto-cjk\` (.ci/run does)`,
    );
  const t = testDeps({}, start);
  await seed(t.deps);
  const server = http.createServer(t.app());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://${options.hostName ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  const args = options.hostName ? [...ARGS, `--host-resolver-rules=MAP ${options.hostName} 127.0.0.1`] : ARGS;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args,
      headless: true,
      locale: 'en-US',
      baseURL: baseUrl,
    });
  } catch (error) {
    server.close();
    t.cleanup();
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    baseUrl,
    deps: t.deps,
    clock: t.clock,
    context,
    page,
    async close() {
      await context.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      t.cleanup();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
