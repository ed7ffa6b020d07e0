import { expect } from 'chai';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { parseEml } from '../../src/digest/eml.ts';

/** RFC 822 bytes exactly as the outbox writes them (nodemailer's stream transport, unix newlines). */
async function eml(message: SendMailOptions): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return (
    (await transport.sendMail({
      from: 'cote <cote@localhost>',
      to: 'mina@example.com',
      date: new Date('2026-11-28T12:00:00Z'),
      ...message,
    })) as unknown as { message: Buffer }
  ).message;
}

describe('parseEml() – reading back the outbox', () => {
  const cases: [string, SendMailOptions][] = [
    [
      'a Korean digest (long subject, quoted-printable HTML, base64 text)',
      {
        subject: '[cote] D-12 · 오늘 3문제 풂 · 5일 연속 “잘했어요” — 내일도 화이팅! 그래프 탐색과 시뮬레이션',
        html: `<!doctype html><html><body><h1 style="color:#1d2330;">미나님의 오늘</h1>${'<p><a href="https://www.acmicpc.net/problem/1260?a=1&b=2">DFS와 BFS</a> = 풀었음</p>'.repeat(30)}</body></html>`,
        text: `미나님의 오늘 (2026-11-28)\n${'- DFS와 BFS https://www.acmicpc.net/problem/1260\n'.repeat(30)}`,
      },
    ],
    [
      'an English test email (ASCII only)',
      {
        subject: '[cote] Test email',
        text: 'This is a test to mina@example.com.',
        html: '<p>This is a test to mina@example.com.</p>',
      },
    ],
    ['a text-only message', { subject: 'plain', text: 'only = text\nline two' }],
    [
      'a message with an attachment (multipart/mixed around alternative)',
      {
        subject: 'with a file',
        text: 'see the file',
        html: '<p>see the file</p>',
        attachments: [{ filename: 'a.txt', content: 'not the body' }],
      },
    ],
  ];
  for (const [name, message] of cases) {
    it(`parseEml() – ${name} – the subject, HTML and text that were sent`, async () => {
      const mine = await parseEml(await eml(message));
      expect(mine.subject).to.equal(message.subject);
      expect(mine.html).to.equal(message.html ?? null);
      expect(mine.text?.trimEnd() ?? null).to.equal((message.text as string | undefined)?.trimEnd() ?? null);
      expect(mine.from).to.equal('cote <cote@localhost>');
      expect(mine.to).to.equal('mina@example.com');
      expect(mine.date).to.equal('Sat, 28 Nov 2026 12:00:00 +0000');
    });
  }

  it('parseEml() – CRLF line ends, a preamble, an EUC-KR part, Q-encoded words – decoded all the same', async () => {
    const korean = Buffer.from([0xbe, 0xc8, 0xb3, 0xe7]); // 안녕 in EUC-KR
    const raw = Buffer.concat([
      Buffer.from(
        'Subject: =?UTF-8?Q?=EC=98=A4=EB=8A=98_=ED=92=80=EC=9D=B4?= and =?UTF-8?B?7JWI?=\r\n =?UTF-8?B?64WV?=\r\n',
      ),
      Buffer.from('Content-Type: multipart/alternative; boundary=XYZ\r\n\r\nThis is a preamble.\r\n--XYZ\r\n'),
      Buffer.from('Content-Type: text/plain; charset=euc-kr\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'),
      korean,
      Buffer.from(
        '\r\n--XYZ\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n',
      ),
      Buffer.from('<p class=3D"x">=EC=95=88=\r\n=EB=85=95</p>\r\n--XYZ--\r\nepilogue\r\n'),
    ]);
    const parsed = await parseEml(raw);
    expect(parsed.subject).to.equal('오늘 풀이 and 안녕');
    expect(parsed.text).to.equal('안녕');
    expect(parsed.html).to.equal('<p class="x">안녕</p>');
  });
});
