import http from 'node:http';

/** One request exactly as it goes on the wire: the path is sent unchanged (no normalising, no re-encoding). */
export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
  /** Send the body with Transfer-Encoding: chunked instead of a Content-Length. */
  chunked?: boolean;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as UTF-8 text, cut at BODY_CAP bytes; `size` is the full length. */
  text: string;
  size: number;
  ms: number;
  /** A transport failure (timeout, reset before any answer); status is 0 then. */
  error?: string;
}

const BODY_CAP = 4 * 1024 * 1024;
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Sends one request to 127.0.0.1:port with node:http (no client-side URL fixing, unlike fetch). */
export function send(port: number, req: RawRequest, timeoutMs: number): Promise<RawResponse> {
  const body =
    req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
  const headers: Record<string, string> = { ...req.headers };
  if (body && !req.chunked) headers['content-length'] = String(body.length);
  // A large body may be answered (413) before it is read; a fresh connection keeps that from poisoning the next request.
  const big = (body?.length ?? 0) > 256 * 1024;
  return new Promise((resolve) => {
    const started = performance.now();
    let settled = false;
    const done = (r: Omit<RawResponse, 'ms'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...r, ms: Math.round(performance.now() - started) });
    };
    const client = http.request(
      { host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent: big ? false : keepAlive },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < BODY_CAP) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).subarray(0, BODY_CAP).toString('utf8'),
            size,
          }),
        );
        res.on('error', (error) =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
            size,
            error: error.message,
          }),
        );
      },
    );
    client.setTimeout(timeoutMs, () => client.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    client.on('error', (error) => done({ status: 0, headers: {}, text: '', size: 0, error: error.message }));
    if (body) {
      client.write(body, () => undefined);
    }
    client.end();
  });
}

export function closeClient(): void {
  keepAlive.destroy();
}
