/**
 * The workload's writes time out because its Postgres primary waits, at every COMMIT, for a
 * synchronous standby that is not there: the primary's log says it waits for synchronous
 * replication, its synchronous_standby_names names the standby, and that standby's pod cannot run
 * (Pending on a cordoned node or its volume's zone). The standby is what to bring back; clearing
 * the setting is the stopgap, at the cost of commits kept by the primary alone.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { joinAnd } from '../../text.js';
import { formatKubectl } from '../kubectl-command.js';
import { findSyncStandbyWait } from '../sync-standby.js';
import type { StandbyMember } from '../sync-standby.js';
import { formatAgo } from '../time-span.js';

const MEANING =
  'With synchronous_commit on and synchronous_standby_names naming standbys, Postgres confirms a COMMIT only once a synchronous standby has it; with none of them connected every COMMIT waits forever (the primary stays up, reads keep working), so the clients\' writes run into their own deadline. A cancelled wait leaves the transaction committed on the primary alone ("The transaction has already committed locally"), so a client that retries may write twice.';

function describeStandby(s: StandbyMember, now: string): string {
  return `${s.pod} has been ${s.state} since ${formatAgo(s.event.firstSeen, now)}`;
}

/** "1 node(s) were unschedulable" is the scheduler's word for a cordoned node; a volume's zone pins the pod to it. */
function whatHoldsIt(standbys: readonly StandbyMember[]): string | undefined {
  const text = standbys.map((s) => s.unschedulable ?? '').join(' ');
  const cordoned = /were unschedulable/.test(text);
  const zone = /volume node affinity conflict/.test(text);
  const said = standbys.find((s) => s.unschedulable)?.unschedulable;
  if (cordoned && zone) return `the only node in its volume's zone is cordoned: ${said ?? ''}`;
  if (cordoned) return `the node it may run on is cordoned: ${said ?? ''}`;
  if (zone) return `no node it may use is left in its volume's zone: ${said ?? ''}`;
  return said === undefined ? undefined : `the scheduler cannot place it: ${said}`;
}

export function analyzeSyncStandbyMissing(ev: TriageEvidence): Finding[] {
  const wait = findSyncStandbyWait(ev);
  if (!wait) return [];
  const now = ev.collectedAt;
  const db = wait.primary.pod.name;
  const setting = wait.names ? `synchronous_standby_names = '${wait.names.value}'` : undefined;
  const where = wait.names?.configMap ? ` (ConfigMap ${wait.names.configMap}, ${wait.names.key})` : '';
  const held = whatHoldsIt(wait.standbys);
  const members = wait.standbys.map((s) => describeStandby(s, now));
  const standbyWord = wait.standbys.length > 0
    ? `its standby ${joinAnd(members)}${held ? ` (${held})` : ''}`
    : `its synchronous standby is not connected${setting ? '' : ' (synchronous_standby_names was not read)'}`;
  const title = `${db}'s commits wait for synchronous replication${setting ? ` (${setting})` : ''} and ${standbyWord}, so the writes time out while reads work`;
  const standbyPods = wait.standbys.map((s) => s.pod);
  const bring = wait.standbys.length === 0
    ? 'bring the standby that synchronous_standby_names names back and connected'
    : held && /cordoned/.test(held)
      ? `get ${joinAnd(standbyPods)} scheduled: uncordon the node in its volume's zone (kubectl uncordon), or add a node in that zone`
      : `get ${joinAnd(standbyPods)} running again`;
  const stopgap = `until it is back, if writes must go on, clear synchronous_standby_names on the primary knowingly (ALTER SYSTEM SET synchronous_standby_names = ''; SELECT pg_reload_conf()${where ? `, and in the ConfigMap${where}` : ''}) — commits are then kept by the primary alone`;
  return [
    {
      id: `sync-standby/${wait.primary.service}`,
      kind: 'cluster-state',
      title,
      layer: 'storage',
      severity: 'critical',
      confidence: wait.standbys.length > 0 && wait.names ? 'high' : 'medium',
      evidence: [
        ...wait.lines.slice(0, 2).map((l) => `log ${db}: ${l}`),
        ...(setting ? [`${setting}${where}${wait.synchronousCommit ? `; synchronous_commit = ${wait.synchronousCommit}` : ''}`] : []),
        ...wait.standbys.map((s) => `${s.pod}: ${s.event.reason} ${s.event.message} (${s.event.count}×, last ${formatAgo(s.event.lastSeen, now)})`),
      ],
      decisive: wait.lines[0] ?? '',
      likelyCause: `${MEANING}${wait.standbys.length > 0 ? ` ${joinAnd(members)}, so no synchronous standby is connected.` : ''}`,
      nextAction: `Bring the standby back: ${bring}; ${stopgap}.`,
      fix: bring,
      ...(wait.since ? { onset: wait.since } : {}),
      // The title dates the standby's loss (a drain, a cordon): that is the change, not "none found".
      ...(wait.standbys.length > 0 ? { datesChange: true as const } : {}),
      confirmCommands: [
        formatKubectl(ev.target, `exec ${db} -- psql -U postgres -c "SHOW synchronous_standby_names" -c "SELECT application_name, state, sync_state FROM pg_stat_replication"`),
        ...standbyPods.slice(0, 1).map((p) => formatKubectl(ev.target, `describe pod ${p}`)),
        'kubectl get nodes -L topology.kubernetes.io/zone',
      ],
      affected: { pods: [db, ...standbyPods] },
    },
  ];
}
