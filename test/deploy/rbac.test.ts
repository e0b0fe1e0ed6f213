// The ClusterRole that ships with the bot is read-only and grants exactly what the Kubernetes
// adapter reads. The list below mirrors the calls in src/adapters/kubernetes; a second check
// drives the adapter against the fake API server and derives the grants from its requests, so
// a new call that the list (and the role) forgot fails here rather than in a customer cluster.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AMPLE_BUDGET_MS } from '../helpers/deadline.js';
import { startHarness } from '../adapters/kubernetes/harness.js';
import { addLedgerDb, addPaymentService } from '../adapters/kubernetes/scenarios.js';
import { DAYS, NODE_A, container, cronJob, crashLoop, daemonSetApp, terminated } from '../triage-corpus/kit/index.js';

/** A CronJob with one failed run, and a DaemonSet with one crashing pod: the other target kinds. */
function nightlyReport() {
  return cronJob({
    namespace: 'reports',
    name: 'nightly-report',
    schedule: '0 2 * * *',
    template: { containers: [container({ image: 'registry.example.com/reports:1.4.0', readiness: null, liveness: null })] },
    jobs: [{ createdAgo: 74, pods: [{ node: NODE_A, phase: 'Failed', createdAgo: 74, containers: { app: terminated({ exitCode: 1, finishedAgo: 70 }) } }], outcome: { failed: 'BackoffLimitExceeded', ago: 70 } }],
  });
}

function logShipper() {
  return daemonSetApp({
    namespace: 'observability',
    name: 'log-shipper',
    revisions: [{ revision: 3, createdAgo: 5 * DAYS, template: { containers: [container({ image: 'fluent/fluent-bit:3.1.9' })] } }],
    pods: [{ revision: 3, node: NODE_A, containers: { app: crashLoop({ exitCode: 1 }, 4) } }],
  });
}

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

const role = parse(readFileSync(join(import.meta.dirname, '../../deploy/kubernetes/base/clusterrole.yaml'), 'utf8')) as {
  kind: string;
  rules: Rule[];
};

/** group/resource → verb, for every call in src/adapters/kubernetes (kube-cluster.ts and its helpers). */
const ADAPTER_READS: readonly { group: string; resource: string; verb: 'get' | 'list' | 'watch'; call: string }[] = [
  { group: 'apps', resource: 'deployments', verb: 'get', call: 'readNamespacedDeployment' },
  { group: 'apps', resource: 'deployments', verb: 'list', call: 'listNamespacedDeployment, listDeploymentForAllNamespaces' },
  { group: 'apps', resource: 'statefulsets', verb: 'get', call: 'readNamespacedStatefulSet' },
  { group: 'apps', resource: 'statefulsets', verb: 'list', call: 'listNamespacedStatefulSet, listStatefulSetForAllNamespaces' },
  { group: 'apps', resource: 'replicasets', verb: 'list', call: 'listNamespacedReplicaSet' },
  { group: 'apps', resource: 'replicasets', verb: 'get', call: 'readNamespacedReplicaSet (the ReplicaSets of the pods behind the workload\'s Services that are not its own, at most two: whether they still have an owner)' },
  { group: 'apps', resource: 'controllerrevisions', verb: 'list', call: 'listNamespacedControllerRevision' },
  { group: '', resource: 'pods', verb: 'list', call: 'listNamespacedPod, listPodForAllNamespaces (a node\'s pods, callers by IP, the ingress-nginx controller by label, a CSI driver\'s controller by its selector)' },
  { group: '', resource: 'pods/log', verb: 'get', call: 'readNamespacedPodLog' },
  { group: '', resource: 'events', verb: 'list', call: 'listNamespacedEvent, listEventForAllNamespaces' },
  { group: '', resource: 'events', verb: 'watch', call: 'Watch /api/v1/namespaces/{ns}/events, /api/v1/events (cluster events → timeline)' },
  { group: '', resource: 'nodes', verb: 'get', call: 'readNode' },
  { group: '', resource: 'nodes', verb: 'list', call: 'listNode (placement of pods that cannot be scheduled)' },
  { group: '', resource: 'persistentvolumes', verb: 'get', call: 'readPersistentVolume' },
  { group: '', resource: 'namespaces', verb: 'get', call: 'readNamespace (labels and when they changed; the ingress controller\'s, for NetworkPolicy namespaceSelectors)' },
  { group: '', resource: 'configmaps', verb: 'list', call: 'listNamespacedConfigMap (names and times only)' },
  { group: '', resource: 'configmaps', verb: 'get', call: 'readNamespacedConfigMap (kube-system/cluster-autoscaler-status: its status text, while a pod waits to be placed)' },
  { group: '', resource: 'configmaps', verb: 'get', call: 'readNamespacedConfigMap (kube-system/coredns: its Corefile, when lookups of an outside name answer NXDOMAIN)' },
  { group: '', resource: 'configmaps', verb: 'get', call: 'readNamespacedConfigMap (the ConfigMaps a server that refuses the workload mounts, at most two: only the setting it refuses at is kept)' },
  { group: '', resource: 'resourcequotas', verb: 'list', call: 'listNamespacedResourceQuota' },
  { group: '', resource: 'limitranges', verb: 'list', call: 'listNamespacedLimitRange' },
  { group: 'networking.k8s.io', resource: 'networkpolicies', verb: 'list', call: 'listNamespacedNetworkPolicy' },
  { group: 'apps', resource: 'daemonsets', verb: 'get', call: 'readNamespacedDaemonSet' },
  { group: 'apps', resource: 'daemonsets', verb: 'list', call: 'listNamespacedDaemonSet, listDaemonSetForAllNamespaces' },
  { group: 'batch', resource: 'jobs', verb: 'get', call: 'readNamespacedJob' },
  { group: 'batch', resource: 'jobs', verb: 'list', call: 'listNamespacedJob, listJobForAllNamespaces' },
  { group: 'batch', resource: 'cronjobs', verb: 'get', call: 'readNamespacedCronJob' },
  { group: 'batch', resource: 'cronjobs', verb: 'list', call: 'listNamespacedCronJob, listCronJobForAllNamespaces' },
  { group: '', resource: 'services', verb: 'list', call: 'listNamespacedService' },
  { group: '', resource: 'persistentvolumeclaims', verb: 'get', call: 'readNamespacedPersistentVolumeClaim' },
  { group: 'autoscaling', resource: 'horizontalpodautoscalers', verb: 'list', call: 'listNamespacedHorizontalPodAutoscaler' },
  { group: 'discovery.k8s.io', resource: 'endpointslices', verb: 'list', call: 'listNamespacedEndpointSlice' },
  { group: 'storage.k8s.io', resource: 'storageclasses', verb: 'get', call: 'readStorageClass (the class of a pending pod\'s unbound claim, when the scheduler finds no volume to bind)' },
];

