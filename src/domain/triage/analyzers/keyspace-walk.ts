/**
 * The workload's Redis reads time out, and its own pods run a job that walks the keyspace with one
 * blocking command (keyspace-walk.ts): KEYS over millions of keys, for seconds each run, the
 * timeouts inside those seconds. Redis serves one command at a time, so the job holds every other
 * command of every client for as long as it runs: the job is the mechanism, not Redis (Running and
 * Ready) nor the network. The process runs it since it started, so the revision its pods run is the
 * trigger; the fix is SCAN with a COUNT in small batches (or a TTL on the keys) instead.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { readLogLineTime } from '../log-line-time.js';
import { type KeyspaceWalk, findKeyspaceWalks, formatKeyCount, holdsServer, isDuringWalk, quoteWalkLine, readWalkInterval } from '../keyspace-walk.js';
import { isPodFailing, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { MIN_REDIS_TIMEOUTS, findRedisService, findRedisTimeouts } from '../redis-costly-setting.js';
import { sortRevisions } from '../revision-diff.js';
import { earliest, formatSpan } from '../time-span.js';
import { capitalize } from '../../text.js';

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1).replace(/\.0$/, '');
}

/** "KEYS sess:*", "FLUSHALL", or the pass itself when no line names its command. */
function describeCommand(w: KeyspaceWalk): string {
  if (w.command === undefined) return `A pass over the keys matching ${w.pattern ?? '?'}`;
  return w.pattern !== undefined && w.command === 'KEYS' ? `KEYS ${w.pattern}` : w.command;
}

