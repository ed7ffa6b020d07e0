/**
 * The clock the server and the CLI read: the real one, or one that starts at `start` (COTE_CLOCK_START) and then runs
 * at normal speed, so that a test or a demo can run on a chosen day.
 */
export function clockFrom(start: string, real: () => number = Date.now): () => Date {
  if (start === '') return () => new Date(real());
  const offset = Date.parse(start) - real();
  return () => new Date(real() + offset);
}
