import { describe, expect, it } from 'vitest';
import { analyzeReplicaSyncLoop } from '../../../../src/domain/triage/analyzers/replica-sync-loop.js';
import type { LogEvidence, ReplicationPrimaryEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { CONTEXT, NOW, NS, baseEvidence, endpointSlice, pod, service } from '../scenarios/builders.js';

const MASTER = 'cache-redis-master-0';
const HOST = `${MASTER}.cache-redis-headless.${NS}.svc.cluster.local`;
const REPLICAS = ['cache-redis-replicas-0', 'cache-redis-replicas-1'];

/** One replica's tail: three turns of connect, full resync, receive, and the link lost mid-transfer; then a fourth under way. */
function replicaLog(name: string): LogEvidence {
  const turn = (m: number, lost: boolean): string[] => [
    `1:S 21 Nov 2026 03:${String(m).padStart(2, '0')}:00.000 * Connecting to MASTER ${HOST}:6379`,
    `1:S 21 Nov 2026 03:${String(m).padStart(2, '0')}:00.001 * MASTER <-> REPLICA sync started`,
    `1:S 21 Nov 2026 03:${String(m).padStart(2, '0')}:00.002 * Full resync from master: 7c1e9a0d4b2f6e8a1c3d5b7f9e0a2c4d6b8f0e1a:88950122016`,
    `1:S 21 Nov 2026 03:${String(m).padStart(2, '0')}:48.600 * MASTER <-> REPLICA sync: receiving 6214582310 bytes from master to disk`,
    ...(lost ? [`1:S 21 Nov 2026 03:${String(m + 1).padStart(2, '0')}:21.000 # I/O error trying to sync with MASTER: connection lost`] : []),
  ];
  return { pod: name, container: 'redis', previous: false, lines: [...turn(8, true), ...turn(10, true), ...turn(12, true), ...turn(13, false)] };
}

const DROP = `1:M 21 Nov 2026 03:13:21.000 # Client id=48653 addr=10.0.3.100:48112 laddr=10.0.51.214:6379 fd=28 name= age=81 idle=0 flags=S db=0 sub=0 psub=0 multi=-1 qbuf=0 obl=0 oll=3911 omem=251803640 tot-mem=251805624 events=r cmd=psync user=default scheduled to be closed ASAP for overcoming of output buffer limits.`;
const NO_BACKLOG = '1:M 21 Nov 2026 03:08:00.001 * Unable to partial resync with replica 10.0.3.100:6379 for lack of backlog (Replica request was: 88954254660).';

function primary(over: Partial<ReplicationPrimaryEvidence> = {}): ReplicationPrimaryEvidence {
  return {
    host: HOST,
    pod: pod(9, { name: MASTER }),
    logs: [{ pod: MASTER, container: 'redis', previous: false, lines: [NO_BACKLOG, '1:M 21 Nov 2026 03:09:00.000 * Background saving terminated with success', DROP] }],
    configMaps: ['cache-redis-configuration'],
    settings: [
      { configMap: 'cache-redis-configuration', key: 'redis.conf', line: 'replica-serve-stale-data no' },
      { configMap: 'cache-redis-configuration', key: 'redis.conf', line: 'repl-backlog-size 64mb' },
      { configMap: 'cache-redis-configuration', key: 'redis.conf', line: 'client-output-buffer-limit replica 256mb 64mb 60' },
    ],
    ...over,
  };
}

function evidence(over: Partial<TriageEvidence> = {}): TriageEvidence {
  const own = REPLICAS.map((name, i) => pod(i, { name }));
  return {
    ...baseEvidence({ pods: own, services: [service({ name: 'cache-redis-headless', headless: true })], endpointSlices: [endpointSlice('cache-redis-headless', [...own, pod(9, { name: MASTER })])], hpas: [] }),
    target: { service: 'cache-redis-replicas', namespace: NS, kind: 'StatefulSet', name: 'cache-redis-replicas', context: CONTEXT },
    logs: REPLICAS.map(replicaLog),
    replicationPrimary: primary(),
    ...over,
  };
}

describe('analyzeReplicaSyncLoop', () => {
  it('names the primary dropping its replicas at the output buffer limit, the limit\'s value and what reads get meanwhile', () => {
    const [f] = analyzeReplicaSyncLoop(evidence());
    expect(f?.kind).toBe('replica-sync-loop');
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.title).toContain(`never finish a full resync: ${MASTER} drops them mid-transfer at the replica output buffer limit`);
    expect(f?.title).toContain('(client-output-buffer-limit replica 256mb 64mb 60)');
    expect(f?.fix).toContain('now and in ConfigMap cache-redis-configuration');
    expect(f?.title).toContain('about every 120 s');
    expect(f?.title).toContain('MASTERDOWN');
    expect(f?.decisive).toBe('Client addr=10.0.3.100:48112 … flags=S … omem=251803640 … scheduled to be closed ASAP for overcoming of output buffer limits.');
    expect(f?.decisive).toContain('scheduled to be closed ASAP for overcoming of output buffer limits');
    // Whole in the headline's quote (170 characters).
    expect(f?.decisive?.length).toBeLessThanOrEqual(170);
    expect(f?.fix).toContain('CONFIG SET client-output-buffer-limit "replica 2gb 512mb 120"');
    expect(f?.fix).toContain('repl-backlog-size (64mb)');
    expect(f?.nextAction).toContain('CONFIG SET repl-backlog-size 512mb');
    expect(f?.evidence.some((l) => l.includes('omem 240 MB'))).toBe(true);
  });

  it('leads the verdict, folding the lost links logged as errors', () => {
    const report = buildTriageReport(evidence(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/output buffer limit/);
    expect(report.headline).toMatch(/256mb/);
  });

  it('says Redis\'s default limit when the ConfigMap read sets none, and stale reads when serve-stale-data is not no', () => {
    const [f] = analyzeReplicaSyncLoop(evidence({ replicationPrimary: primary({ settings: [] }) }));
    expect(f?.title).toContain('(client-output-buffer-limit replica 256mb 64mb 60, not set in ConfigMap cache-redis-configuration: Redis\'s default)');
    expect(f?.title).toContain('serve ever staler data (replica-serve-stale-data not set: yes)');
    expect(f?.title).not.toContain('MASTERDOWN');
  });

  it('without the primary\'s log says what breaks and where to look, with less confidence', () => {
    const { replicationPrimary: _, ...ev } = evidence();
    const [f] = analyzeReplicaSyncLoop(ev);
    expect(f?.confidence).toBe('medium');
    expect(f?.title).toContain(`never finish a full resync from ${MASTER}: the link breaks during every sync`);
    expect(f?.fix).toContain(`read ${MASTER}'s log`);
    expect(f?.decisive).toContain('I/O error trying to sync with MASTER');
  });

  it('says nothing of a replica whose sync finished and held, or of one lost link', () => {
    const synced = replicaLog(REPLICAS[0] ?? '');
    synced.lines.push('1:S 21 Nov 2026 03:13:50.000 * MASTER <-> REPLICA sync: Finished with success');
    const once: LogEvidence = { ...replicaLog(REPLICAS[1] ?? ''), lines: replicaLog(REPLICAS[1] ?? '').lines.slice(0, 6) };
    expect(analyzeReplicaSyncLoop(evidence({ logs: [synced, once] }))).toEqual([]);
  });
});
