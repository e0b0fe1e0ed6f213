/**
 * An init container of the app that runs after the mesh's own init container and before the mesh
 * proxy exists: istio-init (linkerd-init) has already redirected every outbound TCP connection of
 * the pod to the proxy's port, but the proxy is a regular container and starts only after every
 * init container has finished. So each connection the app's init container makes is refused,
 * whatever it calls, and the pod never leaves Init. The service it calls is not at fault, nor is
 * the revision: injection (often a namespace label set lately) is what put the redirect there.
 * holdApplicationUntilProxyStarts does not help init containers.
 */
import { parseDependencyError } from '../dependency-error-line.js';
import type { ContainerEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { pickDecisiveLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { formatPodShare, listNodesOf, severityForPods } from '../pod-status.js';
import { formatAgo } from '../time-span.js';

interface Mesh {
  mesh: 'Istio' | 'Linkerd';
  init: string;
  proxy: string;
  /** The proxy's outbound capture port. */
  port: number;
  /** The uid the redirect lets through untouched. */
  uid: number;
  /** The pod annotation that leaves an outbound port out of the redirect. */
  excludePorts: string;
  /** How to run the proxy as a native sidecar, started before the init containers. */
  native: string;
}

const MESHES: readonly Mesh[] = [
  { mesh: 'Istio', init: 'istio-init', proxy: 'istio-proxy', port: 15001, uid: 1337, excludePorts: 'traffic.sidecar.istio.io/excludeOutboundPorts', native: 'ENABLE_NATIVE_SIDECARS, Kubernetes 1.29+' },
  { mesh: 'Linkerd', init: 'linkerd-init', proxy: 'linkerd-proxy', port: 4140, uid: 2102, excludePorts: 'config.linkerd.io/skip-outbound-ports', native: 'config.alpha.linkerd.io/proxy-enable-native-sidecar: "true"' },
];

/** What a connection says when nothing listens where it was sent (curl's exit 7 wording too). */
const NOT_CONNECTED = /connection refused|ECONNREFUSED|Could not connect to server|Failed to connect to/i;

function hasFailed(c: ContainerEvidence): boolean {
  const s = c.state;
  if (s !== undefined && 'waiting' in s && /CrashLoopBackOff|Error/.test(s.waiting.reason ?? '')) return true;
  if (s !== undefined && 'terminated' in s && s.terminated.exitCode !== 0) return true;
  return c.restartCount > 0;
}

interface Blocked {
  pod: PodEvidence;
  container: ContainerEvidence;
  line: string;
  /** "config-server.platform.svc.cluster.local port 8888", as the log names the target. */
  target?: string;
}

/** The app's init containers after the mesh's init container, in a pod whose proxy is a regular container, refused on their calls. */
function findBlocked(ev: TriageEvidence, pod: PodEvidence, mesh: Mesh): Blocked[] {
  const at = pod.initContainers.findIndex((c) => c.name === mesh.init);
  if (at < 0 || !pod.containers.some((c) => c.name === mesh.proxy)) return [];
  return pod.initContainers.slice(at + 1).flatMap((c) => {
    if (c.sidecar === true || !hasFailed(c)) return [];
    const lines = ev.logs.filter((l) => l.pod === pod.name && l.container === c.name).flatMap((l) => l.lines);
    const refused = lines.filter((l) => NOT_CONNECTED.test(l) || parseDependencyError(l)?.problem === 'refused');
    if (refused.length === 0) return [];
    const named = refused.find((l) => /Failed to connect to \S+ port \d+/.test(l)) ?? refused.find((l) => parseDependencyError(l)?.dependency !== undefined);
    const target = named === undefined ? undefined : /Failed to connect to (\S+ port \d+)/.exec(named)?.[1] ?? parseDependencyError(named)?.dependency;
    return [{ pod, container: c, line: named ?? pickDecisiveLine(refused) ?? refused[refused.length - 1] ?? '', ...(target !== undefined ? { target } : {}) }];
  });
}

export function analyzeMeshInitRedirect(ev: TriageEvidence): Finding[] {
  for (const mesh of MESHES) {
    const blocked = ev.pods.flatMap((p) => findBlocked(ev, p, mesh));
    const first = blocked[0];
    if (first === undefined) continue;
    const names = [...new Set(blocked.map((b) => b.pod.name))];
    const init = first.container.name;
    const without = ev.pods.filter((p) => !p.containers.some((c) => c.name === mesh.proxy) && !p.initContainers.some((c) => c.name === mesh.proxy)).length;
    const ns = (ev.namespaceObjects ?? []).find((o) => o.kind === 'Namespace' && o.meshInjection?.mesh === mesh.mesh);
    const label = ns?.meshInjection?.setting;
    const since = ns?.changedAt !== undefined ? ` (last changed ${formatAgo(ns.changedAt, ev.collectedAt)})` : '';
    const injected = label !== undefined ? `namespace ${ns?.name ?? ev.target.namespace} is labelled ${label}${since}` : `${mesh.mesh} injects ${mesh.proxy} into the new pods`;
    const older = without > 0 ? `; the ${without} pod${without === 1 ? '' : 's'} created before ha${without === 1 ? 's' : 've'} no ${mesh.proxy}` : '';
    const port = /port (\d+)$/.exec(first.target ?? '')?.[1] ?? /:(\d+)$/.exec(first.target ?? '')?.[1];
    const fix = `exclude the init container's traffic from the redirect (${mesh.excludePorts}: "${port ?? '<port>'}" on the pod template), run ${init} as uid ${mesh.uid}, or run ${mesh.proxy} as a native sidecar (${mesh.native})`;
    return [
      {
        id: `sidecar-startup/mesh-init/${init}`,
        kind: 'sidecar-startup',
        title: `Init container ${init} runs after ${mesh.init} and before the ${mesh.mesh} proxy exists: ${mesh.init}'s iptables redirect its connections to ${mesh.proxy} (port ${mesh.port}), which starts only after every init container, so they are refused (${formatPodShare(ev, names.length)}); ${injected}${older}`,
        layer: 'network/routing',
        severity: severityForPods(ev, names.length),
        confidence: 'high',
        evidence: [
          `${names.slice(0, 3).join(', ')}: init containers ${first.pod.initContainers.map((c) => c.name).join(' → ')}; ${mesh.proxy} is a regular container, started after them`,
          `log ${first.pod.name} (${init}): ${first.line}`,
          ...(label !== undefined ? [`Namespace ${ns?.name ?? ''}: ${label}${since}`] : []),
        ],
        decisive: first.line,
        likelyCause: `${mesh.mesh} injects ${mesh.init}, which installs iptables rules sending every outbound TCP connection of the pod to ${mesh.proxy} on port ${mesh.port}, and ${mesh.proxy} as a regular container, which the kubelet starts only once every init container has finished. ${init} runs in between: there is no proxy yet, so each connection it makes is refused${first.target !== undefined ? ` (${first.target} is not at fault)` : ''}, it fails, and the pod never leaves Init. holdApplicationUntilProxyStarts does not help init containers. ${label !== undefined ? `Injection came with the namespace's ${label} label: pods created before it have no proxy and are fine, and any new pod, of any revision, meets the same wall.` : ''}`.trim(),
        nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}${label !== undefined ? `; or remove ${label} from the namespace until then` : ''}. Rolling back will not help: every new pod gets the same injection.`,
        fix,
        outsideWorkload: `pods created since ${label !== undefined ? `namespace ${ns?.name ?? ''} was labelled ${label}` : `${mesh.mesh} injection began`} get ${mesh.init}'s redirect, whatever their revision: rolling back meets the same wall`,
        confirmCommands: [
          describePodCommand(ev.target, first.pod.name),
          formatKubectl(ev.target, `logs ${first.pod.name} -c ${mesh.init}`),
          ...(ns !== undefined ? [formatKubectl(ev.target, `get namespace ${ns.name} --show-labels`, 'cluster')] : []),
        ],
        affected: { pods: names, nodes: listNodesOf(blocked.map((b) => b.pod)) },
      },
    ];
  }
  return [];
}
