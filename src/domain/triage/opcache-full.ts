/**
 * PHP's OPcache keeps compiled scripts in a fixed shared-memory segment (opcache.memory_consumption,
 * MB). When a code base outgrows it, OPcache logs "Not enough free shared space to allocate N bytes"
 * (or "Insufficient shared memory") and every script that does not fit is compiled again on every
 * request: latency multiplies and CPU saturates, nothing crashes. A pool at pm.max_children then is
 * a symptom (workers held by recompiling), not the cause.
 */
import type { LogEvidence } from './evidence.js';

const OPCACHE_FULL = /Not enough free shared space to allocate \d+ bytes|Insufficient shared memory|OPcache[^\n]*(?:out of|ran out of) (?:shared )?memory/i;

/** Lines that say OPcache's shared memory is full, enough of them to be a state (not one blip). */
export const MIN_OPCACHE_FULL_LINES = 3;

export function isOpcacheFullLine(line: string): boolean {
  return OPCACHE_FULL.test(line);
}

/** Current logs whose OPcache says its shared memory is full, again and again. */
export function listOpcacheFullLogs(logs: readonly LogEvidence[]): { log: LogEvidence; lines: string[] }[] {
  return logs
    .filter((l) => !l.previous)
    .map((log) => ({ log, lines: log.lines.filter(isOpcacheFullLine) }))
    .filter((x) => x.lines.length >= MIN_OPCACHE_FULL_LINES);
}
