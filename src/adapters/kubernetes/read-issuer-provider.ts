// The identity provider behind an issuer the workload refuses every token for, when it runs in the
// cluster (evidence-issuer-provider.ts). Read only then: one page of the cluster's Deployments and
// one of its StatefulSets (at most 500 each), kept only when a pod template's literal env value or
// argument names the issuer's host; for the first such workload, one list of its revisions
// (ReplicaSets or ControllerRevisions by its selector, at most 20), the newest two compared on the
// settings that name the host. Never a Secret: env from Secrets or ConfigMaps stays unread.
import type * as k8s from '@kubernetes/client-node';
import type { IssuerProviderEvidence, LogEvidence, RevisionEvidence } from '../../domain/triage/evidence.js';
import { findIssuerMismatch, issuerHost } from '../../domain/triage/token-issuer-mismatch.js';
import type { CollectContext } from './collect-context.js';
import { formatSelector } from './label-selector.js';
import { isOwnedBy, mapControllerRevision, mapReplicaSet } from './map-revision.js';
import { pageParams } from './paginate.js';

const MAX_WORKLOADS = 500;
const MAX_REVISIONS = 20;

type Provider = { kind: 'Deployment'; obj: k8s.V1Deployment } | { kind: 'StatefulSet'; obj: k8s.V1StatefulSet };

/** Whether a pod template names the host in a literal env value or an argument. */
function namesHost(spec: k8s.V1PodSpec | undefined, host: string): boolean {
  return (spec?.containers ?? []).some((c) => [...(c.env ?? []).map((e) => e.value ?? ''), ...(c.args ?? []), ...(c.command ?? [])].some((v) => v.includes(host)));
}

/** The settings of a revision that name the host, as `NAME` → value (env) or the argument itself. */
function settingsNaming(r: RevisionEvidence, host: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of r.containers) {
    for (const e of c.env) if ('value' in e && e.value.includes(host)) out.set(e.name, e.value);
    for (const a of [...(c.command ?? []), ...(c.args ?? [])]) if (a.includes(host)) out.set(a.split('=')[0] ?? a, a.includes('=') ? a.slice(a.indexOf('=') + 1) : a);
  }
  return out;
}

function valueIn(r: RevisionEvidence | undefined, name: string): string | undefined {
  for (const c of r?.containers ?? []) {
    const e = c.env.find((x) => x.name === name);
    if (e !== undefined && 'value' in e) return e.value;
    const a = [...(c.command ?? []), ...(c.args ?? [])].find((x) => x.split('=')[0] === name);
    if (a !== undefined) return a.includes('=') ? a.slice(a.indexOf('=') + 1) : a;
  }
  return undefined;
}

async function readRevisions(ctx: CollectContext, p: Provider): Promise<RevisionEvidence[]> {
  const { apps } = ctx.clients;
  const namespace = p.obj.metadata?.namespace ?? '';
  const labelSelector = formatSelector(p.obj.spec?.selector);
  const uid = p.obj.metadata?.uid;
  if (namespace === '' || labelSelector === '') return [];
  const what = `revisions of ${p.kind} ${namespace}/${p.obj.metadata?.name ?? ''}, whose template names the issuer the workload refuses`;
  if (p.kind === 'Deployment') {
    const list = await ctx.reads.list(what, 'dependencyPods', (cont, limit, o) => apps.listNamespacedReplicaSet({ namespace, labelSelector, ...pageParams(cont, limit) }, o), { maxItems: MAX_REVISIONS });
    return list.items.filter((rs) => isOwnedBy(rs.metadata, uid)).flatMap((rs) => mapReplicaSet(rs) ?? []);
  }
  const list = await ctx.reads.list(what, 'dependencyPods', (cont, limit, o) => apps.listNamespacedControllerRevision({ namespace, labelSelector, ...pageParams(cont, limit) }, o), { maxItems: MAX_REVISIONS });
  return list.items.filter((cr) => isOwnedBy(cr.metadata, uid)).map((cr) => mapControllerRevision(cr));
}

export async function readIssuerProvider(ctx: CollectContext, input: { logs: readonly LogEvidence[] }): Promise<IssuerProviderEvidence | undefined> {
  const mismatch = findIssuerMismatch(input.logs, ctx.now().toISOString());
  const host = mismatch?.got === undefined ? undefined : issuerHost(mismatch.got);
  // A bare name or an address names no provider to look for.
  if (host === undefined || !/[a-z]/i.test(host) || !host.includes('.')) return undefined;
  const { apps } = ctx.clients;
  const [deployments, statefulSets] = await Promise.all([
    ctx.reads.list(`Deployments of the cluster (one naming ${host}, the issuer the workload refuses)`, 'dependencyPods', (cont, limit, o) => apps.listDeploymentForAllNamespaces(pageParams(cont, limit), o), { maxItems: MAX_WORKLOADS }),
    ctx.reads.list(`StatefulSets of the cluster (one naming ${host}, the issuer the workload refuses)`, 'dependencyPods', (cont, limit, o) => apps.listStatefulSetForAllNamespaces(pageParams(cont, limit), o), { maxItems: MAX_WORKLOADS }),
  ]);
  const candidates: Provider[] = [
    ...statefulSets.items.filter((s) => namesHost(s.spec?.template?.spec, host)).map((obj) => ({ kind: 'StatefulSet' as const, obj })),
    ...deployments.items.filter((d) => namesHost(d.spec?.template?.spec, host)).map((obj) => ({ kind: 'Deployment' as const, obj })),
  ];
  const provider = candidates[0];
  if (provider === undefined) return undefined;
  const revisions = (await readRevisions(ctx, provider)).sort((a, b) => b.revision - a.revision);
  const [newest, previous] = revisions;
  if (newest === undefined) return undefined;
  const settings = [...settingsNaming(newest, host)].map(([name, value]) => {
    const before = valueIn(previous, name);
    return { name, value, ...(before !== undefined ? { before } : {}) };
  });
  return {
    kind: provider.kind,
    namespace: provider.obj.metadata?.namespace ?? '',
    name: provider.obj.metadata?.name ?? '',
    host,
    revision: newest.revision,
    createdAt: newest.createdAt,
    settings,
    ...(previous ? { previousRevision: previous.revision } : {}),
  };
}
