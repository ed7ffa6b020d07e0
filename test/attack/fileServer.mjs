// A file server for the attack tests, run as its own process (node test/attack/fileServer.mjs <root>): any method,
// the file at the URL's path (query ignored) or 404; it prints `port N` once, then `METHOD URL` per request.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const root = path.resolve(process.argv[2]);
const server = http.createServer((req, res) => {
  const url = req.url ?? '/';
  process.stdout.write(`${req.method} ${url}\n`);
  req.resume();
  req.on('end', () => {
    const file = path.join(root, decodeURIComponent(url.split('?')[0]));
    if (!file.startsWith(root) || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`port ${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
