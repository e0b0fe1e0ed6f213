// Redis replicas whose own logs start a sync and lose the link again and again: the primary they
// name ("Connecting to MASTER pod.headless…") is got, its log tail read, and the ConfigMaps it
// mounts that the namespace has are got (a mount of a missing one is not), keeping only the lines
// that set replication limits (never the rest of the data, never a Secret). Nothing of the primary
// is read while the replicas' syncs finish.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, configMap, container, endpointSliceFor, nameOf, service, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'cache';
const target = { service: 'cache-replicas', namespace: NS, kind: 'StatefulSet' as const, name: 'cache-replicas' };
const HOST = `cache-master-0.cache-headless.${NS}.svc.cluster.local`;
const DROP = '1:M 21 Nov 2026 01:59:21.000 # Client id=7 addr=10.0.3.100:48112 laddr=10.0.51.214:6379 fd=28 flags=S db=0 omem=251803640 cmd=psync user=default scheduled to be closed ASAP for overcoming of output buffer limits.';

function cluster(o: { looping: boolean; viaService?: boolean }) {
  const labels = { 'app.kubernetes.io/name': 'redis', 'app.kubernetes.io/instance': 'cache' };
  const tpl = { containers: [container({ name: 'redis', image: 'docker.io/bitnami/redis:7.2.5', ports: [6379] })], volumes: [{ name: 'config', configMap: { name: 'cache-conf' } }, { name: 'health', configMap: { name: 'cache-health' } }] };
  const master = statefulSetApp({ namespace: NS, name: 'cache-master', replicas: 1, selector: { ...labels, component: 'master' }, serviceName: 'cache-headless', revisions: [{ revision: 1, createdAgo: 9 * DAYS, template: tpl }], pods: [{ revision: 1, ordinal: 0, node: NODE_A, createdAgo: 9 * DAYS }] });
  const replicas = statefulSetApp({ namespace: NS, name: 'cache-replicas', replicas: 2, selector: { ...labels, component: 'replica' }, serviceName: 'cache-headless', revisions: [{ revision: 1, createdAgo: 9 * DAYS, template: tpl }], pods: [0, 1].map((k) => ({ revision: 1, ordinal: k, node: NODE_A, createdAgo: 9 * DAYS })) });
  const headless = service({ namespace: NS, name: 'cache-headless', selector: o.viaService ? { ...labels, component: 'replica' } : labels, headless: true, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 6379 }] });
  const primary = service({ namespace: NS, name: 'cache-master', selector: { ...labels, component: 'master' }, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 6379 }] });
  const conf = configMap({ namespace: NS, name: 'cache-conf', createdAgo: 90 * DAYS, data: { 'redis.conf': 'maxmemory 12gb\nrequirepass hunter2\nreplica-serve-stale-data no\nclient-output-buffer-limit replica 256mb 64mb 60\n' } });
  for (const x of [...threeNodes(), ...master.objects, ...replicas.objects, headless, endpointSliceFor(headless, o.viaService ? replicas.pods : [...master.pods, ...replicas.pods], 6379), primary, endpointSliceFor(primary, master.pods, 6379), conf]) h.fake.add(x);
  const turn = (m: number): string => [
    `1:S 21 Nov 2026 01:5${m}:00.000 * Connecting to MASTER ${o.viaService ? 'cache-master' : HOST}:6379`,
    `1:S 21 Nov 2026 01:5${m}:00.001 * MASTER <-> REPLICA sync started`,
    `1:S 21 Nov 2026 01:5${m}:00.002 * Full resync from master: 7c1e9a0d:88950122016`,
    o.looping ? `1:S 21 Nov 2026 01:5${m}:21.000 # I/O error trying to sync with MASTER: connection lost` : `1:S 21 Nov 2026 01:5${m}:21.000 * MASTER <-> REPLICA sync: Finished with success`,
  ].join('\n');
  for (const p of replicas.pods) h.fake.setLogs(NS, nameOf(p), 'redis', { current: `${[5, 7, 9].map(turn).join('\n')}\n` });
  for (const p of master.pods) h.fake.setLogs(NS, nameOf(p), 'redis', { current: `${DROP}\n` });
}

const reads = (re: RegExp) => h.fake.requests.filter((r) => re.test(r.path)).map((r) => r.path);

describe('the primary Redis replicas fail to sync with', () => {
  it('gets that pod, its log tail and the ConfigMap it mounts, keeping only the replication settings', async () => {
    cluster({ looping: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    // Got once: the pod behind the headless Service the family shares is not read twice.
    expect(reads(/\/pods\/cache-master-0$/)).toEqual([`/api/v1/namespaces/${NS}/pods/cache-master-0`]);
    expect(reads(/\/pods\/cache-master-0\/log$/).length).toBe(1);
    expect(reads(/\/configmaps\/[^/?]+$/)).toEqual([`/api/v1/namespaces/${NS}/configmaps/cache-conf`]);
    expect(reads(/\/secrets/)).toEqual([]);
    expect(ev.replicationPrimary?.host).toBe(HOST);
    expect(ev.replicationPrimary?.pod.name).toBe('cache-master-0');
    expect(ev.replicationPrimary?.logs[0]?.lines).toContain(DROP);
    expect(ev.replicationPrimary?.configMaps).toEqual(['cache-conf']);
    expect(ev.replicationPrimary?.settings).toEqual([
      { configMap: 'cache-conf', key: 'redis.conf', line: 'replica-serve-stale-data no' },
      { configMap: 'cache-conf', key: 'redis.conf', line: 'client-output-buffer-limit replica 256mb 64mb 60' },
    ]);
    expect(JSON.stringify(ev)).not.toContain('hunter2');
    expect(ev.readFailures.filter((f) => f.what.includes('cache-health'))).toEqual([]);
  });

  it('gets the primary behind the Service the replicas name, when no Service of theirs routes to it', async () => {
    cluster({ looping: true, viaService: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(reads(/\/pods\/cache-master-0$/)).toEqual([`/api/v1/namespaces/${NS}/pods/cache-master-0`]);
    expect(reads(/\/pods\/cache-master-0\/log$/).length).toBe(1);
    expect(ev.foreignPods).toBeUndefined();
    expect(ev.replicationPrimary?.host).toBe('cache-master');
    expect(ev.replicationPrimary?.logs[0]?.lines).toContain(DROP);
  });

  it('reads nothing of the primary while the replicas\' syncs finish', async () => {
    cluster({ looping: false });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    // Its pod is read only as an endpoint of the headless Service the family shares (foreign pods).
    expect(reads(/\/configmaps\/[^/?]+$/)).toEqual([]);
    expect(reads(/\/pods\/cache-master-0(\/log)?$/).length).toBeLessThanOrEqual(2);
    expect(ev.replicationPrimary).toBeUndefined();
  });
});
