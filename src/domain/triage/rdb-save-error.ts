/**
 * Why a Redis background save failed, in Redis's own log (the forked child `C` or the parent `M`):
 * `# Write error saving DB on disk: No space left on device`, `# Failed opening the temp RDB file
 * temp-27730.rdb (in server root dir /data) for saving: Permission denied`, `# Can't save in
 * background: fork: Cannot allocate memory`. With stop-writes-on-bgsave-error yes, that failure is
 * what every client's MISCONF answer stands for; the client's own error never says which it was.
 */
import type { ServerExplanation } from './server-explanation.js';

export const RDB_SAVE_ERROR: ServerExplanation = {
  pattern: /(Write error saving DB on disk|Failed opening the (?:temp )?RDB file \S+ \(in server root dir ([^)]+)\) for saving|Can't save in background: fork|Error moving temp DB file \S+ on the final destination \S+ \(in server root dir ([^)]+)\)):\s*(\S[^\n]*)/,
  describe: (m) => ({ said: `its own log says every background save fails: ${m[1] ?? ''}: ${(m[4] ?? '').trim()}` }),
};
