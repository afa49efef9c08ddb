import type { FunctionLog } from './function-runtime.js';

/** What an execution record keeps of a run's logs: the response may carry up to 1 MB, the log table not. */
export const maxStoredLogBytes = 64 * 1024;
/** Longest stored error message (characters). */
export const maxStoredErrorLength = 2_000;

/**
 * The leading log entries whose JSON fits in `maxBytes`, and whether any were left out. The
 * beginning of a run usually says most about how it went wrong; a run that logs in a loop
 * would otherwise fill the table.
 */
export function boundLogs(logs: readonly FunctionLog[], maxBytes = maxStoredLogBytes): { logs: FunctionLog[]; truncated: boolean } {
  const kept: FunctionLog[] = [];
  let size = 2;
  for (const log of logs) {
    const entry = { level: log.level, message: log.message, at: log.at };
    const bytes = Buffer.byteLength(JSON.stringify(entry), 'utf8') + 1;
    if (size + bytes > maxBytes) return { logs: kept, truncated: true };
    size += bytes;
    kept.push(entry);
  }
  return { logs: kept, truncated: false };
}
