import type { Logger } from '@switchboard/core';
import { pino } from 'pino';

/**
 * JSON logs on stdout. Redaction is a second line of defence only: code never passes secrets to
 * the logger in the first place (tests check the captured output for canaries).
 */
export function createLogger(level: 'debug' | 'info' | 'warn' | 'error' | 'silent', destination?: NodeJS.WritableStream): Logger {
  const logger = pino(
    {
      level,
      base: { service: 'switchboard' },
      redact: { paths: ['*.accessToken', '*.refreshToken', '*.clientSecret', '*.authorization', '*.token', 'accessToken', 'refreshToken', 'clientSecret', 'token'], censor: '[redacted]' },
    },
    destination ?? process.stdout,
  );
  return {
    debug: (fields, message) => logger.debug(fields, message),
    info: (fields, message) => logger.info(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message),
  };
}
