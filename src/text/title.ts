/** A problem title is at most this many characters (code points) once cleaned. */
export const MAX_TITLE_LENGTH = 300;

// C0 controls (ESC, BEL, NUL, CR, LF, TAB …), DEL, C1 controls, and the bidirectional overrides and isolates that
// can make a title read differently from what it is.
const CONTROLS = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/**
 * A title as cote stores and prints it, from text nobody checked (a remote README, a judge's API, a list): control
 * characters become spaces, runs of white space one space, the ends trimmed, and at most MAX_TITLE_LENGTH code points
 * kept (an ellipsis marks a cut). `fallback` (the problem id, say) when nothing is left.
 */
export function cleanTitle(raw: unknown, fallback = ''): string {
  const text = (typeof raw === 'string' ? raw : '').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') return fallback;
  const points = Array.from(text);
  return points.length <= MAX_TITLE_LENGTH ? text : `${points.slice(0, MAX_TITLE_LENGTH - 1).join('')}…`;
}

/**
 * Text for a terminal: every control character but line feed, tab and the CR of a CRLF is dropped, so a title
 * holding ESC or BEL (a colour code, a title-bar escape, a bell) prints as text and never drives the terminal.
 */
export function terminalSafe(text: string): string {
  return text.replace(/(?!\r\n)(?![\n\t])\p{Cc}/gu, '');
}
