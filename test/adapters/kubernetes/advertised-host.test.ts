// Clients that cannot resolve a per-pod name under a Service with a cluster IP: the adapter reads
// that Service, the StatefulSet the pod's name gives, and that set's revisions, to tell which
// Service governs it and what its newest revision changed in the settings naming those hosts.
// Nothing of the kind is read when the clients resolve their brokers.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, nameOf, service, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { COLLECTED_AT, useHarness } from './harness.js';

const h = useHarness();
const NS = 'events';
const target = { service: 'ingest', namespace: NS, kind: 'Deployment' as const, name: 'ingest' };

function at(minutesAgo: number): string {
  return new Date(COLLECTED_AT.getTime() - minutesAgo * 60_000).toISOString();
}

function clientLog(failing: boolean): string {
  const lines: string[] = [];
  for (let t = 30; t > 0.5; t -= 1) {
    lines.push(failing && t < 20
      ? `${at(t)} WARN o.a.k.c.NetworkClient - Error connecting to node broker-1.broker.${NS}.svc.cluster.local:9092 (id: 1 rack: null)\njava.net.UnknownHostException: broker-1.broker.${NS}.svc.cluster.local`
      : `${at(t)} INFO c.e.Ingest - processed 120 records`);
  }
  return `${lines.join('\n')}\n`;
}

function cluster(failing: boolean) {
  const app = deploymentApp({
    namespace: NS, name: 'ingest', replicas: 2,
    revisions: [{ revision: 3, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/ingest:2.0.1', env: [{ name: 'BOOTSTRAP', value: `broker.${NS}.svc.cluster.local:9092` }] })] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 9 * DAYS }, { revision: 3, node: NODE_B, createdAgo: 9 * DAYS }],
  });
  const tpl = (under: string) => ({ containers: [container({ name: 'broker', image: 'docker.io/apache/kafka:3.8.1', env: [{ name: 'KAFKA_ADVERTISED_LISTENERS', value: `PLAINTEXT://$(POD_NAME).${under}.${NS}.svc.cluster.local:9092` }] })] });
  const broker = statefulSetApp({
    namespace: NS, name: 'broker', replicas: 3, serviceName: 'broker-hs', createdAgo: 200 * DAYS,
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: tpl('broker-hs') }, { revision: 5, createdAgo: 25, template: tpl('broker') }],
    pods: [0, 1, 2].map((ordinal) => ({ revision: 5, ordinal, node: NODE_B, createdAgo: 24 })),
  });
  for (const o of [...threeNodes(), ...app.objects, ...broker.objects,
    service({ namespace: NS, name: 'broker-hs', selector: { app: 'broker' }, ports: [{ name: 'client', port: 9092, targetPort: 9092 }], headless: true, createdAgo: 200 * DAYS }),
    service({ namespace: NS, name: 'broker', selector: { app: 'broker' }, ports: [{ name: 'client', port: 9092, targetPort: 9092 }], createdAgo: 200 * DAYS }),
  ]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: clientLog(failing) });
}

const revisionLists = () => h.fake.requests.filter((r) => r.path.endsWith('/controllerrevisions'));

describe('the StatefulSet behind a per-pod name its clients cannot resolve', () => {
  it('is the set the pod name gives, with its headless Service and what its newest revision changed', async () => {
    cluster(true);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.advertisedHost).toMatchObject({
      host: `broker-1.broker.${NS}.svc.cluster.local`, service: 'broker', statefulSet: 'broker', governingService: 'broker-hs',
      revision: { number: 5, previous: 4, settings: [{ name: 'KAFKA_ADVERTISED_LISTENERS', value: `PLAINTEXT://$(POD_NAME).broker.${NS}.svc.cluster.local:9092`, before: `PLAINTEXT://$(POD_NAME).broker-hs.${NS}.svc.cluster.local:9092` }] },
    });
    expect(revisionLists()).toHaveLength(1);
    for (const r of revisionLists()) expect(Number(r.query.limit)).toBeLessThanOrEqual(20);
  });

  it('is not read when the clients resolve their brokers', async () => {
    cluster(false);
    expect((await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS })).advertisedHost).toBeUndefined();
    expect(revisionLists()).toEqual([]);
  });
});
