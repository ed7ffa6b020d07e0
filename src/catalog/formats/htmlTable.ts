import * as cheerio from 'cheerio';
import type MarkdownIt from 'markdown-it';
import { segmentsOf, type Candidate, type Columns, type Link } from './markdownLinks.ts';

/** The parts of a parsed HTML node (domhandler's, as cheerio builds them) this reader uses. */
interface HtmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: HtmlNode[];
  sourceCodeLocation?: { startLine: number; endTag?: unknown } | null;
}

/**
 * The rows of an HTML block in a README, parsed by cheerio (parse5, an HTML5 parser: unclosed tags close where a
 * browser closes them), then walked once by hand (selectors cost too much on a 1 MB table): each `<tr>` with `<td>`
 * cells is a row under the header of the table's `<th>` row; an anchor outside tables is a line of its own. An
 * `<a href>` without `</a>` still gives its link, flagged unclosed (its text runs to the end of its cell). Markdown
 * links written inside a cell are read too, as GitHub renders them. `firstLine` is the block's 1-based first line.
 */
export function htmlRows(
  html: string,
  firstLine: number,
  names: Record<keyof Columns, RegExp>,
  schedule: RegExp,
  md: InstanceType<typeof MarkdownIt>,
): Candidate[] {
  const $ = cheerio.load(html, { sourceCodeLocationInfo: true } as cheerio.CheerioOptions, false);
  const lineOf = (node: HtmlNode) => firstLine + (node.sourceCodeLocation?.startLine ?? 1) - 1;
  const out: Candidate[] = [];

  const readTable = (table: HtmlNode) => {
    let columns: Columns = { title: -1, level: -1, recommended: -1 };
    let isSchedule = false;
    for (const tr of rowsOf(table, readTable)) {
      const cells = (tr.children ?? []).filter((c) => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
      if (!cells.some((c) => c.name === 'td')) {
        const header = cells.map((th) => clean(textOf(th)));
        columns = {
          title: header.findIndex((h) => names.title.test(h)),
          level: header.findIndex((h) => names.level.test(h)),
          recommended: header.findIndex((h) => names.recommended.test(h)),
        };
        isSchedule = schedule.test(header[0] ?? '');
        continue;
      }
      if (isSchedule) continue;
      const links: Link[] = [];
      const outside: string[] = [];
      const rawCells = cells.map((td) => {
        const anchors: HtmlNode[] = [];
        const images: string[] = [];
        const rest = textOf(td, anchors, images);
        if (anchors.length === 0) {
          // Markdown inside a cell: GitHub renders it when the cell's text is set apart by blank lines.
          for (const seg of segmentsOf(md.parseInline(rest, {})[0]?.children ?? [])) {
            links.push(...seg.links);
            outside.push(seg.outside);
          }
        } else {
          for (const a of anchors) links.push(linkOf(a));
          outside.push(rest);
        }
        const text = clean(anchors.length ? `${anchors.map((a) => textOf(a)).join(' ')} ${rest}` : rest);
        return { raw: `${images.join(' ')} ${rest}`, text };
      });
      out.push({
        line: lineOf(tr),
        links,
        outside: outside.join(' | '),
        raw: rawCells.map((c) => c.raw).join(' | '),
        cells: rawCells,
        columns,
      });
    }
  };

  // Tables and loose anchors in document order.
  const visit = (node: HtmlNode) => {
    for (const child of node.children ?? []) {
      if (child.type !== 'tag' && child.type !== 'script' && child.type !== 'style' && child.type !== 'root') continue;
      if (child.name === 'table') readTable(child);
      else if (child.name === 'a' && child.attribs?.href !== undefined)
        out.push({ line: lineOf(child), links: [linkOf(child)], outside: '', raw: '' });
      else visit(child);
    }
  };
  visit($.root()[0] as unknown as HtmlNode);
  return out;
}

/** The `<tr>`s of a table, its own only: a nested table is handed to `nested` instead. */
function rowsOf(table: HtmlNode, nested: (table: HtmlNode) => void): HtmlNode[] {
  const rows: HtmlNode[] = [];
  const walk = (node: HtmlNode) => {
    for (const child of node.children ?? []) {
      if (child.type !== 'tag') continue;
      if (child.name === 'tr') rows.push(child);
      else if (child.name === 'table') nested(child);
      else walk(child);
    }
  };
  walk(table);
  return rows;
}

/**
 * The text of `node`. With `anchors`, the text of links is left out and the links are collected instead; with
 * `images`, the src of each image is collected (tier images name levels).
 */
function textOf(node: HtmlNode, anchors?: HtmlNode[], images?: string[]): string {
  let text = '';
  const walk = (n: HtmlNode) => {
    for (const child of n.children ?? []) {
      if (child.type === 'text') text += child.data ?? '';
      else if (child.type !== 'tag') continue;
      else if (child.name === 'img') images?.push(child.attribs?.src ?? '');
      else if (anchors && child.name === 'a' && child.attribs?.href !== undefined) anchors.push(child);
      else walk(child);
    }
  };
  walk(node);
  return text;
}

function linkOf(a: HtmlNode): Link {
  const link: Link = { url: (a.attribs?.href ?? '').trim(), text: clean(textOf(a)) };
  if (!a.sourceCodeLocation?.endTag) link.unclosed = true;
  return link;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A heading as the list parser stacks them: its depth (1–6, or below them all for a <summary>) and words. */
export interface Heading {
  depth: number;
  text: string;
}

/** A `<summary>` sits below every heading; `</details>` closes it. */
const SUMMARY_DEPTH = 7;
const HTML_HEADING = /<(h[1-6]|summary)\b[^<>]*>|<\/details\s*>/gi;

export interface HtmlHeading {
  line: number;
  /** 1–6 for <h1>–<h6>, SUMMARY_DEPTH for <summary>, 0 for </details>. */
  depth: number;
  text: string;
}

/**
 * The headings of an HTML block with their lines. One regex pass; each closing tag is searched from its opening on,
 * and the scan resumes after it, so the work stays linear.
 */
export function htmlHeadings(html: string, firstLine: number): HtmlHeading[] {
  const found: HtmlHeading[] = [];
  const lower = html.toLowerCase();
  let line = firstLine;
  let counted = 0;
  const lineAt = (index: number) => {
    for (; counted < index; counted++) if (html.charCodeAt(counted) === 10) line++;
    return line;
  };
  HTML_HEADING.lastIndex = 0;
  for (let m = HTML_HEADING.exec(html); m; m = HTML_HEADING.exec(html)) {
    const at = lineAt(m.index);
    if (!m[1]) {
      found.push({ line: at, depth: 0, text: '' });
      continue;
    }
    const tag = m[1].toLowerCase();
    const end = lower.indexOf(`</${tag}`, HTML_HEADING.lastIndex);
    if (end < 0) break;
    const text = clean(
      html
        .slice(HTML_HEADING.lastIndex, end)
        .replace(/<[^<>]*>/g, ' ')
        .replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}/gu, ''),
    );
    if (text) found.push({ line: at, depth: tag === 'summary' ? SUMMARY_DEPTH : Number(tag[1]), text });
    HTML_HEADING.lastIndex = end;
  }
  return found;
}

/** Puts a heading on the stack (closing those at its depth or below), or closes a <summary> at </details>. */
export function enter(stack: Heading[], mark: HtmlHeading): void {
  if (mark.depth === 0) {
    if (stack.at(-1)?.depth === SUMMARY_DEPTH) stack.pop();
    return;
  }
  while (stack.length > 0 && stack[stack.length - 1].depth >= mark.depth) stack.pop();
  stack.push({ depth: mark.depth, text: mark.text });
}
