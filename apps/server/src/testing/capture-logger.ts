import { Writable } from 'node:stream';
import type { Logger } from '@switchboard/core';
import { createLogger } from '../startup/create-logger.js';

/** A real (pino) logger whose output is kept in memory, so tests can search it for canaries. */
export function captureLogger(): { logger: Logger; output: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { logger: createLogger('debug', sink), output: () => chunks.join('') };
}
