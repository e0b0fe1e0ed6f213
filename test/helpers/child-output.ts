/** Start-up waits for bots run as child processes: the line they print once they are up. */
import type { ChildProcess } from 'node:child_process';
import { PROCESS_START_MS } from './deadline.js';

/**
 * Resolves with the first whole stdout line matching `pattern` (lines may arrive split across
 * chunks). Rejects if the child exits first, or after PROCESS_START_MS, with what it printed.
 */
export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = PROCESS_START_MS): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const settle = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    };
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      for (const line of seen.split('\n').slice(0, -1)) {
        const match = pattern.exec(line);
        if (match === null) continue;
        settle();
        resolve(match);
        return;
      }
    };
    const onExit = (code: number | null, signal: string | null): void => {
      settle();
      reject(new Error(`exited (${signal ?? code}) before printing a line matching ${pattern}; stdout: ${seen}`));
    };
    const timer = setTimeout(() => {
      settle();
      reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; stdout: ${seen}`));
    }, timeoutMs);
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}
