/**
 * A plain-text port answering a TLS handshake the app never started: the app calls its dependency
 * with http://, so the TLS is its mesh sidecar's. Istio's proxy originates mutual TLS when a
 * DestinationRule for that host sets `trafficPolicy.tls.mode: ISTIO_MUTUAL` (a wildcard host such
 * as *.svc.cluster.local covers every Service); a server with a sidecar terminates it, a server
 * without one (its namespace's injection disabled, or opted out) answers in plain text, and the
 * caller's proxy reports WRONG_VERSION_NUMBER and answers the app 503 (UF). The rule decides, not
 * the app: no revision of the caller changes it.
 */
import type { PodEvidence } from './evidence.js';
import type { ToldReading } from './told-reading.js';

const ISTIO_SIDECAR = /^istio-proxy$|istio\/proxyv2/;

export interface MeshOriginatedTls {
  /** The pods' sidecar container: "istio-proxy". */
  sidecar: string;
  /** The plain http:// URL the app calls, as its line gives it. */
  url: string;
}

/**
 * The sidecar and the plain URL, when the logging pod carries an Istio sidecar, the lines are the
 * app's own (not the sidecar's) and they call `host` with http://.
 */
export function findMeshOriginatedTls(pod: PodEvidence | undefined, container: string, lines: readonly string[], host: string | undefined): MeshOriginatedTls | undefined {
  if (pod === undefined || host === undefined) return undefined;
  const sidecar = [...pod.containers, ...pod.initContainers].find((c) => ISTIO_SIDECAR.test(c.name) || ISTIO_SIDECAR.test(c.image));
  if (sidecar === undefined || sidecar.name === container) return undefined;
  for (const line of lines) {
    for (const m of line.matchAll(/\bhttp:\/\/([a-z0-9.-]+)(?::\d+)?[^\s"'\\,)]*/gi)) {
      if ((m[1] ?? '').toLowerCase() === host.toLowerCase()) return { sidecar: sidecar.name, url: m[0] };
    }
  }
  return undefined;
}

export function explainMeshOriginatedTls(found: MeshOriginatedTls, host: string, dep: string, workload: string): ToldReading & { outsideWorkload: string } {
  return {
    title: `${dep} answers the TLS handshake in plain text (WRONG_VERSION_NUMBER): the app calls it with http://, so the TLS is its ${found.sidecar} sidecar's — the mesh originates mutual TLS (ISTIO_MUTUAL) to a server without a sidecar`,
    evidence: [`the app calls ${found.url} in plain HTTP; the pods' ${found.sidecar} sidecar opens the TLS`],
    cause: `The app speaks plain HTTP to ${host}; its ${found.sidecar} sidecar upgrades the call to mutual TLS because a DestinationRule that matches the host sets trafficPolicy.tls.mode ISTIO_MUTUAL (often a wildcard host such as *.svc.cluster.local, broadened to cover more Services). A server with a sidecar would terminate it; this one answers the ClientHello in plain text, so it has none (its namespace's injection disabled, or the pod opted out): the proxy reports WRONG_VERSION_NUMBER and answers the app 503 (UF, upstream connect error). Nothing in ${workload} changed this.`,
    action: `Find the DestinationRules whose host matches ${host} and when they changed (\`kubectl get destinationrules -A\`, \`istioctl x describe pod\`); set tls mode DISABLE for ${host} (a DestinationRule of its own) or narrow the ISTIO_MUTUAL rule's host back, or give the server a sidecar. Rolling back ${workload} will not help.`,
    fix: `exclude ${host} from the ISTIO_MUTUAL DestinationRule (tls mode DISABLE for that host) or narrow the rule's host back`,
    outsideWorkload: `the mesh's DestinationRule decides the TLS its sidecar speaks to ${host}; any revision of ${workload} fails the same way`,
  };
}
