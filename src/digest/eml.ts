import type { AddressObject } from 'mailparser';

/**
 * Reads back the .eml files cote's outbox writes (nodemailer's RFC 822 output) so the preview page can show a
 * message as a mail client would: its headers decoded, its HTML and text parts. mailparser does the reading (the
 * package the tests already trust for mail that reached an SMTP server); it loads on the first preview, not at start.
 */
export interface EmlMessage {
  subject: string;
  from: string;
  to: string;
  /** The Date header as written, '' when absent. */
  date: string;
  html: string | null;
  text: string | null;
}

export async function parseEml(raw: Buffer | string): Promise<EmlMessage> {
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  return {
    subject: mail.subject ?? '',
    from: addresses(mail.from),
    to: addresses(mail.to),
    date: headerText(mail.headerLines, 'date'),
    html: typeof mail.html === 'string' ? mail.html : null,
    text: typeof mail.text === 'string' ? mail.text : null,
  };
}

/** 'cote <cote@localhost>, mina@example.com': names decoded, as a mail client lists them. */
function addresses(field: AddressObject | AddressObject[] | undefined): string {
  const all = [field ?? []].flat().flatMap((object) => object.value);
  return all.map((a) => (a.name ? `${a.name} <${a.address ?? ''}>` : (a.address ?? ''))).join(', ');
}

/** A header's value exactly as written (mailparser turns Date into a Date object). */
function headerText(lines: readonly { key: string; line: string }[], key: string): string {
  const line = lines.find((l) => l.key === key)?.line ?? '';
  return line.slice(line.indexOf(':') + 1).trim();
}
