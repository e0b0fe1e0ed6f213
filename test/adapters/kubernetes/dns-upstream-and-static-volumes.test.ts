// Two reads that follow a lead: the log tails of a ready cluster DNS when the workload's lookups time
// out (its upstream forwards may be what fails), and the PersistentVolumes whose claimRef names a
// claim that waits for a static volume. Neither is read when the first evidence does not call for it.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, coreDns, crashLoop, deploymentApp, nameOf, pv, pvc, running, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'billing';

describe('the log tails of a ready cluster DNS', () => {
  const target = { service: 'invoicer', namespace: NS, kind: 'Deployment' as const, name: 'invoicer' };
  function cluster(log: string) {
    const app = deploymentApp({
      namespace: NS, name: 'invoicer', replicas: 2,
      revisions: [{ revision: 3, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/billing/invoicer:2.0.1' })] } }],
      pods: [NODE_A, NODE_B].map((node) => ({ revision: 3, node, createdAgo: 9 * DAYS, containers: { app: running({ sinceAgo: 9 * DAYS, ready: false }) } })),
    });
    const dns = deploymentApp({
      namespace: 'kube-system', name: 'coredns', replicas: 2, selector: { 'k8s-app': 'kube-dns' },
      revisions: [{ revision: 2, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'coredns', image: 'coredns:1.11.3' })] } }],
      pods: [NODE_A, NODE_B].map((node) => ({ revision: 2, node, createdAgo: 80 * DAYS })),
    });
    for (const o of [...threeNodes(), ...app.objects, ...dns.objects]) h.fake.add(o);
    for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
    for (const p of dns.pods) h.fake.setLogs('kube-system', nameOf(p), 'coredns', { current: '[ERROR] plugin/errors: 2 tax.vendor.test. A: read udp 10.1.0.9:5311->172.16.8.8:53: i/o timeout\n' });
  }
  const dnsLogReads = () => h.fake.requests.filter((r) => r.path.startsWith('/api/v1/namespaces/kube-system/pods/') && r.path.endsWith('/log'));

  it('reads two DNS pods\' logs when lookups time out while every DNS pod is ready', async () => {
    cluster('Error: getaddrinfo EAI_AGAIN tax.vendor.test\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(dnsLogReads()).toHaveLength(2);
    expect(ev.dns?.capacity?.logs?.flatMap((l) => l.lines)).toContain('[ERROR] plugin/errors: 2 tax.vendor.test. A: read udp 10.1.0.9:5311->172.16.8.8:53: i/o timeout');
  });

  it('reads none while the logs show no failed lookup', async () => {
    cluster('{"msg":"invoice sent"}\n');
    await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(dnsLogReads()).toEqual([]);
  });
});

describe('the log tails of a crash-looping cluster DNS pod', () => {
  const target = { service: 'invoicer', namespace: NS, kind: 'Deployment' as const, name: 'invoicer' };
  const parse = "plugin/forward: /etc/coredns/Corefile:9 - Error during parsing: unknown policy 'roundrobin'";
  function cluster(log: string) {
    const app = deploymentApp({
      namespace: NS, name: 'invoicer', replicas: 2,
      revisions: [{ revision: 3, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/billing/invoicer:2.0.1' })] } }],
      pods: [NODE_A, NODE_B].map((node) => ({ revision: 3, node, createdAgo: 9 * DAYS, containers: { app: running({ sinceAgo: 9 * DAYS, ready: false }) } })),
    });
    const dns = coreDns([{ node: NODE_A }, { node: NODE_B, createdAgo: 30, story: crashLoop({ exitCode: 1, finishedAgo: 1, ranSeconds: 0.2 }, 9) }]);
    for (const o of [...threeNodes(), ...app.objects, ...dns.objects]) h.fake.add(o);
    for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
    const [ok, crashing] = dns.pods;
    if (ok) h.fake.setLogs('kube-system', nameOf(ok), 'coredns', { current: `[ERROR] Restart failed: ${parse}\n` });
    if (crashing) h.fake.setLogs('kube-system', nameOf(crashing), 'coredns', { current: `${parse}\n`, previous: `${parse}\n` });
  }
  const dnsLogReads = () => h.fake.requests.filter((r) => r.path.startsWith('/api/v1/namespaces/kube-system/pods/') && r.path.endsWith('/log'));

  it("reads the crashing DNS pod's previous log and a ready one's when lookups fail", async () => {
    cluster('dial tcp: lookup tax.billing.svc.cluster.local on 172.20.0.10:53: read udp 10.0.1.4:40000->172.20.0.10:53: i/o timeout\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(dnsLogReads()).toHaveLength(2);
    expect(ev.dns?.logs?.find((l) => l.previous)?.lines).toEqual([parse]);
    expect(ev.dns?.logs?.flatMap((l) => l.lines)).toContain(`[ERROR] Restart failed: ${parse}`);
  });

  it('reads none while the logs show no failed lookup', async () => {
    cluster('{"msg":"invoice sent"}\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(dnsLogReads()).toEqual([]);
    expect(ev.dns?.logs).toBeUndefined();
  });
});

describe('the volumes that name a claim waiting for a static volume', () => {
  const target = { service: 'ledger', namespace: NS, kind: 'StatefulSet' as const, name: 'ledger' };
  function cluster(storageClass: string | null) {
    const sts = statefulSetApp({
      namespace: NS, name: 'ledger', replicas: 1,
      revisions: [{ revision: 1, createdAgo: 40, template: { containers: [container({ name: 'ledger', image: 'registry.example.com/billing/ledger:1.0.0' })] } }],
      volumeClaimTemplates: [{ name: 'state', storage: '10Gi' }],
      pods: [{ revision: 1, ordinal: 0, node: null, createdAgo: 39, unschedulable: '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.' }],
    });
    const objects = [
      ...threeNodes(), ...sts.objects,
      pvc({ namespace: NS, name: 'state-ledger-0', storage: '10Gi', storageClass, phase: 'Pending', createdAgo: 39 }),
      pv({ name: 'ledger-disk-a', storage: '10Gi', claim: { namespace: NS, name: 'state-ledger-0' }, storageClass: '', static: true, reclaimPolicy: 'Retain', phase: 'Released', createdAgo: 300 * DAYS }),
      pv({ name: 'other-disk', storage: '10Gi', claim: { namespace: 'elsewhere', name: 'data-0' }, phase: 'Bound', createdAgo: 30 * DAYS }),
    ];
    for (const o of objects) h.fake.add(o);
  }
  const volumeLists = () => h.fake.requests.filter((r) => r.path === '/api/v1/persistentvolumes');

  it('lists the volumes once and keeps the Released one whose claimRef names the claim', async () => {
    cluster(null);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(volumeLists()).toHaveLength(1);
    expect(ev.volumes?.map((v) => `${v.name} ${v.phase} ${v.claim}`)).toEqual([`ledger-disk-a Released ${NS}/state-ledger-0`]);
  });

  it('does not list volumes for a claim that has a StorageClass', async () => {
    cluster('premium-ssd');
    await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(volumeLists()).toEqual([]);
  });
});
