// The limit cote is measured against: a bare Node http server answering each benchmarked path with the bytes cote
// sent for it (same content-type and content-encoding), held in memory. Plain JavaScript so it runs on plain node,
// with no loader. Usage: node bench/pages/bareServer.mjs <manifest.json>, where the manifest is
// [{ "path", "file", "contentType", "contentEncoding" }]. Prints "bare listening on http://127.0.0.1:PORT".
import fs from 'node:fs';
import http from 'node:http';

const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const pages = new Map(
  manifest.map((page) => {
    const body = fs.readFileSync(page.file);
    const headers = { 'content-type': page.contentType, 'content-length': body.length };
    if (page.contentEncoding) headers['content-encoding'] = page.contentEncoding;
    return [page.path, { body, headers }];
  }),
);

const server = http.createServer((req, res) => {
  const page = pages.get(req.url);
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, page.headers);
  res.end(page.body);
});
server.listen(0, '127.0.0.1', () => console.log(`bare listening on http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
