import { pino } from 'pino';
import type { Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** JSON logs to stdout; tokens and secrets are redacted wherever they appear as fields. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { app: 'rootcause' },
    redact: {
      paths: ['token', 'botToken', 'appToken', 'signingSecret', 'apiToken', 'secrets', '*.token', '*.botToken', '*.apiToken', 'headers.authorization'],
      censor: '[redacted]',
    },
  });
}
