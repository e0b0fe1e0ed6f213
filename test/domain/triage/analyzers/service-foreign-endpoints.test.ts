import { describe, expect, it } from 'vitest';
import { analyzeForeignEndpoints } from '../../../../src/domain/triage/analyzers/service-foreign-endpoints.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { APP, CONTEXT, IMAGE_V14, NOW, NS, REV6, baseEvidence, container, endpointSlice, minutesAgo, pod, revision, service, workload } from '../scenarios/builders.js';

const CANARY_IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service:2.15.0-rc.2';
const UNDEFINED_COLUMN = 'PG::UndefinedColumn: ERROR: column "gift_card_id" of relation "payments" does not exist';

/** Four pods of the workload and a hand-applied canary with the same app label behind the Service. */
function scenario(readCanary: boolean) {
  const own = [0, 1, 2, 3].map((i) => pod(i));
  const canary = pod(7, { name: `${APP}-canary-5c6d7b9f8-xk2p9`, revisionHash: 'canary', containers: [container({ image: CANARY_IMAGE })] });
  const base = baseEvidence({ pods: own, services: [service()], endpointSlices: [endpointSlice(APP, [...own, canary])] });
  return readCanary ? { ...base, foreignPods: [{ pod: canary, logs: [{ pod: canary.name, container: 'app', previous: false, lines: ['GET /healthz 200', `POST /v1/checkout 500: ${UNDEFINED_COLUMN}`] }] }] } : base;
}

describe('analyzeForeignEndpoints', () => {
  it('names the pod of something else the Service sends traffic to, what it runs and what it says', () => {
    const [f] = analyzeForeignEndpoints(scenario(true));
    expect(f?.title).toBe(`Service ${APP} also sends traffic to 1 pod that is not deployment/${APP}'s (created 2d ago): ${APP}-canary-5c6d7b9f8-xk2p9 (1 ready; 1 of the 5 endpoints)`);
    expect(f?.evidence.some((l) => l.includes(`runs ${CANARY_IMAGE}`))).toBe(true);
    expect(f?.decisive).toContain('gift_card_id');
    expect(f?.severity).toBe('warning');
  });

  it('says so without the pod\'s own story when it could not be read, and says nothing when every endpoint is the workload\'s', () => {
    expect(analyzeForeignEndpoints(scenario(false))[0]?.decisive).toBeUndefined();
    const own = [0, 1].map((i) => pod(i));
    expect(analyzeForeignEndpoints(baseEvidence({ pods: own, services: [service()], endpointSlices: [endpointSlice(APP, own)] }))).toEqual([]);
  });

  it('names the workload whose pods they are, their share of the endpoints and the HTTP status they answer', () => {
    const own = [0, 1, 2].map((i) => pod(i));
    const copies = [0, 1].map((i) => pod(8 + i, { name: `${APP}-legacy-bh75b8bnx6-${i}abcd`, revisionHash: 'bh75b8bnx6', createdAt: '2026-11-21T02:39:00Z', ownerWorkload: { kind: 'Deployment', name: `${APP}-legacy` } }));
    const logs = (p: { name: string }) => [{ pod: p.name, container: 'app', previous: false, lines: [JSON.stringify({ level: 'warn', msg: 'no route', method: 'POST', path: '/v2/quotes', status: 404 })] }];
    const ev = { ...baseEvidence({ pods: own, services: [service()], endpointSlices: [endpointSlice(APP, [...own, ...copies])] }), foreignPods: copies.map((p) => ({ pod: p, logs: logs(p) })) };
    const [f] = analyzeForeignEndpoints(ev);
    expect(f?.title).toContain(`that are Deployment ${APP}-legacy's (created 35m ago)`);
    expect(f?.title).toContain('2 of the 5 endpoints');
    expect(f?.decisive).toBe('no route (path /v2/quotes): HTTP 404');
  });

  it('quotes what the foreign pods answer the Service\'s requests, not their own later work, and names the label they share with its selector', () => {
    const own = [0, 1, 2].map((i) => pod(i));
    const copies = [0, 1].map((i) => pod(8 + i, { name: `${APP}-mailer-7d8f9c6b5-${i}wxyz`, revisionHash: '7d8f9c6b5', labels: { app: APP, role: 'mailer' }, ownerWorkload: { kind: 'Deployment', name: `${APP}-mailer` } }));
    const lines = [
      JSON.stringify({ level: 30, msg: 'mailer started', health: ':9090' }),
      JSON.stringify({ level: 40, msg: '405 PUT /v3/refunds', remote: '10.1.2.3' }),
      JSON.stringify({ level: 30, msg: 'mail queued', id: 'm-81' }),
    ];
    const ev = { ...baseEvidence({ pods: own, services: [service()], endpointSlices: [endpointSlice(APP, [...own, ...copies])] }), foreignPods: copies.map((p) => ({ pod: p, logs: [{ pod: p.name, container: 'app', previous: false, lines }] })) };
    const [f] = analyzeForeignEndpoints(ev);
    expect(f?.decisive).toBe('405 PUT /v3/refunds');
    expect(f?.likelyCause).toContain(`Deployment ${APP}-mailer's pods carry app=${APP}, the only label Service ${APP} selects on`);
    expect(f?.likelyCause).toContain('("405 PUT /v3/refunds")');
  });
});

