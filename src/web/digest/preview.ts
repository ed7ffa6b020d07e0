import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'express';
import { localDay } from '../../day.ts';
import { digestFor } from '../../digest/digestRepository.ts';
import { renderDigest } from '../../digest/render.ts';
import { outboxDir, outboxFiles } from '../../digest/transport.ts';
import { digestView } from '../../digest/view.ts';
import { notFound } from '../../errors.ts';
import { translator } from '../../i18n/index.ts';
import type { Learner } from '../../learners/learnerRepository.ts';
import { currentLearner } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { z } from 'zod';
import { field, parseParams } from '../validate.ts';

const OutboxParams = z.object({ name: field.text(200) });

/** Outbox files are named after their Message-ID: `digest-<learnerId>-<day>.eml`, `test-<learnerId>-<stamp>.eml`. */
function ownsOutboxFile(learner: Learner, name: string): boolean {
  return new RegExp(`^(digest|test)-${learner.id}-[A-Za-z0-9_.-]+\\.eml$`).test(name);
}

// GET /digest/preview — tonight's digest as the learner will get it (in their email language), and the outbox.
export function showDigestPreview(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const learner = currentLearner(req);
    const day = localDay(deps.now(), learner.timezone);
    const view = digestView(deps.db, deps.config.baseUrl, learner, day);
    res.render('digest/preview', {
      title: res.locals.t('digest.preview.title'),
      view,
      rendered: renderDigest(view),
      emailT: translator(view.lang),
      status: digestFor(deps.db, learner.id, day)?.status ?? 'none',
      outbox: deps.config.smtpUrl ? null : { dir: outboxDir(deps.config), files: outboxFiles(deps.config, (name) => ownsOutboxFile(learner, name)) },
    });
  };
}

// GET /digest/outbox/:name — one of the learner's own .eml files, as text.
export function showOutboxFile(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const learner = currentLearner(req);
    const { name } = parseParams(OutboxParams, req);
    const file = path.join(outboxDir(deps.config), name);
    if (deps.config.smtpUrl || !ownsOutboxFile(learner, name) || !fs.existsSync(file)) notFound('email');
    res.type('text/plain; charset=utf-8').send(fs.readFileSync(file));
  };
}
