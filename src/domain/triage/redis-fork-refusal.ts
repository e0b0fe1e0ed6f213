/**
 * Redis cannot fork for its background save ("# Can't save in background: fork: Cannot allocate
 * memory"). The pod stays Running and Ready, but with stop-writes-on-bgsave-error yes (the
 * default) Redis answers every write with MISCONF until a save succeeds, so its clients fail. A
 * fork that the kernel refuses while the host has memory is the node's strict overcommit
 * (vm.overcommit_memory=2, or 0 with a large dataset): Redis warns of it at start ("Memory
 * overcommit must be enabled!"). Pure: reads Redis's own log lines only.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

const FORK_FAILED = /Can't save in background: fork: ([^\n]+)/;
const OVERCOMMIT_WARNING = /Memory overcommit must be enabled/;

export function explainRedisForkRefusal(errors: readonly string[], lines: readonly string[]): ClientDiagnosis | undefined {
  const failed = [...errors, ...lines].map((l) => FORK_FAILED.exec(l)).find((m) => m !== null);
  if (!failed) return undefined;
  const reason = (failed[1] ?? '').trim();
  const warned = lines.some((l) => OVERCOMMIT_WARNING.test(l));
  const overcommit = warned ? '; Redis warns at start that the node\'s vm.overcommit_memory is not 1 ("Memory overcommit must be enabled!")' : '';
  const summary = `Redis cannot fork for its background save (fork: ${reason}), so with stop-writes-on-bgsave-error it refuses every write with MISCONF${overcommit}`;
  const fix = 'set vm.overcommit_memory=1 on the nodes that run Redis (or move it back to nodes that have it), or meanwhile turn off stop-writes-on-bgsave-error (CONFIG SET stop-writes-on-bgsave-error no) or RDB saves';
  return {
    summary,
    title: (where) => `${summary} (${where})`,
    likelyCause:
      `Every BGSAVE forks the Redis process; the kernel refuses the fork (${reason}) when it accounts memory strictly (vm.overcommit_memory=2, or 0 with a dataset near the node's free memory), even though copy-on-write would need little. ` +
      'With stop-writes-on-bgsave-error yes (the default) Redis then answers every write with "MISCONF … unable to persist to disk" until a save succeeds, while the pod stays Running and Ready and reads still work. A move to nodes with another sysctl profile is the usual trigger.',
    nextAction: `Check vm.overcommit_memory on the node that runs Redis (cat /proc/sys/vm/overcommit_memory, or the node group's sysctl settings); ${fix}.`,
    fix,
  };
}
