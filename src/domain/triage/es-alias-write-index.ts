/**
 * An Elasticsearch (or OpenSearch) alias that no longer has a write index: a write to an alias
 * goes to its one index, or to the index marked is_write_index=true when it points at several.
 * An alias given a second index without that flag (a manual reindex, a hand-made rollover), or
 * whose flag was set false, refuses every write with 400 illegal_argument_exception "no write
 * index is defined for alias [logs-write]". The cluster is green and answers; each bulk item is
 * refused, and a shipper such as Logstash logs it at WARN and drops the event. The fix is on the
 * alias (POST _aliases with is_write_index=true on the newest index), not in the writers.
 * Pure: reads the writers' log lines only.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

/** The server's own reason, as it answers each refused write (any client, any log level). */
const NO_WRITE_INDEX = /no write index is defined for alias \[([^\]\s]+)\]/;

/** Whether a line carries a write refused for an alias without a write index: lost data, whatever level logs it. */
export function isAliasWithoutWriteIndex(line: string): boolean {
  return NO_WRITE_INDEX.test(line);
}

export function explainAliasWithoutWriteIndex(errors: readonly string[], lines: readonly string[]): ClientDiagnosis | undefined {
  const line = [...errors, ...lines].find((l) => NO_WRITE_INDEX.test(l));
  if (line === undefined) return undefined;
  const alias = NO_WRITE_INDEX.exec(line)?.[1] ?? '';
  const status = /\bstatus(?:"=>|: |":)\s*(4\d\d)\b/.exec(line)?.[1] ?? '400';
  const dropped = /Could not index event/i.test(line) ? ' and the events are dropped' : '';
  const fix = `set a write index on alias [${alias}]: POST _aliases with {"add":{"index":"<its newest index>","alias":"${alias}","is_write_index":true}} (and remove the older index from it)`;
  return {
    summary: `every write to alias [${alias}] is refused with ${status} illegal_argument_exception "no write index is defined for alias [${alias}]"${dropped}`,
    likelyCause:
      `The alias [${alias}] points at no index marked is_write_index=true: it was given a second index without the flag, or the flag was set false (a manual reindex or rollover, an _aliases call by hand or by a Job). ` +
      `Elasticsearch then refuses every write to the alias with 400 while the cluster stays green and reads still work; the writers are not at fault and restarting them changes nothing.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; GET _alias/${alias} shows which indices it points at and which, if any, is the write index. Look for the Job or person that changed the alias just before the refusals began.`,
    fix,
  };
}
