import { describe, expect, it } from 'vitest';
import { analyzeInitStuck } from '../../../../src/domain/triage/analyzers/init-stuck.js';
import type { ContainerEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, REV7, baseEvidence, container, minutesAgo, pod, running } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const WAIT_FOR_DB = ['sh', '-c', 'until nslookup postgres-primary; do echo "waiting for postgres-primary:5432"; sleep 2; done'];

/** busybox 1.28's nslookup in a wait-for loop, one round every two seconds. */
const NSLOOKUP_ROUND = [
  'Server:    172.20.0.10',
  'Address 1: 172.20.0.10 kube-dns.kube-system.svc.cluster.local',
  '',
  "nslookup: can't resolve 'postgres-primary'",
  'waiting for postgres-primary:5432',
];

function waitForDb(runningMinutes: number, over: Partial<ContainerEvidence> = {}): ContainerEvidence {
  return container({
    name: 'wait-for-db',
    image: 'busybox:1.28',
    command: WAIT_FOR_DB,
    ports: [],
    probes: {},
    resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '16Mi' } },
    state: running(runningMinutes),
    ready: false,
    ...over,
  });
}

/** What an app container reports while the init containers before it run. */
const initializing = container({ state: { waiting: { reason: 'PodInitializing' } }, ready: false });

function heldPod(i: number, initContainers: ContainerEvidence[]): PodEvidence {
  return pod(i, { revisionHash: REV7.hash, ready: false, createdAt: minutesAgo(12.9), startTime: minutesAgo(12.9), initContainers, containers: [initializing] });
}

/** Revision 7's two new pods wait for a Service that does not exist; revision 6 serves on three. */
function waitsForMissingService(): TriageEvidence {
  const pods = [heldPod(0, [waitForDb(12.8)]), heldPod(1, [waitForDb(12.8)]), pod(2), pod(3), pod(4)];
  const logs = pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'wait-for-db', previous: false, lines: [...NSLOOKUP_ROUND, ...NSLOOKUP_ROUND, ...NSLOOKUP_ROUND] }));
  return baseEvidence({ pods, logs });
}

describe('analyzeInitStuck', () => {
  it('names the init container, Init:N/M, what it waits for from its log and that no such Service exists', () => {
    const ev = waitsForMissingService();
    const [a, b] = ev.pods as [PodEvidence, PodEvidence];
    const findings = analyzeInitStuck(ev);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.id).toBe('init-stuck/wait-for-db');
    expect(f?.title).toBe('Init container wait-for-db never finishes on 2/5 pods (Init:0/1 for 12m); it waits for postgres-primary, which does not resolve');
    expect(f?.severity).toBe('warning');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toEqual([
      `${a.name}: init container wait-for-db running for 12m, 0 restarts; the app containers have not started`,
      `${b.name}: init container wait-for-db running for 12m, 0 restarts; the app containers have not started`,
      `wait-for-db runs: ${WAIT_FOR_DB.join(' ')}`,
      `log ${a.name}/wait-for-db: nslookup: can't resolve 'postgres-primary'`,
      'no Service postgres-primary in payments',
    ]);
    expect(f?.decisive).toBe("nslookup: can't resolve 'postgres-primary'");
    expect(f?.fix).toBe('fix the address wait-for-db waits for (postgres-primary)');
    expect(f?.confirmCommands).toEqual([
      `kubectl logs ${a.name} -c wait-for-db --tail=50 -n payments --context prod-eu-west-1`,
      `kubectl describe pod ${a.name} -n payments --context prod-eu-west-1`,
    ]);
    expect(f?.affected).toEqual({ pods: [a.name, b.name], nodes: [NODE_A, NODE_B] });
  });

  it('does not claim a Service is missing when the namespace has one of that name', () => {
    const ev = waitsForMissingService();
    ev.services.push({ name: 'postgres-primary', type: 'ClusterIP', selector: { 'cnpg.io/cluster': 'contacts-db', role: 'primary' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432, protocol: 'TCP' }] });
    const [f] = analyzeInitStuck(ev);
    expect(f?.evidence.some((l) => l.startsWith('no Service'))).toBe(false);
    expect(f?.title).toContain('it waits for postgres-primary, which does not resolve');
  });

  it('never calls a native sidecar stuck: it runs for the pod\'s whole life by design', () => {
    const proxy = container({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.27.1', ports: [{ name: 'http-envoy-prom', containerPort: 15090, protocol: 'TCP' }], probes: {}, sidecar: true, state: running(12.85), ready: false });
    const ev = baseEvidence({ pods: [heldPod(0, [proxy]), pod(1), pod(2), pod(3), pod(4)] });
    expect(analyzeInitStuck(ev)).toEqual([]);
  });

  it('finds the init container that hangs behind a native sidecar that already runs (Init:1/2)', () => {
    const proxy = container({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.27.1', ports: [], probes: {}, sidecar: true, state: running(12.85), ready: true });
    const held = heldPod(0, [proxy, waitForDb(12.8)]);
    const ev = baseEvidence({ pods: [held, pod(1), pod(2), pod(3), pod(4)], logs: [{ pod: held.name, container: 'wait-for-db', previous: false, lines: NSLOOKUP_ROUND }] });
    const [f] = analyzeInitStuck(ev);
    expect(f?.title).toBe('Init container wait-for-db never finishes on 1/5 pods (Init:1/2 for 12m); it waits for postgres-primary, which does not resolve');
  });

  it('gives an init container three minutes before it counts as stuck', () => {
    expect(analyzeInitStuck(baseEvidence({ pods: [heldPod(0, [waitForDb(2.9)]), pod(1), pod(2), pod(3), pod(4)] }))).toEqual([]);
    expect(analyzeInitStuck(baseEvidence({ pods: [heldPod(0, [waitForDb(3.1)]), pod(1), pod(2), pod(3), pod(4)] }))).toHaveLength(1);
  });

  it('ignores pods being deleted and pods that are ready', () => {
    const deleting = { ...heldPod(0, [waitForDb(20)]), deletionTimestamp: minutesAgo(1) };
    expect(analyzeInitStuck(baseEvidence({ pods: [deleting, pod(1), pod(2), pod(3), pod(4)] }))).toEqual([]);
    expect(analyzeInitStuck(healthyScenario())).toEqual([]);
  });

  it('says what it runs and that no log was read, with medium confidence, when it has no log', () => {
    const held = heldPod(0, [waitForDb(5)]);
    const [f] = analyzeInitStuck(baseEvidence({ pods: [held, pod(1), pod(2), pod(3), pod(4)] }));
    expect(f?.title).toBe('Init container wait-for-db never finishes on 1/5 pods (Init:0/1 for 5m)');
    expect(f?.confidence).toBe('medium');
    expect(f?.evidence).toEqual([
      `${held.name}: init container wait-for-db running for 5m, 0 restarts; the app containers have not started`,
      `wait-for-db runs: ${WAIT_FOR_DB.join(' ')}`,
      'no log lines from wait-for-db were read',
    ]);
    expect(f?.fix).toBe('fix what wait-for-db waits for');
  });
});
