import type { Db } from '../db/connection.ts';
import type { WebhookKind } from './webhookUrl.ts';

/** SQL on the `group_webhooks` table: the URLs a group's posts go to. */

export interface Webhook {
  id: number;
  groupId: number;
  /** A secret: shown masked (webhookUrl.ts `mask`), never whole. */
  url: string;
  kind: WebhookKind;
  createdAt: string;
}

interface WebhookRow {
  id: number;
  group_id: number;
  url: string;
  kind: WebhookKind;
  created_at: string;
}

const SELECT = 'SELECT id, group_id, url, kind, created_at FROM group_webhooks';

const toWebhook = (r: WebhookRow): Webhook => ({
  id: r.id,
  groupId: r.group_id,
  url: r.url,
  kind: r.kind,
  createdAt: r.created_at,
});

export function webhooksOf(db: Db, groupId: number): Webhook[] {
  return (db.prepare(`${SELECT} WHERE group_id = ? ORDER BY id`).all(groupId) as WebhookRow[]).map(toWebhook);
}

export function webhookById(db: Db, id: number): Webhook | undefined {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as WebhookRow | undefined;
  return row && toWebhook(row);
}

/** Ids of the groups that have at least one webhook. */
export function groupsWithWebhooks(db: Db): number[] {
  return db.prepare('SELECT DISTINCT group_id FROM group_webhooks ORDER BY group_id').pluck().all() as number[];
}

/** Adds a URL to the group; false when the group has it already. */
export function insertWebhook(db: Db, groupId: number, url: string, kind: WebhookKind, now: Date): boolean {
  const sql =
    'INSERT INTO group_webhooks (group_id, url, kind, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (group_id, url) DO NOTHING';
  return db.prepare(sql).run(groupId, url, kind, now.toISOString()).changes === 1;
}

/** Removes one webhook of the group (its delivery rows go with it); false when the group has no such webhook. */
export function deleteWebhook(db: Db, groupId: number, id: number): boolean {
  return db.prepare('DELETE FROM group_webhooks WHERE group_id = ? AND id = ?').run(groupId, id).changes === 1;
}

/** Removes every webhook of the group; the number removed. */
export function deleteWebhooksOf(db: Db, groupId: number): number {
  return db.prepare('DELETE FROM group_webhooks WHERE group_id = ?').run(groupId).changes;
}
