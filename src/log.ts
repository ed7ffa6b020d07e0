import { pino, type Logger as Pino } from 'pino';

/**
 * The one logger: pino writing one JSON line per event ({ level: 'info', time, msg, …fields }) to stderr, at
 * LOG_LEVEL and above. Features see only this small interface; the web edge's access log (src/web/accessLog.ts) writes
 * through `pino` directly.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  readonly pino: Pino;
}

export function createLogger(
  level: Level | 'silent' = 'info',
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const destination = { write: (line: string) => write(line.replace(/\n$/, '')) };
  const logger = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  const emit =
    (at: Level) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      logger[at](fields, msg);
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error'), pino: logger };
}

export const silentLogger: Logger = createLogger('silent');
