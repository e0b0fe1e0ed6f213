import type { ContainerPortEvidence, ContainerSpecEvidence, ServiceEvidence, ServicePortEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { PROTOCOL_NAMES, findMismatchLines, readPortProtocol } from '../port-protocol.js';
import type { PortProtocol } from '../port-protocol.js';
import { severityForPods, unique } from '../pod-status.js';
import { diffRevisions, sortRevisions } from '../revision-diff.js';
import { listSelectingServices } from '../service-match.js';
import { isLinkerdProxy } from '../mesh-control-plane.js';
import { isIstioProxy } from '../mesh-protocol.js';
import { listContainerSpecs } from './service-target-port.js';
import { latest } from '../time-span.js';

interface Wrong {
  port: ServicePortEvidence;
  target: ContainerPortEvidence;
  /** What the Service port says it carries, and what the container port it reaches serves. */
  says: PortProtocol;
  serves: PortProtocol;
  /** The one container port that serves what the Service port says, when there is one. */
  meant?: ContainerPortEvidence;
}

function describePort(p: ServicePortEvidence): string {
  return `port ${p.port}${p.name ? ` "${p.name}"` : ''}${p.appProtocol ? ` (appProtocol ${p.appProtocol})` : ''}`;
}

function describeTarget(t: ContainerPortEvidence): string {
  return t.name ? `"${t.name}" (${t.containerPort})` : String(t.containerPort);
}

/** Since when this mapping stands: the Service's last write, or a later revision that changed the containers' ports. */
function dateMapping(ev: TriageEvidence, svc: ServiceEvidence): string | undefined {
  const object = ev.namespaceObjects?.find((o) => o.kind === 'Service' && o.name === svc.name);
  const [newest, previous] = sortRevisions(ev.revisions);
  const portsMoved = newest && previous && diffRevisions(previous, newest).some((l) => / ports:/.test(l)) ? newest.createdAt : undefined;
  return latest([object?.changedAt ?? object?.createdAt, portsMoved]);
}

/** The mesh whose sidecar runs beside the app: it reads each Service port's appProtocol, else its name's prefix, as the protocol to speak. */
function findMesh(containers: readonly ContainerSpecEvidence[]): string | undefined {
  if (containers.some(isIstioProxy)) return 'Istio';
  return containers.some(isLinkerdProxy) ? 'Linkerd' : undefined;
}

/**
 * Under a mesh, a port declared for another protocol than the server it reaches (and no port of the
 * app that serves the declared one): the declaration is what is wrong, not the target — the
 * sidecars speak what it declares. The fix renames the port, or sets its appProtocol.
 */
function fixDeclaration(svc: string, w: Wrong): string {
  const to = w.serves;
  if (w.port.appProtocol !== undefined) return `set Service ${svc} port ${w.port.port} appProtocol to ${to}`;
  return `rename Service ${svc} port ${w.port.port} from "${w.port.name ?? ''}" to "${w.target.name ?? to}" (or any ${to}-… name), or set its appProtocol to ${to}`;
}

/**
 * Service ports whose name or appProtocol says one protocol while the container port they
 * resolve to is named for another: HTTP sent to the gRPC listener, gRPC to the HTTP one —
 * typically two named targetPorts crossed. The pods stay Ready (probes go straight to the
 * container port), so only the servers' own complaints ("bogus greeting") show it. Under a mesh
 * (an Istio or Linkerd sidecar beside the app) the name or appProtocol is what the sidecars speak:
 * a gRPC server behind a port named `http-…` is sent HTTP/1.1, and the port's name is the fix.
 */
export function analyzeServicePortProtocols(ev: TriageEvidence): Finding[] {
  const specs = listContainerSpecs(ev);
  const mesh = findMesh(specs);
  // A mesh proxy's own ports (its metrics, its admin) are never where the app's traffic is meant to go.
  const declared = specs.filter((c) => !isIstioProxy(c) && !isLinkerdProxy(c)).flatMap((c) => c.ports);
  const complaints = findMismatchLines(ev.logs);
  return listSelectingServices(ev).flatMap((svc): Finding[] => {
    const wrong = svc.ports.flatMap((port): Wrong[] => {
      // appProtocol, when set, is what the port speaks: `http` named over `kubernetes.io/h2c` carries gRPC well.
      const says = readPortProtocol(port.appProtocol ?? port.name);
      const target = declared.find((c) => (typeof port.targetPort === 'string' ? c.name === port.targetPort : c.containerPort === port.targetPort));
      const serves = readPortProtocol(target?.name);
      if (says === undefined || target === undefined || serves === undefined || says === serves) return [];
      const candidates = declared.filter((c) => readPortProtocol(c.name) === says);
      return [{ port, target, says, serves, ...(candidates.length === 1 ? { meant: candidates[0] } : {}) }];
    });
    if (wrong.length === 0) return [];
    const crossed = wrong.some((w) => w.says === 'http') && wrong.some((w) => w.says === 'grpc');
    const seen = complaints.filter((c) => wrong.some((w) => w.serves === c.server && w.says === c.client));
    const pods = unique(seen.map((c) => c.log.pod));
    const mapping = wrong.map((w) => `${describePort(w.port)} → container port ${describeTarget(w.target)}`).join(', ');
    const [one] = wrong;
    // Under a mesh, one port declared for the other protocol with no port of the app serving that one: the declaration is wrong.
    const declaredWrong = mesh !== undefined && !crossed && one !== undefined && one.meant === undefined ? one : undefined;
    const spoken = declaredWrong?.says === 'http' ? 'HTTP/1.1' : 'gRPC (HTTP/2)';
    const title = declaredWrong
      ? `Service ${svc.name} ${describePort(declaredWrong.port)} declares ${PROTOCOL_NAMES[declaredWrong.says]} to the ${mesh ?? ''} sidecars but targets the ${PROTOCOL_NAMES[declaredWrong.serves]} server ${describeTarget(declaredWrong.target)}: the sidecars speak ${spoken} to it`
      : crossed || one === undefined
      ? `Service ${svc.name} has its target ports crossed: ${mapping}`
      : `Service ${svc.name} ${describePort(one.port)} targets container port ${describeTarget(one.target)}: ${PROTOCOL_NAMES[one.says]} callers reach the ${PROTOCOL_NAMES[one.serves]} server`;
    const repoint = declaredWrong ? undefined : `Service ${svc.name} ${wrong.map((w) => (w.meant ? `port ${w.port.port} at targetPort ${w.meant.name ? `"${w.meant.name}"` : w.meant.containerPort}` : `port ${w.port.port} at the container port that serves ${PROTOCOL_NAMES[w.says]}`)).join(' and ')}`;
    const probed = listContainerSpecs(ev).flatMap((c) => [c.probes.readiness?.port, c.probes.liveness?.port]).filter((p) => p !== undefined);
    const onset = dateMapping(ev, svc);
    const last = seen.at(-1);
    return [{
      id: `service-target-port/${svc.name}/protocol`,
      kind: 'service-target-port',
      title,
      layer: 'network/routing',
      severity: seen.length > 0 ? severityForPods(ev, ev.pods.length) : 'warning',
      confidence: seen.length > 0 ? 'high' : crossed ? 'medium' : 'low',
      evidence: [
        ...wrong.map((w) => `Service ${svc.name} ${describePort(w.port)} → targetPort ${JSON.stringify(w.port.targetPort)} → container port ${describeTarget(w.target)}: ${PROTOCOL_NAMES[w.says]} in, ${PROTOCOL_NAMES[w.serves]} server`),
        ...(seen.length > 0 ? [`${seen.length} line${seen.length === 1 ? '' : 's'} in the logs of ${pods.length} pod${pods.length === 1 ? '' : 's'} where the ${PROTOCOL_NAMES[seen[0]?.server ?? 'grpc']} server was sent ${PROTOCOL_NAMES[seen[0]?.client ?? 'http']}`, ...seen.slice(-2).map((c) => `log ${c.log.pod}: ${c.line}`)] : []),
        ...(probed.length > 0 ? [`the probes check port ${unique(probed).map((p) => JSON.stringify(p)).join(', ')} directly, never through the Service: the pods stay Ready`] : []),
      ],
      // The server's words without its timestamp: the quote is short.
      ...(last ? { decisive: condenseStructuredLine(last.line).replace(/^\d{4}[-/]\d{2}[-/]\d{2}[T ][\d:.,]+Z?\s+/, '') } : {}),
      likelyCause: declaredWrong ? `Under the ${mesh ?? ''} mesh the sidecars pick the protocol a Service port carries from its appProtocol, else from its name's prefix (http-, grpc-, tcp-). ${describePort(declaredWrong.port)} declares ${PROTOCOL_NAMES[declaredWrong.says]}, so they carry the callers' calls to the ${PROTOCOL_NAMES[declaredWrong.serves]} server as ${spoken}, and it rejects each connection (a gRPC server logs "bogus greeting" for HTTP/1.1); the callers get resets and 503s. The target is right and the pods are fine: nothing in them needs a restart or a rollback.${seen.length === 0 ? ' No server complaint was seen in the logs read: confirm with a caller\'s errors before changing it.' : ''}` : `A Service port forwards to the container port its targetPort names; ${crossed ? 'these are swapped, so each protocol reaches the other one\'s server' : 'this one names the port of another protocol'}. The server rejects the connection (a gRPC server logs "bogus greeting" for HTTP/1.1) and the caller sees a malformed response or a protocol error. The pods are fine: nothing in them needs a restart or a rollback.${seen.length === 0 ? ' No server complaint was seen in the logs read: confirm with a caller\'s errors before changing it.' : ''}`,
      nextAction: declaredWrong ? `Mitigate: ${fixDeclaration(svc.name, declaredWrong)} (or undo the change that wrote it); the pods need no restart.` : `Mitigate: point ${repoint ?? ''} (or undo the change that wrote it); the pods need no restart.`,
      fix: declaredWrong ? fixDeclaration(svc.name, declaredWrong) : `point ${repoint ?? ''}`,
      ...(onset ? { onset } : {}),
      confirmCommands: [
        formatKubectl(ev.target, `get service ${svc.name} -o jsonpath='{.spec.ports}'`),
        formatKubectl(ev.target, `get ${ev.target.kind.toLowerCase()} ${ev.target.name} -o jsonpath='{.spec.template.spec.containers[*].ports}'`),
      ],
      // Every pod behind the Service gets the wrong traffic, not only those whose logs were read.
      affected: { services: [svc.name] },
    }];
  });
}
