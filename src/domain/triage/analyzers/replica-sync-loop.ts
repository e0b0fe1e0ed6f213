/**
 * Redis replicas that never finish a full resync: their own logs start a sync and lose the link
 * again and again ("MASTER <-> REPLICA sync started", "I/O error trying to sync with MASTER:
 * connection lost"), so they never hold the data and — with replica-serve-stale-data no — answer
 * every read MASTERDOWN while their probe (a PING) passes. The primary's log (the one they name,
 * read for this) says why it closed them: "scheduled to be closed ASAP for overcoming of output
 * buffer limits" is client-output-buffer-limit replica, outgrown by the writes queued during the
 * snapshot and its transfer, so each new attempt ends the same way until the limit is raised.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { joinAnd } from '../../text.js';
import { formatKubectl } from '../kubectl-command.js';
import { condenseBufferDrop, formatRedisBytes, parseRedisBytes, readPrimaryReplicaDrops, readReplicaSyncLoops, readReplicationSettings } from '../redis-replication-log.js';
import type { ReplicaSyncLoop, ReplicationSettings } from '../redis-replication-log.js';
import { shortPodName } from '../pinned-server-pod.js';
import { msBetween } from '../time-span.js';

/** Redis's defaults when no config line sets them. */
const DEFAULT_LIMIT = { hard: '256mb', soft: '64mb', seconds: '60' };
const DEFAULT_BACKLOG = '1mb';
const MB = 1024 ** 2;
/** How much to raise a limit that every full sync outgrows: an example to size from, not a measure. */
const RAISE = 8;

export function analyzeReplicaSyncLoop(ev: TriageEvidence): Finding[] {
  const own = new Set(ev.pods.map((p) => p.name));
  const read = new Set(ev.logs.filter((l) => !l.previous && own.has(l.pod)).map((l) => l.pod));
  const loops = readReplicaSyncLoops(ev.logs.filter((l) => own.has(l.pod)));
  if (loops.length === 0) return [];
  return [describe(ev, loops, read.size)];
}

/** The mean time between one replica's lost links, in seconds, where its lines give their times. */
function periodSeconds(loops: readonly ReplicaSyncLoop[]): number | undefined {
  const times = loops.map((l) => l.lostAt).find((t) => t.length >= 2);
  if (times === undefined) return undefined;
  const span = msBetween(times[0] ?? '', times[times.length - 1] ?? '');
  return span > 0 ? Math.round(span / (times.length - 1) / 1000) : undefined;
}

/** What the replicas answer while no sync completes, from replica-serve-stale-data where it was read: a few words for the title, and the whole. */
function whatReadsGet(settings: ReplicationSettings, configRead: boolean): { short: string; long: string } {
  const stale = settings.serveStaleData;
  if (stale?.value === 'no') {
    return {
      short: 'meanwhile they answer reads MASTERDOWN (replica-serve-stale-data no)',
      long: `with replica-serve-stale-data no (ConfigMap ${stale.where.configMap}) they answer every read MASTERDOWN ("Link with MASTER is down and replica-serve-stale-data is set to 'no'") until a sync completes, and LOADING while they load one`,
    };
  }
  if (stale !== undefined || configRead) {
    return {
      short: `meanwhile they serve ever staler data (replica-serve-stale-data ${stale === undefined ? 'not set: yes' : stale.value})`,
      long: 'with replica-serve-stale-data yes (the default) they serve the data of their last sync, ever staler, and answer LOADING while they load a new one',
    };
  }
  return {
    short: 'meanwhile they answer reads MASTERDOWN, or stale data (per replica-serve-stale-data)',
    long: 'meanwhile they answer reads MASTERDOWN ("Link with MASTER is down") if replica-serve-stale-data is no, else serve ever staler data',
  };
}

