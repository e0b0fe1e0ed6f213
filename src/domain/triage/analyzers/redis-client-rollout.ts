/**
 * The workload's Redis calls time out while nothing of its own holds Redis, and another client of
 * the same Redis rolled out just before the timeouts began (redis-client-rollout.ts). Redis serves
 * one command at a time, so what that client's new release runs against it (a KEYS over millions
 * of keys, a FLUSHALL, a whole large collection) makes every other client wait. The finding names
 * that Deployment and its revision as the change to test, not the workload (unchanged) or Redis.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { findSharedRedisTimeouts, sameRedis } from '../redis-client-rollout.js';
import { type KeyspaceWalk, findKeyspaceWalks, formatKeyCount, holdsServer } from '../keyspace-walk.js';
import { formatAgo } from '../time-span.js';
import { pickTiedRollout } from '../tied-rollout.js';
import { truncate } from '../../text.js';

/** "KEYS * over ~5.2 million keys, 6.4–7.9 s a run", from the other client's own log. */
function describeWalks(walks: readonly KeyspaceWalk[]): string | undefined {
  const named = walks.filter((w) => w.command !== undefined);
  const top = named[0];
  if (top === undefined) return undefined;
  const what = top.command === 'KEYS' && top.pattern !== undefined ? `KEYS ${top.pattern}` : top.command;
  const keys = Math.max(0, ...named.map((w) => w.keys ?? 0));
  const ms = named.flatMap((w) => (w.ms !== undefined ? [w.ms] : []));
  const s = (x: number) => (x / 1000).toFixed(1);
  const held = ms.length === 0 ? '' : `, ${Math.min(...ms) === Math.max(...ms) ? s(ms[0] as number) : `${s(Math.min(...ms))}–${s(Math.max(...ms))}`} s a run`;
  return `${what}${keys > 0 ? ` over ~${formatKeyCount(keys)} keys` : ''}${held}`;
}

export function analyzeRedisClientRollout(ev: TriageEvidence): Finding[] {
  const found = findSharedRedisTimeouts(ev);
  if (found === undefined || found.onset === undefined) return [];
  const pods = unique(found.timeouts.map((t) => t.pod));
  const other = pickTiedRollout(ev, { onset: found.onset, pods, lines: found.timeouts.map((t) => t.line), strongEnv: sameRedis(undefined), bearing: /image|redis|KEYS|SCAN|refresh|interval/i, tiedOnly: true });
  if (other === undefined || other.previous === undefined) return [];
  const now = ev.collectedAt;
  // Its own log, where read: the blocking command it runs, with its keys and seconds.
  const theirs = (ev.redisClientLogs ?? []).filter((l) => l.pod.startsWith(`${other.deployment}-`));
  const walks = theirs.flatMap((l) => findKeyspaceWalks(l.pod, l.lines, now)).filter(holdsServer);
  const runs = describeWalks(walks);
  const redis = `Redis ${found.service}`;
  const change = other.changes[0];
  const rolled = `${other.deployment} rolled out revision ${other.newest.revision}${change ? ` (${change})` : ''} ${formatAgo(other.newest.createdAt, now)}`;
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const failing = podObjects.filter((p) => !p.ready).length;
  const last = found.timeouts[found.timeouts.length - 1];
  const undo = `kubectl -n ${ev.target.namespace} rollout undo deployment/${other.deployment} --to-revision=${other.previous.revision}`;
  return [{
    id: `slow-dependency/redis-client-rollout/${found.service}`,
    kind: 'slow-dependency',
    title: `${redis} answers this workload's calls too late (${found.timeouts.length} Redis timeouts in ${pods.length} pod${pods.length === 1 ? '' : 's'} since ${formatAgo(found.onset, now)}) right after ${rolled} — another client of the same Redis${runs ? `, whose log shows ${runs}: Redis runs one command at a time, so every other client waits meanwhile` : '; Redis runs one command at a time, so a heavier command of that release (KEYS over the keyspace, FLUSHALL, a whole large collection) makes every client wait'}`,
    layer: 'network/routing',
    severity: failing > 0 ? severityForPods(ev, failing) : 'warning',
    confidence: runs ? 'high' : 'medium',
    evidence: [
      `${found.timeouts.length} Redis timeout lines in ${pods.slice(0, 3).join(', ')}, the first ${formatAgo(found.onset, now)}`,
      ...(last ? [`log ${last.pod}: ${truncate(last.line, 300)}`] : []),
      `${other.deployment}: ${other.by ?? 'another client of the same Redis'}; revision ${other.newest.revision} ${formatAgo(other.newest.createdAt, now)} (before: revision ${other.previous.revision})`,
      ...(runs && walks[0] ? [`log ${walks[0].pod}: ${truncate(walks[0].line, 300)}`] : []),
      ...other.changes.slice(0, 3).map((c) => `${other.deployment} revision ${other.newest.revision}: ${c}`),
    ],
    ...(last ? { decisive: truncate(last.line, 200) } : {}),
    onset: found.onset,
    outsideWorkload: `${other.deployment}, another client of the Redis both use, changed; any revision of this workload waits behind it the same way`,
    datesChange: true,
    likelyCause: `${redis} serves one command at a time. Nothing in this workload's own logs holds it, and its revision is older than the timeouts; ${other.deployment}, whose env points at the same Redis, rolled out revision ${other.newest.revision} ${formatAgo(other.newest.createdAt, now)}, just before they began. A blocking command of its new release (KEYS over millions of keys, FLUSHALL without ASYNC, SMEMBERS/HGETALL of a huge collection) or a flood of its calls holds Redis for seconds, and every other client's read passes its timeout meanwhile. Confirm with ${other.deployment}'s log and Redis's SLOWLOG.`,
    nextAction: `Roll back ${other.deployment} to revision ${other.previous.revision} (${undo}) to unblock ${redis} now; then find the command it runs in its log or in redis-cli SLOWLOG GET, and replace a blocking KEYS with SCAN MATCH … COUNT in small batches (rename-command KEYS on a shared Redis keeps it from coming back).`,
    fix: `replace ${other.deployment}'s blocking Redis command (KEYS) with SCAN in small batches`,
    confirmCommands: [
      formatKubectl(ev.target, `logs deployment/${other.deployment} --tail=200`),
      formatKubectl(ev.target, `exec svc/${found.service} -- redis-cli slowlog get 10`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), services: [found.service] },
  }];
}
