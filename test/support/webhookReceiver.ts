import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got. */
export interface Received {
  path: string;
  contentType: string;
  body: unknown;
  /** When it arrived (Date.now()). */
  at: number;
}

/** What to answer; by default 204 (Discord) — `script` answers the next requests of a path in order. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * A local webhook receiver on 127.0.0.1 standing in for Discord, Slack and a generic JSON endpoint: it records every
 * POST (its path and parsed JSON body) and answers each path with the replies scripted for it, then 204/200.
 */
export async function webhookReceiver() {
  const received: Received[] = [];
  const scripts = new Map<string, Reply[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({
        path,
        contentType: String(req.headers['content-type']),
        body: text ? JSON.parse(text) : null,
        at: Date.now(),
      });
      const reply = scripts.get(path)?.shift() ?? { status: path.includes('/services/') ? 200 : 204 };
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(reply.body ?? (reply.status === 200 ? 'ok' : ''));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    /** Bodies POSTed to `path`, in order. */
    bodies: (path: string) => received.filter((r) => r.path === path).map((r) => r.body),
    script: (path: string, ...replies: Reply[]) => scripts.set(path, replies),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
