// The limit cote is measured against in bench:group: a bare Node http server answering each step of the loop with the
// bytes cote sent for it (same status, content-type, content-encoding, location), held in memory; a POST's body is
// read and dropped. Plain JavaScript so it runs on plain node. Usage: node bench/group/bareServer.mjs <manifest.json>,
// the manifest being [{ "method", "path", "status", "file", "headers" }]. Prints "bare listening on http://…".
import fs from 'node:fs';
import http from 'node:http';

const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const answers = new Map(
  manifest.map((a) => {
    const body = fs.readFileSync(a.file);
    return [
      `${a.method} ${a.path}`,
      { status: a.status, body, headers: { ...a.headers, 'content-length': body.length } },
    ];
  }),
);

const server = http.createServer((req, res) => {
  const answer = answers.get(`${req.method} ${req.url}`);
  req.resume();
  req.on('end', () => {
    if (!answer) return res.writeHead(404).end();
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`bare listening on http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