describe('analyzeForeignEndpoints: a deliberate canary of the same app', () => {
  const RC_IMAGE = IMAGE_V14.replace('2.14.0', '2.15.0-rc.1');
  /** Four stable pods and one pod of Deployment <app>-canary (track=canary, same repository, newer tag) behind the Service. */
  function withCanary(lines: string[], over: Partial<PodEvidence> = {}): TriageEvidence {
    const own = [0, 1, 2, 3].map((i) => pod(i, { labels: { app: APP, track: 'stable', 'pod-template-hash': REV6.hash } }));
    const canary = pod(7, {
      name: `${APP}-canary-6f9b7c8d5-k2p9x`,
      revisionHash: '6f9b7c8d5',
      labels: { app: APP, track: 'canary', 'pod-template-hash': '6f9b7c8d5' },
      ownerWorkload: { kind: 'Deployment', name: `${APP}-canary` },
      containers: [container({ image: RC_IMAGE })],
      ...over,
    });
    return {
      ...baseEvidence({ pods: own, services: [service()], endpointSlices: [endpointSlice(APP, [...own, canary])], hpas: [], workload: workload({ specReplicas: 4, replicas: 4, readyReplicas: 4, availableReplicas: 4, updatedReplicas: 4 }) }),
      foreignPods: [{ pod: canary, logs: [{ pod: canary.name, container: 'app', previous: false, lines }] }],
    };
  }
  const OK = [JSON.stringify({ level: 'info', msg: 'search', status: 200, took_ms: 31 }), JSON.stringify({ level: 'info', msg: 'search', status: 200, took_ms: 28 })];

  it('tells a ready canary that serves without errors as context, and the triage stays healthy', () => {
    const ev = withCanary(OK);
    const [f] = analyzeForeignEndpoints(ev);
    expect(f?.severity).toBe('info');
    expect(f?.kind).toBe('service-canary-endpoints');
    expect(f?.title).toBe(`1 of the 5 endpoints of Service ${APP} is the canary ${APP}-canary (2.15.0-rc.1; ${APP} runs 2.14.0), ready and serving without errors`);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('healthy');
    expect(report.headline).toContain(`1 of the 5 endpoints of Service ${APP} is the canary ${APP}-canary`);
  });

  it('keeps it a problem when the canary fails its share of the traffic, is not ready, or is older than what it sits beside', () => {
    expect(analyzeForeignEndpoints(withCanary([`POST /v1/checkout 500: ${UNDEFINED_COLUMN}`]))[0]?.severity).toBe('warning');
    expect(analyzeForeignEndpoints(withCanary(OK, { ready: true, containers: [container({ image: RC_IMAGE, restartCount: 4, lastState: { terminated: { exitCode: 1, startedAt: NOW, finishedAt: NOW } } })] }))[0]?.severity).toBe('warning');
    expect(analyzeForeignEndpoints(withCanary(OK, { containers: [container({ image: IMAGE_V14.replace('2.14.0', '2.13.2') })] }))[0]?.kind).toBe('service-foreign-endpoints');
    // Not a canary by name nor label (a copy kept app=…): the rule stands.
    const copy = withCanary(OK, { name: `${APP}-legacy-6f9b7c8d5-k2p9x`, labels: { app: APP, track: 'legacy' }, ownerWorkload: { kind: 'Deployment', name: `${APP}-legacy` } });
    expect(analyzeForeignEndpoints(copy)[0]?.kind).toBe('service-foreign-endpoints');
  });
});

