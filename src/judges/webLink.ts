import { type LinkTemplates, problemLinks } from './links.ts';

/**
 * The link the digest, the group posts and the calendar give a problem (problemLinks): the judge's page or the
 * configured mirror; for Baekjoon, closed, the archived copy unless a mirror is set. Only http(s) links leave cote.
 */
export function webLink(id: string, stored: string | null, templates: LinkTemplates): string | null {
  const links = problemLinks(id, templates, stored && /^https?:\/\//i.test(stored) ? stored : null);
  const judge = id.slice(0, Math.max(0, id.indexOf(':'))) as keyof LinkTemplates;
  const url = links.archive && !templates[judge] ? links.archive : links.url;
  return url && /^https?:\/\//i.test(url) ? url : null;
}
