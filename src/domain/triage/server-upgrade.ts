/**
 * A server that refuses a client for being older than it (MongoDB 6.0 refusing OP_QUERY, an
 * Elasticsearch 8.x refusing a 7.x client's compatibility headers): nothing of the client need have
 * changed, so the server's own rollout is the trigger. The collector reads the pod of the Service
 * the client's address names, and its StatefulSet's or Deployment's revisions (read-server-rollout.ts);
 * a recent rollout (an image change) is then named as the "since".
 */
import type { ContainerSpecEvidence, TriageEvidence } from './evidence.js';
import type { ServerRolloutRead } from './evidence-server-rollout.js';
import type { DependencyPodEvidence } from './evidence-server-config.js';
import { findInClusterService } from './down-service.js';
import { LEGACY_OPCODE_REFUSAL } from './mongo-legacy-opcode.js';
import { COMPAT_HEADERS_REFUSAL } from './es-compat-headers.js';
import { describeServerRollout } from './server-rollout.js';

interface ServerRefusal {
  /** A line the server's refusal of an older client leaves in the client's log. */
  refusal: RegExp;
  /** URL schemes of the server's address. */
  schemes: readonly string[];
  /** A variable that names the server (its address need not be a URL of its own scheme). */
  variable: RegExp;
}

const REFUSALS: readonly ServerRefusal[] = [
  { refusal: LEGACY_OPCODE_REFUSAL, schemes: ['mongodb', 'mongodb+srv'], variable: /MONGO/i },
  { refusal: COMPAT_HEADERS_REFUSAL, schemes: [], variable: /ELASTIC|OPENSEARCH|(^|_)ES(_|$)/i },
];

/** The namespace Service an env value of the container addresses: a URL of the server's scheme, or a variable that names the server. */
function pickAddressedService(container: Pick<ContainerSpecEvidence, 'env'>, r: ServerRefusal, namespace: string): string | undefined {
  for (const e of container.env ?? []) {
    if (!('value' in e) || typeof e.value !== 'string') continue;
    const first = e.value.split(',')[0]?.trim() ?? '';
    const url = /^([a-z][\w+.-]*):\/\/(?:[^@/\s]*@)?([^:/?\s,]+)/i.exec(first);
    const named = r.variable.test(e.name);
    if (url !== null && !r.schemes.includes((url[1] ?? '').toLowerCase()) && !named) continue;
    const host = url?.[2] ?? (named ? /^([a-z0-9.-]+?)(?::\d+)?$/i.exec(first)?.[1] : undefined);
    const service = host === undefined ? undefined : findInClusterService(host, namespace);
    if (service?.namespace === namespace) return service.name;
  }
  return undefined;
}

/** The Service of the server whose refusal of an older client the workload's logs show (at most one). */
export function findUpgradedServerService(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'>): string | undefined {
  for (const log of ev.logs) {
    const r = REFUSALS.find((x) => log.lines.some((l) => x.refusal.test(l)));
    const container = ev.pods.find((p) => p.name === log.pod)?.containers.find((c) => c.name === log.container);
    const service = r && container ? pickAddressedService(container, r, ev.target.namespace) : undefined;
    if (service !== undefined) return service;
  }
  return undefined;
}

/** For the collector: that Service, whose pod to read. */
export function listUpgradedServerServices(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'>): string[] {
  const service = findUpgradedServerService(ev);
  return service === undefined ? [] : [service];
}

/** For the collector: the revisions to read of the workload that runs that Service's pod (its StatefulSet or Deployment). */
export function listUpgradedServerRolloutReads(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'>, read: readonly DependencyPodEvidence[]): ServerRolloutRead[] {
  const service = findUpgradedServerService(ev);
  const d = service === undefined ? undefined : read.find((x) => x.service === service && (x.namespace ?? ev.target.namespace) === ev.target.namespace);
  const owner = d?.pod.ownerWorkload;
  const hash = d?.pod.revisionHash;
  if (d === undefined || owner === undefined || hash === undefined) return [];
  const base = { service: d.service, ...(d.namespace === undefined ? {} : { namespace: d.namespace }), pod: d.pod.name, revisionHash: hash };
  if (owner.kind === 'StatefulSet') return [{ ...base, statefulSet: owner.name }];
  if (owner.kind === 'Deployment') return [{ ...base, deployment: owner.name }];
  return [];
}

/** The server's recent rollout, told: "StatefulSet db rolled to revision 7 52m ago (image … → …)"; undefined when it did not roll out lately. */
export function describeUpgradedServer(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target' | 'dependencyPods' | 'collectedAt'>): { said: string; evidence: string } | undefined {
  const service = findUpgradedServerService(ev);
  const d = service === undefined ? undefined : (ev.dependencyPods ?? []).find((x) => x.service === service && (x.namespace ?? ev.target.namespace) === ev.target.namespace && x.rollout !== undefined);
  return d === undefined ? undefined : describeServerRollout(d.rollout, ev.collectedAt);
}