describe('analyzeForeignEndpoints: the headless Service of a StatefulSet family', () => {
  /** Two replicas of StatefulSet redis-replicas and the primary, StatefulSet redis-master's pod, behind one headless Service. */
  function family(over: { headless?: boolean; ownerKind?: string; read?: boolean } = {}): TriageEvidence {
    const labels = { 'app.kubernetes.io/name': 'redis', 'app.kubernetes.io/instance': 'cache' };
    const own = [0, 1].map((i) => pod(i, { name: `redis-replicas-${i}`, labels: { ...labels, 'app.kubernetes.io/component': 'replica' } }));
    const master = pod(2, { name: 'redis-master-0', labels: { ...labels, 'app.kubernetes.io/component': 'master' }, ownerWorkload: { kind: over.ownerKind ?? 'StatefulSet', name: 'redis-master' } });
    const headless = service({ name: 'redis-headless', selector: labels, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'redis', protocol: 'TCP' }], ...(over.headless === false ? { clusterIP: '172.20.14.9' } : { headless: true }) });
    return {
      ...baseEvidence({ pods: own, services: [headless], endpointSlices: [endpointSlice('redis-headless', [...own, master])] }),
      target: { service: 'redis-replicas', namespace: NS, kind: 'StatefulSet', name: 'redis-replicas', context: CONTEXT },
      ...(over.read === false ? {} : { foreignPods: [{ pod: master, logs: [{ pod: master.name, container: 'redis', previous: false, lines: ['1:M 21 Nov 2026 03:03:48.606 * Unable to partial resync with replica 10.0.3.100:6379 for lack of backlog'] }] }] }),
    };
  }

  it('takes no StatefulSet pod of a headless Service for a stray endpoint: it names pods for DNS, a family may share it', () => {
    expect(analyzeForeignEndpoints(family())).toEqual([]);
    // Unread, the pod's ordinal name says it is a StatefulSet's.
    expect(analyzeForeignEndpoints(family({ read: false }))).toEqual([]);
  });

  it('keeps the rule for a Service with a virtual IP, and for a Deployment\'s pod behind the headless one', () => {
    expect(analyzeForeignEndpoints(family({ headless: false }))[0]?.kind).toBe('service-foreign-endpoints');
    expect(analyzeForeignEndpoints(family({ ownerKind: 'Deployment' }))[0]?.kind).toBe('service-foreign-endpoints');
  });
});

