/**
 * Reads back the .eml files cote's outbox writes (nodemailer's RFC 822 output) so the preview page can show a
 * message as a mail client would: its headers decoded, its HTML and text parts. Pure: bytes in, parts out.
 * It understands what nodemailer writes (multipart/* with boundaries, base64 / quoted-printable / 7bit / 8bit,
 * RFC 2047 encoded words in headers) and any charset TextDecoder knows; it is not a general mail parser.
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

type Headers = Map<string, string>;

/** Nesting deeper than this is not something cote writes: deeper parts are ignored. */
const MAX_DEPTH = 5;

export function parseEml(raw: Buffer | string): EmlMessage {
  const source = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const { headers, body } = splitEntity(source);
  const parts: Parts = { html: null, text: null };
  collectParts(headers, body, parts, 0);
  return {
    subject: decodeWords(headers.get('subject') ?? ''),
    from: decodeWords(headers.get('from') ?? ''),
    to: decodeWords(headers.get('to') ?? ''),
    date: headers.get('date') ?? '',
    html: parts.html,
    text: parts.text,
  };
}

/** Headers (names lower-cased, folded lines joined) and the body after the first empty line. */
function splitEntity(entity: Buffer): { headers: Headers; body: Buffer } {
  const text = entity.toString('latin1');
  const m = /\r?\n\r?\n/.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const body = m ? entity.subarray(m.index + m[0].length) : Buffer.alloc(0);
  const headers: Headers = new Map();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    // Header bytes are UTF-8 when not encoded words (nodemailer encodes non-ASCII, others may not).
    if (!headers.has(name)) headers.set(name, Buffer.from(line.slice(colon + 1).trim(), 'latin1').toString('utf8'));
  }
  return { headers, body };
}

type Parts = { html: string | null; text: string | null };

function collectParts(headers: Headers, body: Buffer, out: Parts, depth: number): void {
  const type = contentType(headers.get('content-type'));
  if (type.value.startsWith('multipart/')) {
    if (depth >= MAX_DEPTH || !type.params.boundary) return;
    for (const part of splitMultipart(body, type.params.boundary)) {
      const entity = splitEntity(part);
      collectParts(entity.headers, entity.body, out, depth + 1);
    }
    return;
  }
  if (/^attachment/i.test(headers.get('content-disposition') ?? '')) return;
  const kind = type.value === 'text/html' ? 'html' : type.value === 'text/plain' ? 'text' : null;
  if (!kind || out[kind] !== null) return;
  const bytes = decodeTransfer(body, headers.get('content-transfer-encoding') ?? '7bit');
  out[kind] = decodeText(bytes, type.params.charset ?? 'utf-8');
}

/** 'multipart/alternative; boundary="x"' → { value: 'multipart/alternative', params: { boundary: 'x' } }. */
function contentType(header: string | undefined): { value: string; params: Record<string, string> } {
  const [value, ...rest] = (header ?? 'text/plain').split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const m = /^\s*([\w-]+)\s*=\s*(?:"([^"]*)"|([^\s;]+))/.exec(p);
    if (m) params[m[1].toLowerCase()] = m[2] ?? m[3];
  }
  return { value: value.trim().toLowerCase(), params };
}

/** The parts between `--boundary` lines, up to `--boundary--`; the preamble and epilogue are dropped. */
function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const text = body.toString('latin1');
  const delimiter = `--${boundary}`;
  const parts: Buffer[] = [];
  let start = -1;
  let offset = 0;
  for (const line of text.split('\n')) {
    const bare = line.replace(/\r$/, '');
    const lineStart = offset;
    offset += line.length + 1;
    if (bare !== delimiter && bare !== `${delimiter}--`) continue;
    // A part ends before the newline that precedes its delimiter line.
    if (start >= 0) {
      const end = lineStart - (text[lineStart - 2] === '\r' ? 2 : 1);
      parts.push(body.subarray(start, Math.max(start, end)));
    }
    if (bare.endsWith('--')) return parts;
    start = offset;
  }
  return parts;
}

function decodeTransfer(body: Buffer, encoding: string): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.toString('latin1'));
    default:
      return body;
  }
}

/** RFC 2045 quoted-printable: '=XX' is a byte, '=' ending a line is a soft break, blanks ending a line are padding. */
export function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/[ \t]+(?=\r?\n)/g, '').replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(joined.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function decodeText(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * RFC 2047 encoded words ('=?UTF-8?B?…?=', '=?UTF-8?Q?…?='). Adjacent words are one run: the whitespace between
 * them is dropped and their bytes are joined before decoding, since a writer may split a character across two.
 */
export function decodeWords(value: string): string {
  const WORD = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  return value.replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=\s*)+/g, (run) => {
    const trailing = /\s*$/.exec(run)![0];
    let out = '';
    let charset = '';
    let bytes: Buffer[] = [];
    const flush = () => {
      if (bytes.length > 0) out += decodeText(Buffer.concat(bytes), charset);
      bytes = [];
    };
    for (const [, cs, kind, data] of run.matchAll(WORD)) {
      const name = cs.replace(/\*.*$/, '').toLowerCase();
      if (name !== charset) flush();
      charset = name;
      const isBase64 = kind.toUpperCase() === 'B';
      bytes.push(isBase64 ? Buffer.from(data, 'base64') : decodeQuotedPrintable(data.replace(/_/g, ' ')));
    }
    flush();
    return out + trailing;
  });
}
