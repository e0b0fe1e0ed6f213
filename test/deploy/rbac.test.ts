// The ClusterRole that ships with the bot is read-only and grants exactly what the Kubernetes
// adapter reads. The list below mirrors the calls in src/adapters/kubernetes; a second check
// drives the adapter against the fake API server and derives the grants from its requests, so
// a new call that the list (and the role) forgot fails here rather than in a customer cluster.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startHarness } from '../adapters/kubernetes/harness.js';
import { addLedgerDb, addPaymentService } from '../adapters/kubernetes/scenarios.js';

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

const role = parse(readFileSync(join(import.meta.dirname, '../../deploy/kubernetes/clusterrole.yaml'), 'utf8')) as {
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
  { group: 'apps', resource: 'controllerrevisions', verb: 'list', call: 'listNamespacedControllerRevision' },
  { group: '', resource: 'pods', verb: 'list', call: 'listNamespacedPod' },
  { group: '', resource: 'pods/log', verb: 'get', call: 'readNamespacedPodLog' },
  { group: '', resource: 'events', verb: 'list', call: 'listNamespacedEvent, listEventForAllNamespaces' },
  { group: '', resource: 'events', verb: 'watch', call: 'Watch /api/v1/namespaces/{ns}/events, /api/v1/events (cluster events → timeline)' },
  { group: '', resource: 'nodes', verb: 'get', call: 'readNode' },
  { group: '', resource: 'services', verb: 'list', call: 'listNamespacedService' },
  { group: '', resource: 'persistentvolumeclaims', verb: 'get', call: 'readNamespacedPersistentVolumeClaim' },
  { group: 'autoscaling', resource: 'horizontalpodautoscalers', verb: 'list', call: 'listNamespacedHorizontalPodAutoscaler' },
  { group: 'discovery.k8s.io', resource: 'endpointslices', verb: 'list', call: 'listNamespacedEndpointSlice' },
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

describe('deploy/kubernetes/clusterrole.yaml', () => {
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
      await h.cluster.collectEvidence({ service: 'p', namespace: 'payments', kind: 'Deployment', name: 'payment-service' }, { budgetMs: 10_000 });
      await h.cluster.collectEvidence({ service: 'l', namespace: 'data', kind: 'StatefulSet', name: 'ledger-db' }, { budgetMs: 10_000 });
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