describe('analyzeForeignEndpoints: pods of a ReplicaSet that has no owner', () => {
  const OLD = 'h4k8d2x7qz';
  const OLD_IMAGE = IMAGE_V14.replace('2.14.0', '2.13.2');
  /**
   * The Deployment was deleted with --cascade=orphan 40 minutes ago and re-created with a narrower
   * selector; its old ReplicaSet (named like it, older image) still runs two pods the Service selects.
   */
  function leftover(rsOwner?: { kind: string; name: string }): TriageEvidence {
    const selector = { app: APP, 'app.kubernetes.io/instance': APP };
    const own = [0, 1, 2, 3].map((i) => pod(i, { labels: { ...selector, 'pod-template-hash': REV6.hash } }));
    const rsName = `${APP}-${OLD}`;
    const stray = [0, 1].map((i) => pod(5 + i, { name: `${rsName}-${i}x9kq`, revisionHash: OLD, labels: { app: APP, 'pod-template-hash': OLD }, createdAt: minutesAgo(6 * 24 * 60), containers: [container({ image: OLD_IMAGE })], ownerWorkload: rsOwner ?? { kind: 'ReplicaSet', name: rsName } }));
    const replicaSet = { name: rsName, ...(rsOwner ? { owner: rsOwner } : {}), createdAt: minutesAgo(6 * 24 * 60), specReplicas: 2, images: [OLD_IMAGE] };
    const logs = (p: { name: string }) => [{ pod: p.name, container: 'app', previous: false, lines: [JSON.stringify({ level: 'info', msg: 'http', method: 'POST', path: '/v2/refunds', status: 404 })] }];
    return {
      ...baseEvidence({
        pods: own, services: [service()], endpointSlices: [endpointSlice(APP, [...own, ...stray])], hpas: [],
        workload: workload({ selector, createdAt: minutesAgo(40), specReplicas: 4, replicas: 4, readyReplicas: 4, availableReplicas: 4, updatedReplicas: 4 }),
        revisions: [revision({ revision: 1, hash: REV6.hash }, minutesAgo(40), { replicas: 4 })],
      }),
      foreignPods: stray.map((p) => ({ pod: p, logs: logs(p), replicaSet })),
    };
  }

  it('names the orphaned ReplicaSet, the re-created Deployment, the old version, and says to delete it and narrow the selector', () => {
    const [f] = analyzeForeignEndpoints(leftover());
    expect(f?.title).toContain(`2 pods of ReplicaSet ${APP}-${OLD}, which has no owner (orphaned when Deployment ${APP} was re-created 40m ago) and runs the old version 2.13.2 (${APP} runs 2.14.0)`);
    expect(f?.title).not.toContain(`Deployment ${APP}'s`);
    expect(f?.decisive).toBe('http (path /v2/refunds): HTTP 404');
    expect(f?.likelyCause).toContain('--cascade=orphan');
    expect(f?.likelyCause).toContain('does not match its pods');
    expect(f?.fix).toContain(`delete rs ${APP}-${OLD}`);
    expect(f?.fix).toContain(`app=${APP},app.kubernetes.io/instance=${APP}`);
  });

  it('keeps naming the owner the ReplicaSet has, when it has one', () => {
    const [f] = analyzeForeignEndpoints(leftover({ kind: 'Deployment', name: `${APP}-legacy` }));
    expect(f?.title).toContain(`that are Deployment ${APP}-legacy's`);
    expect(f?.title).not.toContain('orphan');
  });
});

describe('analyzeForeignEndpoints: an owner named after the target, its ReplicaSet unread', () => {
  it('does not call pods the target does not own the target\'s: they are a ReplicaSet\'s named like its', () => {
    const own = [0, 1, 2].map((i) => pod(i));
    const stray = pod(7, { name: `${APP}-q8w7e6r5t4-z1x2c`, revisionHash: 'q8w7e6r5t4', ownerWorkload: { kind: 'Deployment', name: APP } });
    const ev = { ...baseEvidence({ pods: own, services: [service()], endpointSlices: [endpointSlice(APP, [...own, stray])] }), foreignPods: [{ pod: stray, logs: [] }] };
    const [f] = analyzeForeignEndpoints(ev);
    expect(f?.title).toContain(`ReplicaSet ${APP}-q8w7e6r5t4's, named like deployment/${APP}'s but not one of its ReplicaSets`);
    expect(f?.title).not.toContain(`Deployment ${APP}'s`);
  });
});
