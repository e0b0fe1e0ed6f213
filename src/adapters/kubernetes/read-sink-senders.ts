// The senders of a collector that refuses data for its own memory (sink-senders.ts), read only
// when its own log shows such refusals: one page of the cluster's Deployments (at most 500),
// kept when a container's literal env names one of its Services (name.namespace[.svc…], a bare
// name from its namespace) or sends OTLP to its node's address (the node agent that forwards to
// it); env from Secrets or ConfigMaps stays unread. Those whose Progressing condition moved since
// `since` (or that have none) come first; for at most 3 of their namespaces (at most 6 senders),
// that namespace's ReplicaSets (read-namespace-rollouts.ts, at most 300) for their newest revisions.
import type * as k8s from '@kubernetes/client-node';
import type { TriageTarget } from '../../domain/triage/evidence.js';
import type { SinkSenderEvidence } from '../../domain/triage/evidence-sink-senders.js';
import { type Sink, findSinkReference } from '../../domain/triage/sink-senders.js';
import type { CollectContext } from './collect-context.js';
import { mapEnvVar } from './map-spec.js';
import { pageParams } from './paginate.js';
import { readNamespaceRollouts } from './read-namespace-rollouts.js';

const MAX_DEPLOYMENTS = 500;
const MAX_SENDERS = 6;
const MAX_NAMESPACES = 3;

/** When the Deployment last progressed (a rollout moves it; a scale does not): undefined when it says nothing. */
function progressedAt(d: k8s.V1Deployment): string | undefined {
  const c = d.status?.conditions?.find((x) => x.type === 'Progressing');
  const at = c?.lastUpdateTime ?? c?.lastTransitionTime;
  return at === undefined ? undefined : new Date(at).toISOString();
}

export async function readSinkSenders(ctx: CollectContext, target: TriageTarget, need: { since: string; otlp: boolean }, services: readonly string[]): Promise<SinkSenderEvidence[]> {
  if (services.length === 0 && !need.otlp) return [];
  const sink: Sink = { services: services.map((name) => ({ name, namespace: target.namespace })), otlp: need.otlp };
  const list = await ctx.reads.list('Deployments of the cluster (the senders of a collector that refuses data for its memory)', 'dependencyPods', (cont, limit, o) => ctx.clients.apps.listDeploymentForAllNamespaces(pageParams(cont, limit), o), { maxItems: MAX_DEPLOYMENTS });
  const senders = list.items.flatMap((d) => {
    const namespace = d.metadata?.namespace ?? '';
    const name = d.metadata?.name ?? '';
    if (namespace === target.namespace && name === target.name) return [];
    const spec = d.spec?.template.spec;
    for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
      const ref = findSinkReference((c.env ?? []).map(mapEnvVar), sink, namespace);
      if (ref !== undefined) return [{ namespace, name, ref, at: progressedAt(d) }];
    }
    return [];
  });
  const recent = senders
    .filter((s) => s.at === undefined || s.at >= need.since)
    .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''))
    .slice(0, MAX_SENDERS);
  const namespaces = [...new Set(recent.map((s) => s.namespace))].slice(0, MAX_NAMESPACES);
  const why = 'the workload refuses data for its memory: which of its senders rolled out';
  const lists = await Promise.all(namespaces.map((namespace) => readNamespaceRollouts(ctx, target, need.since, why, namespace)));
  return namespaces.flatMap((namespace, i) =>
    (lists[i] ?? []).flatMap((r) => {
      const s = recent.find((x) => x.namespace === namespace && x.name === r.deployment);
      return s === undefined ? [] : [{ ...r, namespace, via: s.ref.via, ...(s.ref.throughNodeAgent ? { throughNodeAgent: true as const } : {}) }];
    }),
  );
}
