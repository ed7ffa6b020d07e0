/**
 * Malformed values by field kind. Every value here is one the field must refuse; values a field legitimately takes
 * (an emoji in a free-text note, an empty optional field) are deliberately absent from that field's pool.
 * `raw` values are sent exactly as written (already percent-encoded); `text` values are percent-encoded first.
 */
export type Probe = { label: string; text: string } | { label: string; raw: string };

export const KB100 = 'x'.repeat(100 * 1024);
const t = (label: string, text: string): Probe => ({ label, text });
const r = (label: string, raw: string): Probe => ({ label, raw });

/** Broken at the encoding level: bad percent escapes and invalid UTF-8 — refused by every field, free text included. */
export const ENCODING: Probe[] = [
  r('malformed percent escape %E0%A4%A', '%E0%A4%A'),
  r('lone % sign', 'abc%'),
  r('lone surrogate %ED%A0%80', '%ED%A0%80'),
  r('overlong UTF-8 %C0%AF', '%C0%AF'),
];

/** Text no structured field (date, number, enum, id, login …) may take. */
export const ODD_TEXT: Probe[] = [
  t('NUL byte', 'a\u0000b'),
  r('NUL %00 alone', '%00'),
  t('RTL override', '\u202Eevil\u202C'),
  t('emoji', '🙂🔥'),
  t('zero-width space', '\u200B'),
  t('markup', '"><script>alert(1)</script>'),
  t('prototype key', '__proto__'),
  t('constructor', 'constructor'),
  t('control chars', '\u0001\u001b[31m'),
  t('5,000 characters', 'a'.repeat(5000)),
];

export const BLANK: Probe[] = [t('empty string', ''), t('whitespace only', ' \t \u3000 ')];

export const NUMBERS: Probe[] = [
  t('negative', '-1'),
  t('huge integer', '99999999999999999999'),
  t('1e9', '1e9'),
  t('NaN', 'NaN'),
  t('Infinity', 'Infinity'),
  t('-Infinity', '-Infinity'),
  t('1e309', '1e309'),
  t('hex 0x10', '0x10'),
  t('comma decimal', '1,5'),
  t('two numbers', '1 2'),
  t('Arabic-Indic digits', '١٢'),
  t('full-width digits', '１２'),
  t('minus minus', '--1'),
];

export const NON_INTEGERS: Probe[] = [t('fraction', '1.5'), t('exponent fraction', '2.5e1')];

export const DATES: Probe[] = [
  t('9999-12-31', '9999-12-31'),
  t('0000-00-00', '0000-00-00'),
  t('2026-02-30', '2026-02-30'),
  t('month 13', '2026-13-01'),
  t('month 00', '2026-00-10'),
  t('no padding', '2026-1-1'),
  t('six-digit year', '+002026-11-01'),
  t('compact 20261101', '20261101'),
  t('with time', '2026-11-01T00:00:00Z'),
  t('Arabic-Indic digits', '٢٠٢٦-١١-٠١'),
  t('date then NUL', '2026-11-01\u0000'),
  t('negative year', '-001-01-01'),
  t('1e309', '1e309'),
  t('NaN', 'NaN'),
];

export const TIMES: Probe[] = [
  t('24:00', '24:00'),
  t('25:61', '25:61'),
  t('1:00', '1:00'),
  t('12:60', '12:60'),
  t('noon', 'noon'),
  t('-1:00', '-1:00'),
  t('Arabic-Indic digits', '١٢:٠٠'),
];

export const PROBLEMS: Probe[] = [
  t('unknown problem', 'boj:99999999'),
  t('negative number', 'boj:-1'),
  t('exponent', 'boj:1e3'),
  t('no number', 'boj:'),
  t('unknown judge', 'xyz:1000'),
  t('traversal', '../../etc/passwd'),
  t('400 digits', '9'.repeat(400)),
  t('SQL-ish', "boj:1260' OR '1'='1"),
];

export const LOGINS: Probe[] = [
  t('one char', 'a'),
  t('33 chars', 'a'.repeat(33)),
  t('space inside', 'ad min'),
  t('traversal', '../admin'),
  t('leading dash', '-x'),
];
export const EMAILS: Probe[] = [
  t('no @', 'not-an-email'),
  t('no domain dot', 'a@b'),
  t('space', 'a b@c.de'),
  t('300 chars', `${'x'.repeat(300)}@e.com`),
];
export const TIME_ZONES: Probe[] = [
  t('unknown zone', 'Mars/Olympus'),
  t('traversal', '../../etc/localtime'),
  t('UTC+99', 'UTC+99'),
];
export const NEW_PASSWORDS: Probe[] = [
  t('short', 'short'),
  t('one repeated character', 'aaaaaaaaaaaa'),
  t('blank (spaces)', '            '),
];
export const PATHS: Probe[] = [
  t('missing directory', '/nonexistent/cote-fuzz'),
  t('relative missing', 'no/such/dir'),
  t('traversal', '../../../../nonexistent'),
  t('file URL', 'file:///nonexistent/cote-fuzz'),
  t('loopback URL', 'http://127.0.0.1:9/'),
  t('javascript URL', 'javascript:alert(1)'),
];
export const CSVS: Probe[] = [
  t('no header', 'garbage,,,\n;;;'),
  t('unknown problem', 'problem,day,outcome,minutes\nboj:99999999,2026-11-20,solved,30\n'),
  t('day 9999-12-31', 'problem,day,outcome,minutes\nboj:1260,9999-12-31,solved,30\n'),
  t('bad outcome', 'problem,day,outcome,minutes\nboj:1260,2026-11-20,maybe,30\n'),
  t('negative minutes', 'problem,day,outcome,minutes\nboj:1260,2026-11-20,solved,-5\n'),
  t('unterminated quote', 'problem,day,outcome,minutes\n"boj:1260,2026-11-20,solved,30\n'),
];

/** Values for `next` / `back`: each must end in a same-origin path (or be refused), never another host. */
export const REDIRECTS: Probe[] = [
  t('//evil', '//evil.example/x'),
  t('/\\evil', '/\\evil.example/x'),
  r('/%5Cevil (decoded to /\\evil)', '%2F%5Cevil.example'),
  t('https://evil', 'https://evil.example/'),
  t('http:evil', 'http:evil.example'),
  t('\\\\evil', '\\\\evil.example'),
  t('/<tab>/evil', '/\t/evil.example'),
  t('///evil', '///evil.example'),
  t('javascript:', 'javascript:alert(1)'),
  t('CRLF header injection', '/x\r\nSet-Cookie: pwned=1'),
  t('/%2F%2Fevil (literal)', '/%2F%2Fevil.example'),
];
