import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The session-signing secret: created once in the data directory (mode 600) and kept across restarts. */
export function sessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString('hex');
    fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
    return secret;
  }
}
