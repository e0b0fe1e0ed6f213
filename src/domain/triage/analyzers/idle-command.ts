import type { ContainerEvidence, PodEvidence, RevisionContainerEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { describeIdleCommand } from '../idle-command.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { formatPodShare, groupBy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { listSelectingServices, listSlicesOf, matchesLabels } from '../service-match.js';
import { earliest } from '../time-span.js';

interface Idle {
  pod: PodEvidence;
  container: ContainerEvidence;
  shown: string;
}

interface Served {
  service: string;
  port: number;
}

/** The Service ports that send traffic to this container: by port name, by number, or to the pod's only container. */
function listServedPorts(ev: TriageEvidence, pod: PodEvidence, c: ContainerEvidence): Served[] {
  return listSelectingServices(ev)
    .filter((svc) => matchesLabels(svc.selector, pod.labels))
    .flatMap((svc) =>
      svc.ports.flatMap((p): Served[] => {
        const t = p.targetPort;
        if (typeof t === 'string') {
          const named = c.ports.find((x) => x.name === t);
          return named ? [{ service: svc.name, port: named.containerPort }] : [];
        }
        const declared = pod.containers.some((x) => x.ports.some((q) => q.containerPort === t));
        const mine = c.ports.some((q) => q.containerPort === t) || (!declared && pod.containers.length === 1);
        return mine ? [{ service: svc.name, port: t }] : [];
      }),
    );
}

/** The same container in the revision before the one these pods run, when it ran something else. */
function findEarlierCommand(ev: TriageEvidence, pod: PodEvidence, name: string): { revision: number; ran: string } | undefined {
  const revisions = sortRevisions(ev.revisions);
  const at = revisions.findIndex((r) => r.hash === pod.revisionHash);
  const before = at >= 0 ? revisions[at + 1] : undefined;
  const c: RevisionContainerEvidence | undefined = before?.containers.find((x) => x.name === name);
  if (before === undefined || c === undefined || describeIdleCommand(c.command, c.args) !== undefined) return undefined;
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  return { revision: before.revision, ran: argv.length === 0 ? "the image's own command" : `\`${argv.join(' ')}\`` };
}

function startedAt(c: ContainerEvidence): string | undefined {
  return c.state !== undefined && 'running' in c.state ? c.state.running.startedAt : undefined;
}

/** "its log is empty since it started (2 of 2 logs read)": a server says at least that it listens. */
function describeSilence(ev: TriageEvidence, idle: readonly Idle[]): string | undefined {
  const logs = ev.logs.filter((l) => !l.previous && idle.some((i) => i.pod.name === l.pod && i.container.name === l.container));
  if (logs.length === 0 || logs.some((l) => l.lines.some((line) => line.trim() !== ''))) return undefined;
  return `its log is empty since it started (${logs.length} of ${logs.length} log${logs.length === 1 ? '' : 's'} read): no server ever said it listens`;
}

/**
 * A container that runs a placeholder (`sleep infinity`, `tail -f /dev/null`, a shell looping on
 * sleep) where a Service sends traffic, or where the revision before ran a real command. The pods
 * run, never restart and — without a readiness probe — turn Ready, so nothing in their status
 * shows that no server started: every call through the Service is refused.
 */
export function analyzeIdleCommands(ev: TriageEvidence): Finding[] {
  const idle: Idle[] = ev.pods.flatMap((pod) =>
    pod.deletionTimestamp !== undefined
      ? []
      : pod.containers.flatMap((container) => {
          const shown = describeIdleCommand(container.command, container.args);
          return shown === undefined ? [] : [{ pod, container, shown }];
        }),
  );
  return [...groupBy(idle, (i) => `${i.container.name}\u0000${i.shown}`).values()].flatMap((group): Finding[] => {
    const first = group[0] as Idle;
    const name = first.container.name;
    const served = group.flatMap((i) => listServedPorts(ev, i.pod, i.container));
    const earlier = findEarlierCommand(ev, first.pod, name);
    if (served.length === 0 && earlier === undefined) return [];
    const pods = unique(group.map((i) => i.pod.name));
    const services = unique(served.map((s) => s.service));
    const ports = unique(served.map((s) => s.port));
    const unprobed = group.every((i) => i.container.probes.readiness === undefined);
    const endpoints = services.map((s) => {
      const ready = listSlicesOf(ev, s).flatMap((sl) => sl.endpoints.filter((e) => e.ready));
      return `Service ${s}: ${ready.filter((e) => e.podName !== undefined && pods.includes(e.podName)).length} of ${ready.length} ready endpoints run it`;
    });
    const silence = describeSilence(ev, group);
    const what = `Container ${name} of ${formatPodShare(ev, pods.length)} runs \`${first.shown}\``;
    const title = served.length > 0
      ? `${what}, a placeholder, not a server: nothing listens on ${ports.join(', ')}, where Service ${services.join(', ')} sends traffic${unprobed ? ' (no readiness probe, so the pods are Ready all the same)' : ''}`
      : `${what}, a placeholder that does no work, where revision ${earlier?.revision ?? '?'} ran ${earlier?.ran ?? 'something else'}`;
    const restore = `restore container ${name}'s real command${earlier ? ` (revision ${earlier.revision} ran ${earlier.ran})` : ''}${served.length > 0 ? ' and give it a readiness probe on the port it serves' : ''}`;
    return [{
      id: `idle-command/${name}`,
      kind: 'idle-command',
      title,
      layer: 'container/process',
      severity: served.length > 0 ? severityForPods(ev, pods.length) : 'warning',
      confidence: 'high',
      evidence: [
        `container ${name} command: ${first.shown} — it waits and starts no server`,
        ...endpoints,
        ...(unprobed ? [`container ${name} has no readiness probe: a pod turns Ready as soon as the container runs, whatever it runs`] : []),
        ...(silence ? [silence] : []),
        ...(earlier ? [`revision ${earlier.revision} ran ${earlier.ran}`] : []),
      ],
      likelyCause: 'A placeholder command keeps a container up so someone can exec into it (a debug values file, an override left in place); it starts no server and opens no port. The pods run and never restart, so their status shows nothing wrong while every request sent to them is refused.',
      nextAction: `Mitigate: ${earlier ? `roll back to revision ${earlier.revision}, which ran the real command (the bot will not)` : 'put the real command back'}. Then ${restore}, so a container that serves nothing never turns Ready.`,
      fix: restore,
      // Since the placeholder started: the pods' status never shows it.
      onset: earliest(group.map((i) => startedAt(i.container) ?? i.pod.startTime)),
      confirmCommands: [
        formatKubectl(ev.target, `get ${formatWorkloadRef(ev.target)} -o jsonpath='{.spec.template.spec.containers[?(@.name=="${name}")].command}'`),
        formatKubectl(ev.target, `logs ${first.pod.name} -c ${name} --tail=20`),
      ],
      affected: { pods, nodes: listNodesOf(group.map((i) => i.pod)), ...(services.length > 0 ? { services } : {}) },
    }];
  });
}
