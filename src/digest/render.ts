import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import type { SendMailOptions } from 'nodemailer';
import type { Config } from '../config.ts';
import { translator, type Translate } from '../i18n/index.ts';
import type { DigestView } from './view.ts';

const EMAILS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../views/emails');
const templates = new Map<string, ejs.TemplateFunction>();

/** Compiled once per process: a run of 1,000 digests renders from the same functions. */
function template(name: string): ejs.TemplateFunction {
  let fn = templates.get(name);
  if (!fn) {
    const filename = path.join(EMAILS, name);
    fn = ejs.compile(fs.readFileSync(filename, 'utf8'), { filename, async: false }) as ejs.TemplateFunction;
    templates.set(name, fn);
  }
  return fn;
}

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

/** `[cote] D-12 · 3 solved today · 5-day streak`; parts without content (no exam, no streak) are left out. */
export function digestSubject(view: DigestView, t: Translate = translator(view.lang)): string {
  const parts = [t('digest.subject.prefix')];
  if (view.dDay !== null)
    parts.push(view.dDay === 0 ? t('digest.subject.dday_today') : t('digest.subject.dday', { n: view.dDay }));
  const n = view.solves.length;
  parts.push(
    n === 0
      ? t('digest.subject.solved_none')
      : n === 1
        ? t('digest.subject.solved_one')
        : t('digest.subject.solved', { n }),
  );
  if (view.streak.current > 1) parts.push(t('digest.subject.streak', { n: view.streak.current }));
  return `${parts[0]} ${parts.slice(1).join(' · ')}`;
}

export function renderDigest(view: DigestView): RenderedDigest {
  const t = translator(view.lang);
  const subject = digestSubject(view, t);
  return {
    subject,
    html: template('digest.html.ejs')({ view, t, subject }) as string,
    text: template('digest.text.ejs')({ view, t }) as string,
  };
}

/** The host part of Message-IDs: the public URL's host, so ids are stable across restarts. */
export function messageHost(config: Config): string {
  try {
    return new URL(config.baseUrl).hostname || 'cote.localhost';
  } catch {
    return 'cote.localhost';
  }
}

/** The same (learner, day) always gets the same Message-ID: a receiving server can recognise a duplicate. */
export function digestMessageId(config: Config, learnerId: number, day: string): string {
  return `<digest-${learnerId}-${day}@${messageHost(config)}>`;
}

/** The full message: both parts, Date, Message-ID, and the unsubscribe headers (RFC 2369 and RFC 8058 one-click). */
export function digestMessage(
  config: Config,
  view: DigestView,
  rendered: RenderedDigest,
  now: Date,
): SendMailOptions & { messageId: string } {
  return {
    from: config.mailFrom,
    to: view.learner.email,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    date: now,
    messageId: digestMessageId(config, view.learner.id, view.day),
    headers: {
      'List-Unsubscribe': `<${view.links.unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    },
  };
}
