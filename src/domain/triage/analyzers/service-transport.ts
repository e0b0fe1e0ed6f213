/**
 * A Service port whose transport protocol (TCP, UDP, SCTP) is not the one the container port it
 * targets serves: a UDP Service port in front of an HTTP server on TCP. kube-proxy programs the
 * ClusterIP only for the protocol the Service port names, so a TCP caller's connection to
 * ClusterIP:port matches no rule, gets no answer and times out, while the pods stay Ready (the
 * kubelet probes the container port directly) and idle. A spec-against-spec check: the
 * container port's protocol (TCP unless it says otherwise) is what the process listens on; an
 * HTTP, TCP or gRPC probe on that port proves it speaks TCP.
 */
import type { ContainerPortEvidence, ContainerSpecEvidence, ServiceEvidence, ServicePortEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { severityForPods } from '../pod-status.js';
import { findRequestSilence } from '../request-silence.js';
import { sortRevisions } from '../revision-diff.js';
import { listSelectingServices } from '../service-match.js';
import { formatAgo, msBetween } from '../time-span.js';
import { listContainerSpecs } from './service-target-port.js';

type Transport = ServicePortEvidence['protocol'];

interface Crossed {
  port: ServicePortEvidence;
  /** The container ports the targetPort reaches (by name, else by number); none serves the Service port's protocol. */
  targets: ContainerPortEvidence[];
  serves: Transport;
  /** A kubelet check of this kind (HTTP, TCP, gRPC) reaches that container port: the process answers on TCP there. */
  provenBy?: string;
}

/** The container ports a Service port's targetPort names: by name, else every one with that number. */
function findTargets(port: ServicePortEvidence, declared: readonly ContainerPortEvidence[]): ContainerPortEvidence[] {
  return declared.filter((c) => (typeof port.targetPort === 'string' ? c.name === port.targetPort : c.containerPort === port.targetPort));
}

/** A probe that reaches one of these container ports over TCP (httpGet, tcpSocket, grpc), as "readiness httpGet". */
function findTcpProbe(containers: readonly ContainerSpecEvidence[], targets: readonly ContainerPortEvidence[]): string | undefined {
  for (const c of containers) {
    for (const [which, probe] of Object.entries(c.probes)) {
      if (probe === undefined || probe.type === 'exec' || probe.port === undefined) continue;
      const hits = targets.some((t) => (typeof probe.port === 'string' ? t.name === probe.port : t.containerPort === probe.port));
      if (hits) return `kubelet's ${which} check (${probe.type === 'http' ? 'httpGet' : probe.type === 'tcp' ? 'tcpSocket' : 'grpc'} on port ${JSON.stringify(probe.port)})`;
    }
  }
  return undefined;
}

function findCrossed(svc: ServiceEvidence, containers: readonly ContainerSpecEvidence[]): Crossed[] {
  const declared = containers.flatMap((c) => c.ports);
  return svc.ports.flatMap((port): Crossed[] => {
    const targets = findTargets(port, declared);
    // An undeclared port says nothing about what listens there; one declared in the Service's protocol serves it (DNS: 53/UDP and 53/TCP).
    if (targets.length === 0 || targets.some((t) => t.protocol === port.protocol)) return [];
    const serves = targets[0]?.protocol ?? 'TCP';
    const provenBy = serves === 'TCP' ? findTcpProbe(containers, targets) : undefined;
    return [{ port, targets, serves, ...(provenBy ? { provenBy } : {}) }];
  });
}

/** Since when the Service stands as it is: its last write, else its creation. */
function dateService(ev: TriageEvidence, svc: ServiceEvidence): string | undefined {
  const object = ev.namespaceObjects?.find((o) => o.kind === 'Service' && o.name === svc.name);
  return object?.changedAt ?? object?.createdAt ?? svc.createdAt;
}

function describeTargets(targets: readonly ContainerPortEvidence[]): string {
  return targets.map((t) => `${t.containerPort}/${t.protocol}${t.name ? ` "${t.name}"` : ''}`).join(', ');
}

export function analyzeServiceTransports(ev: TriageEvidence): Finding[] {
  const containers = listContainerSpecs(ev);
  const names = new Set(ev.pods.map((p) => p.name));
  const logs = ev.logs.filter((l) => names.has(l.pod));
  return listSelectingServices(ev).flatMap((svc): Finding[] => {
    const crossed = findCrossed(svc, containers);
    const [one] = crossed;
    if (one === undefined) return [];
    const says = one.port.protocol;
    const since = dateService(ev, svc);
    const silence = since === undefined ? undefined : findRequestSilence(logs, since);
    const proven = one.provenBy !== undefined || silence !== undefined;
    const newest = sortRevisions(ev.revisions)[0];
    // Changed after the running revision rolled out: the Service, not the app, moved.
    const serviceIsNewer = since !== undefined && newest !== undefined && msBetween(newest.createdAt, since) > 0;
    const address = svc.clusterIP ? `${svc.clusterIP}:${one.port.port}` : `port ${one.port.port}`;
    const portText = `port ${one.port.port}${one.port.name ? ` "${one.port.name}"` : ''}`;
    return [{
      id: `service-target-port/${svc.name}/transport`,
      kind: 'service-target-port',
      title: `Service ${svc.name}'s ${portText} is ${says} but the app listens on ${one.serves} ${describeTargets(one.targets)}: ${one.serves} callers cannot reach it through the Service — their connections to ${address} time out`,
      layer: 'network/routing',
      severity: proven ? severityForPods(ev, ev.pods.length) : 'warning',
      confidence: proven ? 'high' : 'low',
      evidence: [
        ...crossed.map((c) => `Service ${svc.name} port ${c.port.port}${c.port.name ? ` "${c.port.name}"` : ''} protocol ${c.port.protocol} → targetPort ${JSON.stringify(c.port.targetPort)} → container port ${describeTargets(c.targets)}`),
        ...(one.provenBy ? [`the ${one.provenBy} reaches that container port over TCP and passes: the app answers on TCP, straight to the pod, never through the Service`] : []),
        ...(since !== undefined ? [`Service ${svc.name} last changed ${formatAgo(since, ev.collectedAt)}${newest ? `; the running revision ${newest.revision} rolled out ${formatAgo(newest.createdAt, ev.collectedAt)}` : ''}`] : []),
        ...(silence !== undefined ? [`no request but the kubelet's own checks since: ${silence.before} request${silence.before === 1 ? '' : 's'} served before, the last ${formatAgo(silence.lastRequest, ev.collectedAt)}`] : []),
      ],
      likelyCause: `kube-proxy programs ClusterIP ${address} only for ${says}, the protocol the Service port names; the process serves ${one.serves} (a container port is TCP unless it says otherwise). A ${one.serves} caller's connection to the Service matches no rule and gets no answer: it times out (i/o timeout, ETIMEDOUT), while the kubelet's health checks go straight to the container port and keep the pods Ready and idle.${serviceIsNewer ? ' The Service changed after the running revision rolled out: the pods are fine and a rollback of the app would not help.' : ''}${proven ? '' : ' Nothing here proves which protocol the process listens on: confirm with a caller\'s errors before changing it.'}`,
      nextAction: `Mitigate: set Service ${svc.name} ${portText} protocol back to ${one.serves} (in the chart or manifest that wrote it, or undo that edit); the pods need no restart.`,
      fix: `set Service ${svc.name} ${portText} protocol back to ${one.serves}`,
      ...(since ? { onset: since } : {}),
      ...(serviceIsNewer ? { outsideWorkload: `Service ${svc.name} changed ${formatAgo(since ?? ev.collectedAt, ev.collectedAt)}, after the running revision rolled out` } : {}),
      confirmCommands: [
        formatKubectl(ev.target, `get service ${svc.name} -o jsonpath='{.spec.ports}'`),
        formatKubectl(ev.target, `get service ${svc.name} --show-managed-fields -o yaml`),
        formatKubectl(ev.target, `get ${ev.target.kind.toLowerCase()} ${ev.target.name} -o jsonpath='{.spec.template.spec.containers[*].ports}'`),
      ],
      affected: { services: [svc.name] },
    }];
  });
}
