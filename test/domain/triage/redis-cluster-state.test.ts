import { describe, expect, it } from 'vitest';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NOW, baseEvidence, container, minutesAgo, pod, revision, workload } from './scenarios/builders.js';

// A six-node Redis Cluster StatefulSet, one revision 40 days old; members 2 and 5 re-created 30 minutes ago.
const NAME = 'cache-cluster';
const DAY = 24 * 60;
const ID = (c: string) => c.repeat(40);
const time = (m: number) => {
  const d = new Date(Date.parse(NOW) - m * 60_000);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${d.getUTCDate()} ${mon} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
};

function member(i: number, createdAgo: number, data: 'emptyDir' | 'pvc'): PodEvidence {
  return pod(i, {
    name: `${NAME}-${i}`,
    nodeName: i % 2 === 0 ? NODE_A : NODE_B,
    labels: { app: NAME },
    createdAt: minutesAgo(createdAgo),
    startTime: minutesAgo(createdAgo - 0.1),
    containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.5', volumeMounts: [{ name: 'conf', mountPath: '/conf' }, { name: 'data', mountPath: '/data' }] })],
    volumes: [{ name: 'conf', source: 'configMap', ref: NAME }, data === 'pvc' ? { name: 'data', source: 'pvc', ref: `data-${NAME}-${i}` } : { name: 'data', source: 'emptyDir' }],
  });
}

const survivor = (i: number, role: 'M' | 'S'): LogEvidence => ({
  pod: `${NAME}-${i}`, container: 'redis', previous: false,
  lines: [
    `1:M ${time(40 * DAY)} * Node configuration loaded, I'm ${ID(String(i))}`,
    `1:${role} ${time(40 * DAY - 1)} # Cluster state changed: ok`,
    `1:${role} ${time(31)} * Marking node ${ID('c')} () as failing (quorum reached).`,
    `1:${role} ${time(31)} # Cluster state changed: fail`,
    `1:${role} ${time(30.9)} * FAIL message received from ${ID('1')} () about ${ID('d')} ()`,
  ],
});
const emptyStart = (i: number, id: string): LogEvidence => ({
  pod: `${NAME}-${i}`, container: 'redis', previous: false,
  lines: [
    `1:C ${time(29.9)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:M ${time(29.9)} * No cluster configuration found, I'm ${id}`,
    `1:M ${time(29.9)} * Running mode=cluster, port=6379.`,
    `1:M ${time(29.9)} * Ready to accept connections tcp`,
  ],
});

function redisCluster(data: 'emptyDir' | 'pvc'): TriageEvidence {
  const pods = [0, 1, 2, 3, 4, 5].map((i) => member(i, i === 2 || i === 5 ? 30 : 40 * DAY, data));
  return baseEvidence({
    target: { service: NAME, namespace: 'cache', kind: 'StatefulSet', name: NAME, context: 'prod-eu-west-1' },
    workload: workload({ kind: 'StatefulSet', name: NAME, namespace: 'cache', specReplicas: 6, replicas: 6, readyReplicas: 6, availableReplicas: 6, updatedReplicas: 6, selector: { app: NAME }, templateLabels: { app: NAME }, currentRevision: 1, conditions: [], createdAt: minutesAgo(40 * DAY) }),
    pods,
    revisions: [revision({ revision: 1, hash: 'redis7f9c2' }, minutesAgo(40 * DAY))],
    services: [],
    endpointSlices: [],
    hpas: [],
    logs: [survivor(0, 'M'), survivor(1, 'M'), emptyStart(2, ID('e')), survivor(3, 'S'), emptyStart(5, ID('f'))],
  });
}

describe('a Redis Cluster in state fail', () => {
  it('names the members that came back empty from an emptyDir, the state fail and CLUSTERDOWN, and how to re-form it, not a rollback', () => {
    const r = buildTriageReport(redisCluster('emptyDir'), { startedAt: NOW, finishedAt: NOW });
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(new RegExp(`^Redis Cluster ${NAME} is in state fail \\(CLUSTERDOWN\\)`));
    expect(r.headline).toContain(`${NAME}-2 and ${NAME}-5 were re-created 30m ago`);
    expect(r.headline).toMatch(/\/data is an emptyDir/);
    expect(r.headline).toMatch(/CLUSTER FORGET[\s\S]*volumeClaimTemplates/);
    expect(r.headline.length).toBeLessThanOrEqual(700);
    const [f] = r.findings;
    expect(f?.nextAction).toContain(`CLUSTER FORGET the failed node IDs (${ID('c')}, ${ID('d')})`);
    expect(f?.nextAction).toMatch(/anti-affinity/);
    expect(f?.evidence.some((l) => l.includes('No cluster configuration found'))).toBe(true);
    const said = [r.headline, ...r.findings.map((x) => `${x.title} ${x.nextAction}`)].join('\n');
    expect(said).not.toMatch(/roll ?back to|rollout undo/i);
  });

  it('on persistent volumes still calls the cluster down, without blaming the storage', () => {
    const r = buildTriageReport(redisCluster('pvc'), { startedAt: NOW, finishedAt: NOW });
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(new RegExp(`^Redis Cluster ${NAME} is in state fail, so it answers commands CLUSTERDOWN`));
    expect(r.headline).not.toMatch(/emptyDir/);
  });

  it('says nothing when the cluster went back to ok', () => {
    const ev = redisCluster('emptyDir');
    ev.logs = ev.logs.map((l) => ({ ...l, lines: [...l.lines, `1:M ${time(2)} # Cluster state changed: ok`] }));
    const r = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(r.verdict).toBe('healthy');
  });
});