export function analyzeKeyspaceWalk(ev: TriageEvidence): Finding[] {
  const own = new Map(ev.pods.map((p) => [p.name, p]));
  const walks = ev.logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => findKeyspaceWalks(l.pod, l.lines, ev.collectedAt)).filter(holdsServer);
  if (walks.length === 0) return [];
  const timeouts = findRedisTimeouts(ev);
  if (timeouts.length < MIN_REDIS_TIMEOUTS) return [];
  const timed = timeouts.map((t) => readLogLineTime(t.line, ev.collectedAt)).filter((t) => t !== undefined);
  const windows = walks.filter((w) => w.from !== undefined && w.to !== undefined);
  const during = timed.filter((t) => isDuringWalk(t, windows)).length;
  const named = walks.some((w) => w.command !== undefined);
  // When both sides carry their clocks, the timeouts must fall inside the runs; a pass whose command no line names needs that to hold for most of them.
  const canTell = timed.length > 0 && windows.length > 0;
  if (canTell && (named ? during === 0 : during * 2 < timed.length)) return [];
  if (!canTell && !named) return [];

  const byCommand = [...walks].sort((a, b) => Number(b.command !== undefined) - Number(a.command !== undefined));
  const top = byCommand[0] as KeyspaceWalk;
  const same = walks.filter((w) => w.command === top.command && w.pattern === top.pattern);
  const keys = Math.max(0, ...same.map((w) => w.keys ?? 0));
  const durations = same.flatMap((w) => (w.ms !== undefined ? [w.ms] : []));
  const lo = Math.min(...durations);
  const hi = Math.max(...durations);
  const held = durations.length === 0 ? 'seconds' : lo === hi || hi - lo < 500 ? `~${seconds(hi)} s` : `${seconds(lo)}–${seconds(hi)} s`;
  const walkers = unique(same.map((w) => w.pod));
  const interval = readWalkInterval(same);
  const every = interval !== undefined ? `, every ~${formatSpan(interval)}${walkers.length > 1 ? ` from each of ${walkers.length} pods` : ''}` : walkers.length > 1 ? `, from ${walkers.length} pods` : '';
  const redis = findRedisService(ev.pods, ev.target);
  const server = redis ? `Redis ${redis.service}` : 'Redis';
  const what = describeCommand(top);
  const job = top.message !== undefined ? ` ("${top.message}")` : '';
  const over = keys > 0 ? ` over ~${formatKeyCount(keys)} keys` : '';
  const victims = unique(timeouts.map((t) => t.pod));
  const podObjects = ev.pods.filter((p) => victims.includes(p.name) || walkers.includes(p.name));
  const failing = podObjects.filter((p) => !p.ready || isPodFailing(p, ev.collectedAt)).length;
  const inside = canTell ? `, ${during} of ${timed.length} during a run` : '';

  // Only the newest revision's pods run it, and none of an older one: the release brought the job.
  const [newest, before] = sortRevisions(ev.revisions);
  const walkerPods = walkers.flatMap((n) => own.get(n) ?? []);
  const ofNewest = newest !== undefined && walkerPods.every((p) => p.revisionHash === newest.hash) && ev.pods.filter((p) => p.revisionHash !== newest.hash).every((p) => !walkers.includes(p.name));
  const back = ofNewest && before !== undefined ? `roll back to revision ${before.revision}` : undefined;
  const turnOff = `turn the job off${back ? ` (its setting, or ${back})` : ''}`;
  const instead = top.command === 'KEYS' || top.command === undefined
    ? `rewrite it with SCAN ${top.pattern !== undefined ? `MATCH ${top.pattern} ` : ''}COUNT in small batches, or give the keys a TTL so ${server} expires them itself`
    : top.command.startsWith('FLUSH')
      ? `use ${top.command} ASYNC (or UNLINK in batches) so the freeing happens off the main thread`
      : `read the collection in batches (SSCAN/HSCAN with COUNT) instead of ${top.command} whole`;
  const fix = `${instead}; run it from one replica, not from each`;
  // The process runs the job since it started: its pods' start is when the blocking began.
  const onset = earliest(walkerPods.map((p) => p.startTime ?? p.createdAt));
  const sample = same[same.length - 1] as KeyspaceWalk;
  const timeoutLine = timeouts[timeouts.length - 1];
  return [{
    id: `lock-wait/keyspace-walk/${redis?.service ?? 'redis'}`,
    kind: 'lock-wait',
    title: `${what}${job}${over} blocks ${server} for ${held} a run${every}: Redis runs one command at a time, so every other command waits and the workload's Redis reads time out (${timeouts.length} lines in ${victims.length} pod${victims.length === 1 ? '' : 's'}${inside})`,
    layer: 'container/process',
    severity: failing > 0 ? severityForPods(ev, failing) : 'warning',
    confidence: named && canTell ? 'high' : 'medium',
    evidence: [
      `${same.length} run${same.length === 1 ? '' : 's'} of ${what} in the logs of ${walkers.slice(0, 3).join(', ')}${walkers.length > 3 ? ', …' : ''}${over}${durations.length > 0 ? `, ${held} each` : ''}`,
      `log ${sample.pod}: ${clip(sample.line, 300)}`,
      ...(timeoutLine ? [`log ${timeoutLine.pod}: ${clip(timeoutLine.line, 300)}`] : []),
      ...(canTell ? [`${during} of ${timed.length} Redis timeouts fall inside a run`] : []),
    ],
    decisive: clip(quoteWalkLine(sample.line), 200),
    likelyCause:
      `${what}${over} is one command: ${server} serves commands one at a time, so for the ${held} it runs no other client's command is served — every GET, SET and ping waits behind it, and clients whose read timeout is shorter fail with a timeout though ${server} is up and Ready. ` +
      `The workload's own job runs it${interval !== undefined ? ` every ~${formatSpan(interval)}` : ''}${walkers.length > 1 ? ' on every replica' : ''}, and it grows with the keyspace. A restart of Redis or of the pods changes nothing; the job must stop using a blocking command.`,
    nextAction: `${capitalize(turnOff)} to unblock ${server} now; then ${fix}.`,
    fix,
    ...(onset ? { onset } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${sample.pod} --tail=300`),
      ...(redis ? [formatKubectl(ev.target, `exec svc/${redis.service} -- redis-cli slowlog get 10`), formatKubectl(ev.target, `exec svc/${redis.service} -- redis-cli dbsize`)] : []),
    ],
    affected: { pods: unique([...victims, ...walkers]), nodes: listNodesOf(podObjects), ...(redis ? { services: [redis.service] } : {}) },
  }];
}
