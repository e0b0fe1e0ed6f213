// The ingress controller in front of the workload (see evidence-ingress.ts): read only when the
// workload has a Service with a ready endpoint of its own pods. One cluster-wide list of the
// controller's pods by the labels its chart and manifests give them (at most 5); where none has
// them, one more list by the plain `app` label older and hand-written manifests use (at most 5,
// kept only where a container runs the ingress-nginx controller image or binary), then the current
// log tail of at most two, ready ones first. A failure is its own source, never 'logs': an
// unreadable controller log is named, but it neither blocks an all-clear nor supports a claim.
// Where that log shows connects timing out (packets dropped: a NetworkPolicy may keep the
// controller out), a get of the controller's Namespace too (its labels, for namespaceSelectors).
import type { V1Pod } from '@kubernetes/client-node';
import type { IngressControllerEvidence } from '../../domain/triage/evidence-ingress.js';
import type { LogEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { mapForeignPod } from './map-pod.js';
import { pageParams } from './paginate.js';
import { LOG_TAIL_LINES, splitLogLines } from './read-pod-details.js';
import { readPeerNamespace } from './read-peer-namespace.js';
import { isConnectTimeout } from '../../domain/triage/ingress-upstream-errors.js';

/** ingress-nginx's controller pods (Helm chart and static manifests; RKE2 renames the chart). */
const SELECTOR = 'app.kubernetes.io/name in (ingress-nginx,rke2-ingress-nginx),app.kubernetes.io/component=controller';
/** Older and hand-written manifests: a plain `app` label, checked against the image or binary below. */
const FALLBACK_SELECTOR = 'app in (ingress-nginx,ingress-nginx-controller,nginx-ingress,nginx-ingress-controller)';
const CONTROLLER_IMAGE = /(^|\/)ingress-nginx\/controller[:@]/;
const CONTROLLER_BINARY = /(^|\/)nginx-ingress-controller$/;
const MAX_PODS = 5;
const MAX_LOGS = 2;
/** A busy controller logs fast: a longer tail than the workload's own, still bounded in bytes. */
const TAIL_LINES = 4 * LOG_TAIL_LINES;
const LIMIT_BYTES = 256_000;

function runsController(pod: V1Pod): boolean {
  return (pod.spec?.containers ?? []).some((c) => CONTROLLER_IMAGE.test(c.image ?? '') || [...(c.command ?? []), ...(c.args ?? [])].some((a) => CONTROLLER_BINARY.test(a)));
}

export async function readIngressController(ctx: CollectContext): Promise<IngressControllerEvidence | undefined> {
  const listBy = (labelSelector: string, what: string) => ctx.reads.list(what, 'ingressController', (cont, limit, o) =>
    ctx.clients.core.listPodForAllNamespaces({ labelSelector, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_PODS },
  );
  const list = await listBy(SELECTOR, 'ingress-nginx controller pods (all namespaces)');
  if (list.failed) return undefined;
  const items = list.items.length > 0 ? list.items : await listBy(FALLBACK_SELECTOR, 'ingress-nginx controller pods by app label (all namespaces)').then((l) => (l.failed ? [] : l.items.filter(runsController)));
  if (items.length === 0) return undefined;
  const pods = items.map((p) => ({ pod: mapForeignPod(p), namespace: p.metadata?.namespace ?? '' }));
  const picked = [...pods.filter((p) => p.pod.ready), ...pods.filter((p) => !p.pod.ready)].slice(0, MAX_LOGS);
  const home = picked[0]?.namespace ?? '';
  const logs = await Promise.all(picked.map(async ({ pod, namespace }): Promise<LogEvidence | undefined> => {
    const container = pod.containers.find((c) => c.name === 'controller') ?? pod.containers[0];
    if (container === undefined) return undefined;
    const text = await ctx.reads.one(`current logs of ${namespace}/${pod.name}/${container.name} (ingress controller)`, 'ingressController', (o) =>
      ctx.clients.core.readNamespacedPodLog({ name: pod.name, namespace, container: container.name, tailLines: TAIL_LINES, limitBytes: LIMIT_BYTES }, o),
    );
    return text === undefined ? undefined : { pod: pod.name, container: container.name, previous: false, lines: splitLogLines(text) };
  }));
  const read = logs.filter((l): l is LogEvidence => l !== undefined);
  if (read.length === 0) return undefined;
  const dropped = read.some((l) => l.lines.some(isConnectTimeout));
  const namespaceMeta = dropped && home !== '' ? await readPeerNamespace(ctx, home, 'ingressController') : undefined;
  const readPods = picked.filter((p) => read.some((l) => l.pod === p.pod.name)).map((p) => p.pod);
  const podIPs = readPods.flatMap((p) => p.podIPs ?? []);
  return {
    controller: 'ingress-nginx',
    namespace: home,
    pods: pods.map((p) => p.pod.name),
    logs: read,
    ...(readPods[0] ? { podLabels: readPods[0].labels } : {}),
    ...(podIPs.length > 0 ? { podIPs } : {}),
    ...(namespaceMeta ? { namespaceMeta } : {}),
  };
}