function grants(group: string, resource: string, verb: string): boolean {
  return role.rules.some((r) => (r.apiGroups ?? []).includes(group) && (r.resources ?? []).includes(resource) && (r.verbs ?? []).includes(verb));
}

function allStrings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(allStrings);
  if (v !== null && typeof v === 'object') return Object.values(v).flatMap(allStrings);
  return [];
}

/** `/api/v1/namespaces/ns/pods/p/log` → { group: '', resource: 'pods/log', verb: 'get' }. */
function rbacOf(path: string): { group: string; resource: string; verb: string } {
  const segs = path.split('/').filter((s) => s !== '');
  let group: string;
  let rest: string[];
  if (segs[0] === 'api') {
    group = '';
    rest = segs.slice(2);
  } else {
    group = segs[1] ?? '';
    rest = segs.slice(3);
  }
  if (rest[0] === 'namespaces' && rest.length >= 3) rest = rest.slice(2);
  const [resource = '', name, sub] = rest;
  return { group, resource: sub === undefined ? resource : `${resource}/${sub}`, verb: name === undefined ? 'list' : 'get' };
}

describe('deploy/kubernetes/base/clusterrole.yaml', () => {
  it('is a ClusterRole with rules', () => {
    expect(role.kind).toBe('ClusterRole');
    expect(role.rules.length).toBeGreaterThan(0);
  });

  it('never grants Secrets', () => {
    for (const r of role.rules) {
      expect(r.resources ?? []).not.toContain('secrets');
      expect((r.resources ?? []).some((res) => res.startsWith('secrets/'))).toBe(false);
    }
  });

  it('grants no verb outside get, list and watch', () => {
    for (const r of role.rules) for (const v of r.verbs ?? []) expect(['get', 'list', 'watch']).toContain(v);
  });

  it('has no wildcard anywhere', () => {
    expect(allStrings(role).filter((s) => s.includes('*'))).toEqual([]);
    for (const r of role.rules) {
      expect(r.resourceNames).toBeUndefined();
      expect(r.nonResourceURLs).toBeUndefined();
    }
  });

  it.each(ADAPTER_READS)('grants $verb on $group/$resource ($call)', ({ group, resource, verb }) => {
    expect(grants(group, resource, verb)).toBe(true);
  });

  it('covers every request the adapter actually makes', async () => {
    const h = await startHarness({ contexts: ['one'] });
    try {
      addPaymentService(h.fake);
      addLedgerDb(h.fake);
      await h.cluster.collectEvidence({ service: 'p', namespace: 'payments', kind: 'Deployment', name: 'payment-service' }, { budgetMs: AMPLE_BUDGET_MS });
      await h.cluster.collectEvidence({ service: 'l', namespace: 'data', kind: 'StatefulSet', name: 'ledger-db' }, { budgetMs: AMPLE_BUDGET_MS });
      for (const o of [...nightlyReport().objects, ...logShipper().objects]) h.fake.add(o);
      await h.cluster.collectEvidence({ service: 'n', namespace: 'reports', kind: 'CronJob', name: 'nightly-report' }, { budgetMs: AMPLE_BUDGET_MS });
      await h.cluster.collectEvidence({ service: 's', namespace: 'observability', kind: 'DaemonSet', name: 'log-shipper' }, { budgetMs: AMPLE_BUDGET_MS });
      await h.cluster.findWorkloads({ name: 'payment-service' });
      await h.cluster.findWorkloads({ name: 'payment-servce' });
      await h.cluster.findWorkloads({ name: 'payment-service', namespace: 'payments' });
      await h.cluster.findWorkloads({ name: 'payment-service', namespace: 'payments', selector: 'app=payment-service' });
      const used = new Set(h.fake.requests.map((r) => JSON.stringify(rbacOf(r.path))));
      const listed = new Set(ADAPTER_READS.map((r) => JSON.stringify({ group: r.group, resource: r.resource, verb: r.verb })));
      expect([...used].filter((u) => !listed.has(u))).toEqual([]);
      for (const u of used) {
        const { group, resource, verb } = JSON.parse(u) as { group: string; resource: string; verb: string };
        expect(grants(group, resource, verb), `${verb} ${group}/${resource}`).toBe(true);
      }
      expect(h.fake.writeAttempts).toEqual([]);
    } finally {
      await h.fake.close();
    }
  });
});
