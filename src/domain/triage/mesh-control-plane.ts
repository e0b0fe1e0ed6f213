/**
 * Meshed pods whose proxy cannot reach the mesh's control plane: Linkerd's proxy resolves every
 * outbound service through the destination controller; when it cannot ("Failed to resolve
 * control-plane component", its `controller{addr=…}` connects refused), it puts the logical
 * service in fail-fast and answers the app's calls itself with 503 "service in fail-fast". The app
 * and the service it calls are fine; the control plane is what to bring back.
 */
import type { ContainerEvidence, LogEvidence, PodEvidence } from './evidence-pod.js';
import { isErrorLine } from './error-line.js';

/** Linkerd's proxy sidecar, by the name its injector gives it or its image. */
export function isLinkerdProxy(c: Pick<ContainerEvidence, 'name' | 'image'>): boolean {
  return c.name === 'linkerd-proxy' || /(^|\/)linkerd\/proxy(:|@|$)/.test(c.image);
}

/** The proxy's own lines saying the control plane is out of reach. */
const CONTROL_PLANE_LOST = /Failed to resolve control-plane component|controller\{addr=[^}]+\}[^\n]*\b(Failed to connect|Connection refused|connect timed out)/;

export function listControlPlaneLost(lines: readonly string[]): string[] {
  return lines.filter((l) => CONTROL_PLANE_LOST.test(l));
}

/** Errors in a pod's read logs before its proxy's log is read: at least this many. */
const MIN_ERROR_LINES = 2;

/**
 * One running pod of the workload whose logs (already read) carry errors and which runs Linkerd's
 * proxy beside them: its proxy's log is the one to read. Undefined when no pod is meshed.
 */
export function pickMeshProxyLead(pods: readonly PodEvidence[], logs: readonly LogEvidence[]): { pod: string; container: string; namespace: string } | undefined {
  for (const p of pods) {
    if (p.phase !== 'Running' || p.deletionTimestamp !== undefined) continue;
    const proxy = [...p.containers, ...p.initContainers].find(isLinkerdProxy);
    if (proxy === undefined) continue;
    const errors = logs.filter((l) => l.pod === p.name && l.container !== proxy.name).reduce((n, l) => n + l.lines.filter(isErrorLine).length, 0);
    if (errors < MIN_ERROR_LINES) continue;
    return { pod: p.name, container: proxy.name, namespace: controlPlaneNamespace(proxy) };
  }
  return undefined;
}

/** The namespace of the destination service the proxy is set to use (LINKERD2_PROXY_DESTINATION_SVC_ADDR), else Linkerd's default. */
export function controlPlaneNamespace(proxy: Pick<ContainerEvidence, 'env'>): string {
  const addr = proxy.env?.find((e) => e.name === 'LINKERD2_PROXY_DESTINATION_SVC_ADDR');
  const value = addr !== undefined && 'value' in addr && typeof addr.value === 'string' ? addr.value : '';
  const ns = /^[a-z0-9-]+\.([a-z0-9-]+)\.svc\b/.exec(value)?.[1];
  return ns ?? 'linkerd';
}

/** The control plane's pods, as its chart labels them. */
export const LINKERD_CONTROL_PLANE_SELECTOR = 'linkerd.io/control-plane-ns';

/** The Deployment a control-plane pod belongs to: its name up to the pod-template-hash, else its component label. */
export function componentOf(p: PodEvidence): string {
  const hash = p.labels['pod-template-hash'];
  if (hash !== undefined) {
    const at = p.name.lastIndexOf(`-${hash}-`);
    if (at > 0) return p.name.slice(0, at);
  }
  const component = p.labels['linkerd.io/control-plane-component'];
  return component !== undefined ? `linkerd-${component}` : p.name;
}
