import type { ContainerSpecEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing } from '../pod-status.js';
import { listSelectingServices } from '../service-match.js';

/** The workload's containers as its template declares them, else as its first pod runs them. */
export function listContainerSpecs(ev: TriageEvidence): ContainerSpecEvidence[] {
  if (ev.workload && ev.workload.templateContainers.length > 0) return ev.workload.templateContainers;
  return ev.pods[0]?.containers ?? [];
}

/** Something fails that a wrong port could explain: a failing pod, or a Service with no ready endpoint. */
function hasSymptom(ev: TriageEvidence, service: string): boolean {
  if (ev.pods.some((p) => isPodFailing(p, ev.collectedAt))) return true;
  const slices = ev.endpointSlices.filter((s) => s.service === service);
  return slices.length > 0 && !slices.some((s) => s.endpoints.some((e) => e.ready));
}

/**
 * Service ports whose targetPort no container exposes. A named targetPort that no
 * container port carries cannot route at all; a numeric one that no container declares
 * may still work (declaring ports is optional: clustering and admin ports often go undeclared),
 * so it is only a low-confidence warning, and only when something fails (a pod of the workload,
 * the Service left without a ready endpoint) or the Service reaches no declared port at all.
 */
export function analyzeServiceTargetPorts(ev: TriageEvidence): Finding[] {
  const containers = listContainerSpecs(ev);
  const declared = containers.flatMap((c) => c.ports.map((p) => ({ container: c.name, ...p })));
  const declaredText = declared.length > 0 ? declared.map((p) => `${p.container}:${p.containerPort}${p.name ? ` "${p.name}"` : ''}`).join(', ') : 'none';
  return listSelectingServices(ev).flatMap((svc) =>
    svc.ports.flatMap((port): Finding[] => {
      const target = port.targetPort;
      const confirm = [
        formatKubectl(ev.target, `get service ${svc.name} -o jsonpath='{.spec.ports}'`),
        formatKubectl(ev.target, `get ${ev.target.kind.toLowerCase()} ${ev.target.name} -o jsonpath='{.spec.template.spec.containers[*].ports}'`),
      ];
      if (typeof target === 'string') {
        if (declared.some((p) => p.name === target)) return [];
        return [
          {
            id: `service-target-port/${svc.name}/${port.port}`,
            kind: 'service-target-port',
            title: `Service ${svc.name} port ${port.port} targets port name "${target}", which no container declares`,
            layer: 'network/routing',
            severity: 'critical',
            confidence: 'high',
            evidence: [`Service ${svc.name} port ${port.port} → targetPort "${target}"`, `container ports: ${declaredText}`],
            likelyCause: 'A named targetPort resolves only against container port names; with no match the Service has no port to send this traffic to. Usually a port renamed on one side only.',
            nextAction: `Mitigate: make the Service targetPort and the container port name agree (or use the number).`,
            confirmCommands: confirm,
            affected: { services: [svc.name] },
          },
        ];
      }
      if (declared.length === 0 || declared.some((p) => p.containerPort === target)) return [];
      // Beside ports that reach declared ones, an undeclared number is usually a clustering or admin port.
      const reachesDeclared = svc.ports.some((p) => declared.some((d) => d.containerPort === p.targetPort || d.name === p.targetPort));
      if (reachesDeclared && !hasSymptom(ev, svc.name)) return [];
      const probePorts = containers.flatMap((c) => [c.probes.readiness?.port, c.probes.liveness?.port]).filter((p): p is number => typeof p === 'number');
      const probesElsewhere = probePorts.length > 0 && !probePorts.includes(target);
      return [
        {
          id: `service-target-port/${svc.name}/${port.port}`,
          kind: 'service-target-port',
          title: `Service ${svc.name} port ${port.port} targets ${target}, which no container declares (declared: ${declaredText})`,
          layer: 'network/routing',
          severity: 'warning',
          confidence: probesElsewhere ? 'medium' : 'low',
          evidence: [
            `Service ${svc.name} port ${port.port} → targetPort ${target}`,
            `container ports: ${declaredText}`,
            ...(probesElsewhere ? [`probes check port ${[...new Set(probePorts)].join(', ')}, not ${target}`] : []),
          ],
          likelyCause: `Traffic goes to port ${target}; that works only if the process listens there although it declares other ports. A mismatch gives connection refused at the Service.`,
          nextAction: 'Confirm which port the process listens on; align the Service targetPort with it.',
          confirmCommands: confirm,
          affected: { services: [svc.name] },
        },
      ];
    }),
  );
}
