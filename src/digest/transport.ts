import fs from 'node:fs';
import path from 'node:path';
import type nodemailer from 'nodemailer';
import type { SendMailOptions, Transporter } from 'nodemailer';
import type { Config } from '../config.ts';

/** What left cote: the Message-ID and, for the outbox, the .eml file written. */
export interface Sent {
  messageId: string;
  file?: string;
}

/** Sends a composed message; a rejected promise means the message was not accepted. */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(message: SendMailOptions & { messageId: string }): Promise<Sent>;
  close(): void;
}

export function outboxDir(config: Config): string {
  return path.join(config.dataDir, 'outbox');
}

type TransportOptions = Parameters<typeof nodemailer.createTransport>[0];

/**
 * A nodemailer transport made on the first send: nodemailer (~14 MB) is loaded only by a process that sends mail,
 * not by a server whose scheduler merely holds a mailer. `close()` closes it if it was made.
 */
function lazyTransport(options: TransportOptions): { get(): Promise<Transporter>; close(): void } {
  let transport: Promise<Transporter> | undefined;
  return {
    get: () => (transport ??= import('nodemailer').then((m) => m.default.createTransport(options))),
    // A transport that failed to load has nothing to close (its sends were refused with that error).
    close: () =>
      void transport?.then(
        (t) => t.close(),
        () => {},
      ),
  };
}

/**
 * SMTP through nodemailer when SMTP_URL is set (pooled: a few connections reused across a run), else the outbox:
 * each message is rendered to RFC 822 bytes by nodemailer's stream transport and written as `<name>.eml`.
 * Timeouts are explicit so that a hung server cannot hold a digest in 'sending' past SENDING_STALE_MS.
 * Either transport is made (and nodemailer loaded) on the first send.
 */
export function createMailer(config: Config, options: { pool?: boolean } = {}): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl, options.pool ?? true) : outboxMailer(outboxDir(config));
}

function smtpMailer(url: string, pool: boolean): Mailer {
  const transport = lazyTransport({
    url,
    pool,
    maxConnections: 5,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  } as TransportOptions);
  return {
    kind: 'smtp',
    async send(message) {
      await (await transport.get()).sendMail(message);
      return { messageId: message.messageId };
    },
    close: () => transport.close(),
  };
}

function outboxMailer(dir: string): Mailer {
  const transport = lazyTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'outbox',
    async send(message) {
      const info = (await (await transport.get()).sendMail(message)) as { message: Buffer };
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${outboxName(message.messageId)}.eml`);
      // Written under a temporary name and renamed, so the outbox never lists a half-written file.
      fs.writeFileSync(`${file}.tmp`, info.message);
      fs.renameSync(`${file}.tmp`, file);
      return { messageId: message.messageId, file };
    },
    close: () => transport.close(),
  };
}

/** '<digest-3-2026-11-28@host>' → 'digest-3-2026-11-28'. */
export function outboxName(messageId: string): string {
  return messageId
    .replace(/^</, '')
    .replace(/@.*$/, '')
    .replace(/[^A-Za-z0-9_.-]/g, '_');
}

export interface OutboxFile {
  name: string;
  bytes: number;
  writtenAt: Date;
}

/** The .eml files in the outbox that `include` accepts, newest first. */
export function outboxFiles(config: Config, include: (name: string) => boolean): OutboxFile[] {
  const dir = outboxDir(config);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.eml') && include(name))
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name));
      return { name, bytes: stat.size, writtenAt: stat.mtime };
    })
    .sort((a, b) => b.writtenAt.getTime() - a.writtenAt.getTime());
}
