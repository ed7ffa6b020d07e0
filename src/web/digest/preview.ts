import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'express';
import { localDay } from '../../day.ts';
import { digestFor } from '../../digest/digestRepository.ts';
import { renderDigest } from '../../digest/render.ts';
import { outboxDir, outboxFiles } from '../../digest/transport.ts';
import { digestView } from '../../digest/view.ts';
import { emailLinkHostKind } from '../../digest/emailLinks.ts';
import { parseEml } from '../../digest/eml.ts';
import { notFound } from '../../errors.ts';
import { translator } from '../../i18n/index.ts';
import type { Learner } from '../../learners/learnerRepository.ts';
import { currentLearner } from '../auth.ts';
import type { AppDeps } from '../../context.ts';
import { PageQuery, pageOf } from '../pagination.ts';
import { z } from 'zod';
import { field, parseParams, parseQuery } from '../validate.ts';

const OutboxParams = z.object({ name: field.text(200) });

/** Outbox files are named after their Message-ID: `digest-<learnerId>-<day>.eml`, `test-<learnerId>-<stamp>.eml`. */
function ownsOutboxFile(learner: Learner, name: string): boolean {
  return new RegExp(`^(digest|test)-${learner.id}-[A-Za-z0-9_.-]+\\.eml$`).test(name);
}

// GET /digest/preview — tonight's digest as the learner will get it (in their email language), and the outbox.
// The outbox's folder is not shown (a server path is no learner's business; the README says where it is).
export function showDigestPreview(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const learner = currentLearner(req);
    const day = localDay(deps.now(), learner.timezone);
    const view = digestView(deps.db, deps.config, learner, day, deps.now(), false);
    // The outbox grows by a file a night (and one per test email): newest first, by pages of 100 (?page=N).
    const files = deps.config.smtpUrl ? [] : outboxFiles(deps.config, (name) => ownsOutboxFile(learner, name));
    const page = pageOf(parseQuery(PageQuery, req).page, files.length, (n) => `/digest/preview?page=${n}#outbox`);
    res.render('digest/preview', {
      title: res.locals.t('digest.preview.title'),
      view,
      rendered: renderDigest(view),
      // Links in the email would lead nowhere (HOST=0.0.0.0 or a loopback address, no COTE_BASE_URL): say so here.
      linkHost: emailLinkHostKind(deps.config.baseUrl),
      baseUrl: deps.config.baseUrl,
      emailT: translator(view.lang),
      status: digestFor(deps.db, learner.id, day)?.status ?? 'none',
      outbox: deps.config.smtpUrl ? null : { files: files.slice(page.offset, page.offset + page.limit), page },
    });
  };
}

/** The learner's own outbox file named in the path, as bytes; a 404 like a missing one for anyone else's. */
function ownOutboxFile(deps: AppDeps, req: Request): { name: string; bytes: Buffer } {
  const learner = currentLearner(req);
  const { name } = parseParams(OutboxParams, req);
  const file = path.join(outboxDir(deps.config), name);
  if (deps.config.smtpUrl || !ownsOutboxFile(learner, name) || !fs.existsSync(file)) notFound('email');
  return { name, bytes: fs.readFileSync(file) };
}

// GET /digest/outbox/:name — the .eml file itself, as a download (a mail client opens it).
export function showOutboxFile(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const { name, bytes } = ownOutboxFile(deps, req);
    res.type('message/rfc822').attachment(name).send(bytes);
  };
}

// GET /digest/outbox/:name/view — the message as a mail client shows it: headers, the HTML part in a sandboxed
// frame, the text part.
export function showOutboxMessage(deps: AppDeps) {
  return async (req: Request, res: Response) => {
    const { name, bytes } = ownOutboxFile(deps, req);
    const message = await parseEml(bytes);
    const sentAt = fs.statSync(path.join(outboxDir(deps.config), name)).mtime;
    res.render('digest/message', { title: message.subject || name, name, message, sentAt });
  };
}

/**
 * The HTML part alone, for the frame of the view page. The email is shown, never run: the CSP allows no script,
 * no fetch and no form, only inline styles and data: images, and sandboxes the document; only this site may frame it.
 */
const MESSAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  'sandbox allow-popups allow-popups-to-escape-sandbox',
].join('; ');

// GET /digest/outbox/:name/html — the message's HTML part (404 when it has none).
export function showOutboxHtml(deps: AppDeps) {
  return async (req: Request, res: Response) => {
    const html = (await parseEml(ownOutboxFile(deps, req).bytes)).html ?? notFound('email');
    res.set('Content-Security-Policy', MESSAGE_CSP).type('text/html; charset=utf-8').send(html);
  };
}
