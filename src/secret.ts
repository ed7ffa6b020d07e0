import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors.ts';

/** The session-signing secret: created once in the data directory (file 0600, folder 0700) and kept across restarts. */
export function sessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  try {
    const secret = fs.readFileSync(file, 'utf8').trim();
    if (secret === '')
      throw new AppError('secret.empty', `session secret ${file} is empty: remove it and cote makes a new one`, 500, {
        file,
      });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      if (error instanceof AppError) throw error;
      throw new AppError('secret.unreadable', `cannot read session secret ${file}: ${(error as Error).message}`, 500, {
        file,
      });
    }
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = crypto.randomBytes(32).toString('hex');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
