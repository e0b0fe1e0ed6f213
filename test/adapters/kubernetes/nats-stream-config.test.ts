// A JetStream client told its stream does not exist, as the adapter reads the NATS servers: the
// Service its nats:// URL names, one page of its pods, and a get of each ConfigMap one serving
// server mounts (never a Secret), keeping only the streams' names and subjects.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, configMap, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'logistics';
const target = { service: 'dispatch', namespace: NS, kind: 'Deployment' as const, name: 'dispatch' };
const BIND = 'ERROR consumer bind failed stream=PARCELS_V2 consumer=router err="nats: stream not found"';

function cluster(log: string) {
  const bus = statefulSetApp({
    namespace: NS, name: 'msgbus', replicas: 3,
    revisions: [{ revision: 3, createdAgo: 40 * DAYS, template: {
      containers: [container({ name: 'nats', image: 'docker.io/library/nats:2.10.22-alpine', ports: [4222], volumeMounts: [{ name: 'config', mountPath: '/etc/nats' }, { name: 'tls', mountPath: '/tls' }] })],
      volumes: [{ name: 'config', configMap: { name: 'msgbus-config' } }, { name: 'tls', secret: { secretName: 'msgbus-tls' } }],
    } }],
    pods: [0, 1, 2].map((k) => ({ revision: 3, ordinal: k, node: k === 1 ? NODE_B : NODE_A, createdAgo: 40 * DAYS })),
  });
  const app = deploymentApp({
    namespace: NS, name: 'dispatch', replicas: 2,
    revisions: [{ revision: 4, createdAgo: 5 * DAYS, template: { containers: [container({ image: 'registry.example.com/logistics/dispatch:2.0.0', env: [{ name: 'NATS_URL', value: 'nats://msgbus.logistics.svc.cluster.local:4222' }] })] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 5 * DAYS }, { revision: 4, node: NODE_B, createdAgo: 5 * DAYS }],
  });
  const config = configMap({ namespace: NS, name: 'msgbus-config', createdAgo: 40 * DAYS, data: {
    'nats.conf': 'port: 4222\nauthorization { token: secret-looking-value }\n',
    'streams.json': '[{"name":"PARCELS","subjects":["parcels.>"],"storage":"file"}]',
  } });
  for (const x of [...threeNodes(), ...app.objects, ...bus.objects, config, ...exposed({ namespace: NS, name: 'msgbus', selector: { app: 'msgbus' }, pods: bus.pods, ports: [{ name: 'client', port: 4222, targetPort: 4222 }], endpointPort: 4222 })]) h.fake.add(x);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
}

describe('the NATS servers of a stream its clients are told does not exist', () => {
  it('are read with the streams their mounted config defines, and nothing else of the ConfigMap', async () => {
    cluster(`${BIND}\n${BIND}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const m = (ev.dependencyMembers ?? []).find((x) => x.service === 'msgbus');
    expect(m?.pods).toHaveLength(3);
    expect(m?.config).toEqual([{ configMap: 'msgbus-config', key: 'streams.json', setting: 'stream', value: 'PARCELS (parcels.>)' }]);
    expect(JSON.stringify(ev)).not.toContain('secret-looking-value');
    expect(h.fake.requests.some((r) => /\/secrets/.test(r.path))).toBe(false);
  });
});
