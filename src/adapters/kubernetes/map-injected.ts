// Which containers of a pod admission added, as the injectors' own annotations record it.
import type * as k8s from '@kubernetes/client-node';
import type { InjectedContainerEvidence } from '../../domain/triage/evidence.js';

/**
 * Kyverno's `policies.kyverno.io/last-applied-patches` ("<policy>.<rule>.kyverno.io: added
 * /spec/containers/1") and Istio's `sidecar.istio.io/status` ({"containers":["istio-proxy"]}).
 */
export function mapInjectedContainers(pod: k8s.V1Pod): InjectedContainerEvidence[] {
  const annotations = pod.metadata?.annotations ?? {};
  const out: InjectedContainerEvidence[] = [];
  for (const line of (annotations['policies.kyverno.io/last-applied-patches'] ?? '').split('\n')) {
    const m = /^([\w-]+)\.[\w-]+\.kyverno\.io:.*\badded \/spec\/(containers|initContainers)\/(\d+)/.exec(line.trim());
    const name = m ? pod.spec?.[m[2] === 'containers' ? 'containers' : 'initContainers']?.[Number(m[3])]?.name : undefined;
    if (m && name) out.push({ name, by: `Kyverno policy ${m[1] ?? ''}` });
  }
  try {
    const istio = JSON.parse(annotations['sidecar.istio.io/status'] ?? '{}') as { containers?: unknown };
    if (Array.isArray(istio.containers)) for (const c of istio.containers) if (typeof c === 'string') out.push({ name: c, by: 'the Istio sidecar injector' });
  } catch {
    // Not JSON: nothing to learn from it.
  }
  return out;
}
