import type MarkdownIt from 'markdown-it';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

// What a markdown list's inline text holds: its links (markdown, HTML anchors, autolinks, bare URLs) and its words,
// split into the lines a reader sees (a paragraph's soft breaks end a line). Every scan here is one pass over the
// text, or a regex that cannot backtrack over more than one token: the parser's work stays linear in the input.

export interface Link {
  url: string;
  text: string;
  /** An HTML <a href> that was never closed: its text runs to the end of its line or cell. */
  unclosed?: boolean;
}

/** Which column of a table holds the title, the level and the recommended mark (-1: none). */
export interface Columns {
  title: number;
  level: number;
  recommended: number;
}

/** A line or table row that may hold problems. */
export interface Candidate {
  /** 1-based line in the file. */
  line: number;
  links: Link[];
  /** Words outside links, and the raw source (images, tags, emoji) of the whole row. */
  outside: string;
  raw: string;
  /** A table row's cells (their raw source and plain text) and the table's columns. */
  columns?: Columns;
  cells?: { raw: string; text: string }[];
}

/** One line of inline text: its links, its words outside links, and its raw source (images and tags kept). */
export interface Segment {
  /** 0-based offset from the first line of the inline token. */
  offset: number;
  links: Link[];
  /** Text outside every link (link texts and images left out). */
  outside: string;
  /** Every text, link text included. */
  text: string;
  /** The source pieces: text, HTML tags and image URLs, for difficulty read from images or emoji. */
  raw: string;
}

const HTML_A_OPEN = /^<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const HTML_A_CLOSE = /^<\/a\s*>$/i;
/** Bare URLs in text: a scheme, or Baekjoon's host written without one. Stops at spaces, brackets and pipes. */
const BARE_URL = /\b(?:https?:\/\/|(?:www\.)?acmicpc\.net\/)[^\s<>()|\]]+/gi;

/** The lines of an inline token (a paragraph, a list item's text, a table cell, a heading). */
export function segmentsOf(children: Token[]): Segment[] {
  const segments: Segment[] = [];
  let seg = empty(0);
  let open: (Link & { html: boolean }) | undefined;
  // Ends the open link; an HTML anchor ended by anything but its own </a> is unclosed.
  const finish = (closedByTag: boolean) => {
    if (!open) return;
    const { html, ...link } = open;
    link.text = link.text.trim();
    if (html && !closedByTag) link.unclosed = true;
    seg.links.push(link);
    open = undefined;
  };
  for (const child of children) {
    switch (child.type) {
      case 'softbreak':
      case 'hardbreak':
        finish(false);
        segments.push(seg);
        seg = empty(seg.offset + 1);
        break;
      case 'link_open':
        finish(false);
        open = { url: String(child.attrGet('href') ?? ''), text: '', html: false };
        break;
      case 'link_close':
        if (open && !open.html) finish(true);
        break;
      case 'image':
        seg.raw += ` ${String(child.attrGet('src') ?? '')} `;
        break;
      case 'html_inline': {
        seg.raw += child.content;
        const a = HTML_A_OPEN.exec(child.content);
        if (a) {
          finish(false);
          open = { url: a[1] ?? a[2] ?? a[3] ?? '', text: '', html: true };
        } else if (HTML_A_CLOSE.test(child.content) && open?.html) finish(true);
        break;
      }
      case 'text':
      case 'code_inline':
        seg.raw += child.content;
        seg.text += child.content;
        if (open) open.text += child.content;
        else seg.outside += bareLinks(child.content, seg.links);
        break;
      default:
        break;
    }
  }
  finish(false);
  segments.push(seg);
  return segments;
}

/** Adds the bare URLs of `text` to `links`; returns the text without them. */
function bareLinks(text: string, links: Link[]): string {
  if (!/https?:\/\/|acmicpc\.net\//i.test(text)) return text;
  return text.replace(BARE_URL, (url) => {
    links.push({ url: url.replace(/[.,;:!?'"]+$/, ''), text: '' });
    return ' ';
  });
}

function empty(offset: number): Segment {
  return { offset, links: [], outside: '', text: '', raw: '' };
}

/** Hosts of solutions, videos, blogs and notes: links there are not problems, and not worth a warning. */
const KNOWN_HOSTS =
  /(^|\.)(github\.com|github\.io|githubusercontent\.com|gitlab\.com|youtube\.com|youtu\.be|velog\.io|tistory\.com|naver\.com|notion\.so|notion\.site|medium\.com|dev\.to|brunch\.co\.kr|wikidocs\.net|wikipedia\.org|namu\.wiki|shields\.io|solved\.ac|geeksforgeeks\.org|programiz\.com|stackoverflow\.com|google\.com|hashnode\.dev|blogspot\.com|wordpress\.com|qiita\.com|zenn\.dev|hatenablog\.com|hatenablog\.jp|note\.com|kenkoooo\.com|twitter\.com|x\.com)$/i;

/**
 * Is `url` a known page that is not a problem (a solution, an article, an editorial, a video, a blog)? Such links are
 * skipped silently. neetcode.io's own pages are articles and videos, except /problems/…: a problem there is one cote
 * cannot name, so it is not silent.
 */
export function knownNonProblem(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  const host = parsed.hostname.toLowerCase();
  if (/(^|\.)neetcode\.io$/.test(host)) return !/^\/problems\//i.test(parsed.pathname);
  if (/^(www\.)?leetcode\.(com|cn)$/.test(host) && /^\/(discuss|explore|studyplan|articles)\//.test(parsed.pathname))
    return true;
  if (/^(www\.)?codeforces\.com$/.test(host) && /^\/blog\/entry\//.test(parsed.pathname)) return true;
  if (/^(www\.)?atcoder\.jp$/.test(host) && /\/editorial(\/|$)/.test(parsed.pathname)) return true;
  return KNOWN_HOSTS.test(host);
}

/** Is `url` a web address at all (not a relative file of the repository, an anchor or a mail address)? */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url) || /^(www\.)?acmicpc\.net\//i.test(url);
}
