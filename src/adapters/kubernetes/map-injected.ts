// Which containers of a pod admission added, as the injectors' own annotations record it.
import type * as k8s from '@kubernetes/client-node';
import type { InjectedContainerEvidence } from '../../domain/triage/evidence.js';
import type { MissedInjectionEvidence } from '../../domain/triage/evidence-injection.js';

/**
 * Kyverno's `policies.kyverno.io/last-applied-patches` ("<policy>.<rule>.kyverno.io: added
 * /spec/containers/1": a whole container, not a patch inside one) and Istio's `sidecar.istio.io/status` ({"containers":["istio-proxy"]}).
 */
export function mapInjectedContainers(pod: k8s.V1Pod): InjectedContainerEvidence[] {
  const annotations = pod.metadata?.annotations ?? {};
  const out: InjectedContainerEvidence[] = [];
  for (const line of (annotations['policies.kyverno.io/last-applied-patches'] ?? '').split('\n')) {
    const m = /^([\w-]+)\.[\w-]+\.kyverno\.io:.*\badded \/spec\/(containers|initContainers)\/(\d+)\s*$/.exec(line.trim());
    const name = m ? pod.spec?.[m[2] === 'containers' ? 'containers' : 'initContainers']?.[Number(m[3])]?.name : undefined;
    if (m && name) out.push({ name, by: `Kyverno policy ${m[1] ?? ''}` });
  }
  try {
    const istio = JSON.parse(annotations['sidecar.istio.io/status'] ?? '{}') as { containers?: unknown };
    if (Array.isArray(istio.containers)) for (const c of istio.containers) if (typeof c === 'string') out.push({ name: c, by: 'the Istio sidecar injector' });
  } catch {
    // Not JSON: nothing to learn from it.
  }
  out.push(...mapVaultInjected(pod));
  return out;
}

/** The Vault agent injector's containers, and the Helm chart's defaults for where it runs. */
const VAULT = { injector: 'the Vault agent injector', containers: ['vault-agent-init', 'vault-agent'], home: { namespace: 'vault', selector: 'app.kubernetes.io/name=vault-agent-injector', name: 'vault-agent-injector' } };
const ISTIO = { injector: 'the Istio sidecar injector', containers: ['istio-init', 'istio-proxy'], home: { namespace: 'istio-system', selector: 'app=istiod', name: 'istiod' } };

/** Vault's injector marks what it injected with `vault.hashicorp.com/agent-inject-status`. */
export function mapVaultInjected(pod: k8s.V1Pod): InjectedContainerEvidence[] {
  const status = pod.metadata?.annotations?.['vault.hashicorp.com/agent-inject-status'];
  if (status === undefined || status === '') return [];
  const present = new Set([...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name));
  return VAULT.containers.filter((c) => present.has(c)).map((name) => ({ name, by: VAULT.injector }));
}

/**
 * An injection the pod asks for (Vault's `agent-inject: "true"`, Istio's `sidecar.istio.io/inject:
 * "true"` label or annotation) that its injector never marked as done and whose containers the pod
 * does not carry: admitted without it. A pod that has them was injected, status or not.
 */
export function mapMissedInjection(pod: k8s.V1Pod): MissedInjectionEvidence | undefined {
  const annotations = pod.metadata?.annotations ?? {};
  const labels = pod.metadata?.labels ?? {};
  const present = new Set([...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name));
  const lacks = (containers: readonly string[]) => !containers.some((c) => present.has(c));
  if (/^(true|yes|y|on)$/i.test(annotations['vault.hashicorp.com/agent-inject'] ?? '') && annotations['vault.hashicorp.com/agent-inject-status'] === undefined && lacks(VAULT.containers)) {
    return { ...VAULT, askedBy: 'vault.hashicorp.com/agent-inject: true' };
  }
  const istio = labels['sidecar.istio.io/inject'] ?? annotations['sidecar.istio.io/inject'];
  if (istio === 'true' && annotations['sidecar.istio.io/status'] === undefined && lacks(ISTIO.containers)) return { ...ISTIO, askedBy: 'sidecar.istio.io/inject: true' };
  return undefined;
}