function describe(ev: TriageEvidence, loops: readonly ReplicaSyncLoop[], readCount: number): Finding {
  const first = loops[0] as ReplicaSyncLoop;
  const primary = ev.replicationPrimary;
  const primaryName = primary?.pod.name ?? (first.primary ? shortPodName(first.primary.host) : 'the primary');
  const drops = primary ? readPrimaryReplicaDrops(primary.logs) : undefined;
  const settings = readReplicationSettings(primary?.settings ?? []);
  const configRead = (primary?.configMaps?.length ?? 0) > 0;
  const pods = loops.map((l) => l.pod);
  const who = `${loops.length === readCount ? (loops.length === 1 ? 'The replica' : 'The replicas') : `${loops.length} of the ${readCount} replicas read,`} ${joinAnd(pods.slice(0, 3))}${pods.length > 3 ? ', …' : ''}`;
  const lost = Math.max(...loops.map((l) => l.lost));
  const every = periodSeconds(loops);
  const loop = every !== undefined ? `they retry about every ${every} s` : `they retry (${lost} lost links in ${loops.length === 1 ? 'its' : 'each'} log tail)`;
  const limit = settings.replicaBufferLimit;
  const limitValue = `${limit?.hard ?? DEFAULT_LIMIT.hard} ${limit?.soft ?? DEFAULT_LIMIT.soft} ${limit?.seconds ?? DEFAULT_LIMIT.seconds}`;
  const limitWhere = limit ? `ConfigMap ${limit.where.configMap}` : configRead ? `not set in ConfigMap ${joinAnd(primary?.configMaps ?? [])}: Redis's default` : 'Redis\'s default unless its config sets it';
  const limitText = `client-output-buffer-limit replica ${limitValue}, ${limitWhere}`;
  const reads = whatReadsGet(settings, configRead);
  const byBuffer = (drops?.bufferDrops ?? 0) > 0;
  const backlog = settings.backlogSize?.value ?? (configRead ? DEFAULT_BACKLOG : undefined);
  const noBacklog = (drops?.noBacklog ?? 0) > 0;

  // Raise the limits well past what one full sync queues: the numbers are a start to size from.
  const hard = (parseRedisBytes(limit?.hard ?? DEFAULT_LIMIT.hard) ?? 256 * MB) * RAISE;
  const soft = (parseRedisBytes(limit?.soft ?? DEFAULT_LIMIT.soft) ?? 64 * MB) * RAISE;
  const seconds = Math.max(120, 2 * Number(limit?.seconds ?? DEFAULT_LIMIT.seconds));
  const newLimit = `replica ${formatRedisBytes(hard)} ${formatRedisBytes(soft)} ${seconds}`;
  const newBacklog = formatRedisBytes(Math.max(256 * MB, (parseRedisBytes(backlog ?? DEFAULT_BACKLOG) ?? MB) * RAISE));
  const keep = limit ? ` and in ConfigMap ${limit.where.configMap}` : configRead ? ` and in ConfigMap ${primary?.configMaps?.[0] ?? ''}` : ' and in its config';
  const backlogFix = noBacklog ? `, and repl-backlog-size (${backlog ?? 'too small to resume'})` : '';

  const lossLines = loops.slice(0, 2).map((l) => `log ${l.pod}: ${l.attempts} syncs started${l.fullResyncs > 0 ? ` (${l.fullResyncs} full resyncs)` : ''}, ${l.lost} links lost, none finished since — "${l.lostLine}"`);
  const named = first.primary ? [`log ${first.pod}: ${first.primary.line}`] : [];
  const primaryLines = drops
    ? [
        ...(drops.bufferLine ? [`log ${primaryName}: ${drops.bufferDrops} replica links closed for their output buffer${drops.omem !== undefined ? ` (omem ${Math.round(drops.omem / MB)} MB at the newest)` : ''} — "${condenseBufferDrop(drops.bufferLine)}"`] : []),
        ...(drops.noBacklogLine ? [`log ${primaryName}: ${drops.noBacklog} partial resync${drops.noBacklog === 1 ? '' : 's'} refused — "${drops.noBacklogLine}"`] : []),
      ]
    : [];
  const settingLines = (primary?.settings ?? []).map((s) => `ConfigMap ${s.configMap} (${s.key}): ${s.line}`);
  const evidence = [...lossLines, ...named, ...primaryLines, ...settingLines];
  const confirm = [
    formatKubectl(ev.target, `logs ${primaryName} --tail=500 | grep -E 'output buffer|backlog|asks for synchronization'`),
    formatKubectl(ev.target, `exec ${primaryName} -- redis-cli CONFIG GET client-output-buffer-limit`),
    formatKubectl(ev.target, `exec ${first.pod} -- redis-cli INFO replication`),
  ];
  const affected = { pods: [...pods, ...(primary ? [primary.pod.name] : [])] };
  const severity = loops.length === readCount ? 'critical' : 'warning';

  if (byBuffer && drops?.bufferLine) {
    const fix = `raise the replica output buffer limit on ${primaryName} (CONFIG SET client-output-buffer-limit "${newLimit}" now${keep})${backlogFix}`;
    return {
      id: `replica-sync-loop/${ev.target.name}`,
      kind: 'replica-sync-loop',
      // Where a ConfigMap sets the limit, the fix names it; the title keeps the value.
      title: `${who} never finish a full resync: ${primaryName} drops them mid-transfer at the replica output buffer limit (${limit ? `client-output-buffer-limit replica ${limitValue}` : limitText}), and ${loop}; ${reads.short}`,
      layer: 'capacity',
      severity,
      confidence: 'high',
      evidence,
      decisive: condenseBufferDrop(drops.bufferLine, { stamp: false }),
      likelyCause:
        `A replica that asks for a full resync gets a snapshot (BGSAVE) of the whole dataset and then its transfer; every write the primary takes meanwhile is queued in that replica's output buffer. ` +
        `client-output-buffer-limit replica ${limitValue} closes the link when the buffer passes ${limit?.hard ?? DEFAULT_LIMIT.hard}, or stays above ${limit?.soft ?? DEFAULT_LIMIT.soft} for ${limit?.seconds ?? DEFAULT_LIMIT.seconds} s — and a big dataset under steady writes passes it before the transfer ends, so ${primaryName} logs "scheduled to be closed ASAP for overcoming of output buffer limits", the replica logs "connection lost" and asks again, and the next attempt ends the same way.` +
        `${noBacklog ? ` The replication backlog${backlog ? ` (repl-backlog-size ${backlog})` : ''} is too small for them to resume where they stopped ("for lack of backlog"), so every attempt is a full resync.` : ''}` +
        ` The replicas stay Ready (their probe pings) while they cannot serve: ${reads.long}. Not the network, the nodes or the replicas' own memory.`,
      nextAction:
        `On ${primaryName}: redis-cli CONFIG SET client-output-buffer-limit "${newLimit}"${noBacklog ? ` and CONFIG SET repl-backlog-size ${newBacklog}` : ''} (sized above what the writes queue during one full sync; the primary needs that much memory free), and the same${keep.replace(/^ and/, '')} so a restart keeps it. ` +
        'The next sync then completes; pausing the heaviest writer meanwhile lets them catch up sooner. Restarting the replicas only starts another full sync that is dropped the same way.',
      fix,
      outsideWorkload: `the limit is the primary's (${primaryName}); the replicas of any revision are dropped the same way`,
      confirmCommands: confirm,
      affected,
    };
  }
  // The replicas' own logs say the link breaks at every sync; the primary's tail says not why (or was not read).
  const why = drops ? `${primaryName}'s log tail does not say why it closes them` : `${primaryName}'s log was not read`;
  const fix = `read ${primaryName}'s log for why it closes the replicas' links ("overcoming of output buffer limits": raise client-output-buffer-limit replica; else repl-timeout)`;
  return {
    id: `replica-sync-loop/${ev.target.name}`,
    kind: 'replica-sync-loop',
    title: `${who} never finish a full resync from ${primaryName}: the link breaks during every sync and ${loop}; ${reads.short}`,
    layer: 'capacity',
    severity,
    confidence: 'medium',
    evidence,
    decisive: first.lostLine,
    likelyCause:
      `The replicas lose their link to ${primaryName} during each full resync and start over, so they never hold the data (${reads.long}); ${why}. ` +
      `Most often the primary closes them at its replica output buffer limit (${limitText}): the writes it queues during the snapshot and its transfer outgrow it, and its log says "scheduled to be closed ASAP for overcoming of output buffer limits". A repl-timeout shorter than the snapshot takes breaks it the same way.`,
    nextAction: `Read ${primaryName}'s log; if it closes them for their output buffer, raise client-output-buffer-limit on it (CONFIG SET client-output-buffer-limit "${newLimit}", and in its config). Restarting the replicas only starts another full sync.`,
    fix,
    confirmCommands: confirm,
    affected,
  };
}
