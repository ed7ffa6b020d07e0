import * as cheerio from 'cheerio';
import type MarkdownIt from 'markdown-it';
import { segmentsOf, type Candidate, type Columns, type Link } from './markdownLinks.ts';

interface Located {
  sourceCodeLocation?: { startLine: number; endTag?: unknown } | null;
}

/**
 * The rows of an HTML block in a README (cheerio, an HTML5 parser, so unclosed tags close where a browser closes
 * them): each `<tr>` of a table with `<td>` cells is a row under the header of its `<th>` row; an anchor outside
 * tables is a line of its own. An `<a href>` without `</a>` still gives its link, flagged unclosed (its text runs
 * to the end of its cell). Markdown links written inside a cell are read too, as GitHub renders them.
 * `firstLine` is the 1-based line the block starts on.
 */
export function htmlRows(
  html: string,
  firstLine: number,
  names: Record<keyof Columns, RegExp>,
  schedule: RegExp,
  md: InstanceType<typeof MarkdownIt>,
): Candidate[] {
  const $ = cheerio.load(html, { sourceCodeLocationInfo: true } as cheerio.CheerioOptions, false);
  const lineOf = (el: unknown) => firstLine + ((el as Located).sourceCodeLocation?.startLine ?? 1) - 1;
  const out: Candidate[] = [];
  $('table').each((_, table) => {
    let columns: Columns = { title: -1, level: -1, recommended: -1 };
    let isSchedule = false;
    $(table)
      .find('tr')
      .each((_, tr) => {
        if ($(tr).closest('table')[0] !== table) return;
        const tds = $(tr).children('td');
        if (tds.length === 0) {
          const header = $(tr)
            .children('th')
            .map((_, th) => $(th).text().replace(/\s+/g, ' ').trim())
            .get();
          columns = {
            title: header.findIndex((h) => names.title.test(h)),
            level: header.findIndex((h) => names.level.test(h)),
            recommended: header.findIndex((h) => names.recommended.test(h)),
          };
          isSchedule = schedule.test(header[0] ?? '');
          return;
        }
        if (isSchedule) return;
        const cells = tds.map((_, td) => ({ raw: $(td).html() ?? '', text: cleanText($(td).text()) })).get();
        const links: Link[] = [];
        let outside = '';
        tds.each((_, td) => {
          const anchors = $(td).find('a[href]');
          if (anchors.length === 0) {
            // Markdown inside a cell: GitHub renders it when the cell's text is separated by blank lines.
            for (const seg of segmentsOf(md.parseInline($(td).text(), {})[0]?.children ?? [])) {
              links.push(...seg.links);
              outside += ` ${seg.outside}`;
            }
            return;
          }
          anchors.each((_, a) => {
            const link: Link = { url: ($(a).attr('href') ?? '').trim(), text: cleanText($(a).text()) };
            if (!(a as Located).sourceCodeLocation?.endTag) link.unclosed = true;
            links.push(link);
          });
          outside += ` ${cleanText($(td).clone().find('a').remove().end().text())}`;
        });
        out.push({
          line: lineOf(tr),
          links,
          outside,
          raw: cells.map((c) => c.raw).join(' | '),
          cells,
          columns,
          item: true,
        });
      });
  });
  $('a[href]').each((_, a) => {
    if ($(a).closest('table').length > 0) return;
    const link: Link = { url: ($(a).attr('href') ?? '').trim(), text: cleanText($(a).text()) };
    if (!(a as Located).sourceCodeLocation?.endTag) link.unclosed = true;
    out.push({ line: lineOf(a), links: [link], outside: '', raw: $.html(a), item: false });
  });
  return out.sort((a, b) => a.line - b.line);
}

function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
