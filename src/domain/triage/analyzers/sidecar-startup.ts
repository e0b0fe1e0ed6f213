/**
 * The app starts before its mesh proxy sidecar is ready: the mesh's init container already
 * redirects the pod's outbound traffic to the proxy, which is not listening yet, so the app's first
 * calls at boot are refused and it exits; after a restart or two the proxy is ready and the app
 * runs. The mesh's setting that holds the app until the proxy is up names the fix, and a revision
 * whose template removed it is the trigger.
 */
import type { PodEvidence, RevisionEvidence, TriageEvidence } from '../evidence.js';
import { listPodEvents, pickDecisiveLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand } from '../kubectl-command.js';
import { formatPodShare, listNodesOf, severityForPods } from '../pod-status.js';
import { diffRevisions } from '../revision-diff.js';
import { msBetween } from '../time-span.js';

/** A mesh's proxy container and the pod annotation that makes the app wait for it. */
interface MeshProxy {
  mesh: string;
  container: string;
  annotation: string;
  /** The annotation's value that holds the app, as the fix writes it. */
  holdValue: string;
  holds: RegExp;
  /** The mesh holds the app unless the annotation turns it off (Linkerd's proxy-await). */
  holdsByDefault: boolean;
}

const PROXIES: readonly MeshProxy[] = [
  { mesh: 'Istio', container: 'istio-proxy', annotation: 'proxy.istio.io/config', holdValue: 'holdApplicationUntilProxyStarts: true', holds: /holdApplicationUntilProxyStarts["']?\s*:\s*["']?true/i, holdsByDefault: false },
  { mesh: 'Linkerd', container: 'linkerd-proxy', annotation: 'config.linkerd.io/proxy-await', holdValue: 'enabled', holds: /^enabled$/i, holdsByDefault: true },
];

/** What an outbound call says when nothing listens where it was sent (here: the proxy, not yet up). */
const REFUSED = /ECONNREFUSED|connection refused|ECONNRESET|connection reset by peer|upstream connect error|Connection reset/i;

/** A run that failed this soon after it started failed at boot. */
const BOOT_MS = 60_000;

function startedAt(s: PodEvidence['containers'][number]['lastState']): string | undefined {
  return s !== undefined && 'terminated' in s ? s.terminated.startedAt : undefined;
}

/** The app container's previous run ended at boot with a refused call, and it runs now. */
function racedApp(ev: TriageEvidence, pod: PodEvidence, proxy: string): { container: string; line: string } | undefined {
  for (const c of pod.containers) {
    if (c.name === proxy || c.restartCount === 0 || c.state === undefined || !('running' in c.state)) continue;
    const last = c.lastState;
    if (last === undefined || !('terminated' in last) || last.terminated.exitCode === 0) continue;
    const { finishedAt } = last.terminated;
    const began = startedAt(last);
    if (began !== undefined && finishedAt !== undefined && msBetween(began, finishedAt) > BOOT_MS) continue;
    const lines = ev.logs.filter((l) => l.pod === pod.name && l.container === c.name && l.previous).flatMap((l) => l.lines);
    const refused = lines.filter((l) => REFUSED.test(l));
    if (refused.length === 0) continue;
    return { container: c.name, line: pickDecisiveLine(refused) ?? refused[refused.length - 1] ?? '' };
  }
  return undefined;
}

/** The pods' revision and the one before it. */
function revisionsOf(ev: TriageEvidence, pod: PodEvidence): { revision?: RevisionEvidence; previous?: RevisionEvidence } {
  const revision = ev.revisions.find((r) => r.hash === pod.revisionHash);
  if (revision === undefined) return {};
  const previous = ev.revisions.filter((r) => r.revision < revision.revision).sort((a, b) => b.revision - a.revision)[0];
  return previous === undefined ? { revision } : { revision, previous };
}

export function analyzeSidecarStartup(ev: TriageEvidence): Finding[] {
  for (const mesh of PROXIES) {
    // A proxy among the regular containers starts beside the app, not before it (a native sidecar would).
    const withProxy = ev.pods.filter((p) => p.containers.some((c) => c.name === mesh.container));
    const raced = withProxy.flatMap((pod) => {
      const app = racedApp(ev, pod, mesh.container);
      return app === undefined ? [] : [{ pod, ...app }];
    });
    const first = raced[0];
    if (first === undefined) continue;
    const { revision, previous } = revisionsOf(ev, first.pod);
    const setting = revision?.template?.annotations?.[mesh.annotation];
    const holds = setting === undefined ? mesh.holdsByDefault : mesh.holds.test(setting);
    // The app is held until the proxy is up: its refusals are not this race.
    if (revision?.template?.annotations !== undefined && holds) continue;
    const removed = revision !== undefined && previous !== undefined ? diffRevisions(previous, revision).find((l) => l.includes(` ${mesh.annotation}`)) : undefined;
    const names = raced.map((r) => r.pod.name);
    const probeFails = listPodEvents(ev, ['Unhealthy'], names).filter((e) => e.object.fieldPath?.includes(mesh.container));
    const fails = probeFails.reduce((n, e) => n + e.count, 0);
    const evidence = [
      `${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}: ${first.container} exited at start and restarted (${raced.map((r) => r.pod.containers.find((c) => c.name === first.container)?.restartCount ?? 0).join(', ')} restarts), now running`,
      `log ${first.pod.name} (${first.container}, previous run): ${first.line}`,
      `${mesh.container} (${mesh.mesh} sidecar) is a regular container beside ${first.container}, so both start together`,
      ...(fails > 0 ? [`${mesh.container} probe failed ${fails} times while starting: ${probeFails[0]?.message ?? ''}`] : []),
      ...(removed !== undefined && revision !== undefined ? [`revision ${revision.revision}: ${removed}`] : []),
      ...(setting === undefined && revision?.template?.annotations !== undefined ? [`the pod template has no ${mesh.annotation} annotation`] : []),
    ];
    const trigger = removed !== undefined && revision !== undefined ? `; revision ${revision.revision} ${removed.includes('removed') ? 'removed' : 'changed'} ${mesh.annotation} (${mesh.holdValue})` : `; nothing sets ${mesh.annotation}: ${mesh.holdValue}`;
    const fix = `set ${mesh.annotation}: "${mesh.holdValue}" in the pod template so the app waits for ${mesh.container} (or make the app retry its calls at boot)`;
    return [
      {
        id: `sidecar-startup/${first.container}`,
        kind: 'sidecar-startup',
        title: `${first.container} starts before its ${mesh.container} sidecar (${mesh.mesh}) is ready: its first outbound call at boot is refused and it exits, on ${formatPodShare(ev, raced.length)}, which run after a restart${trigger}`,
        layer: 'network/routing',
        severity: severityForPods(ev, raced.length),
        confidence: removed !== undefined || fails > 0 ? 'high' : 'medium',
        evidence,
        decisive: first.line,
        likelyCause: `${mesh.mesh} redirects every outbound connection of the pod to ${mesh.container} from the moment its init container ran, but ${mesh.container} starts in parallel with ${first.container} and listens only seconds later. A call ${first.container} makes at boot in that window is refused, and it exits; once the proxy is ready the restarted app runs. The service it called is not at fault. ${mesh.annotation}: ${mesh.holdValue} makes the kubelet start ${mesh.container} first and hold the app until it is ready.`,
        nextAction: `Set ${mesh.annotation}: "${mesh.holdValue}" on the pod template${removed !== undefined && previous !== undefined ? ` (revision ${previous.revision} had it)` : ''}; new pods then start without crashing. Meanwhile each new pod, in a rollout or a scale-up, crashes once or twice before serving.`,
        fix,
        confirmCommands: [describePodCommand(ev.target, first.pod.name), `kubectl logs ${first.pod.name} -c ${first.container} --previous --tail=50 -n ${ev.target.namespace}${ev.target.context ? ` --context ${ev.target.context}` : ''}`],
        affected: { pods: names, nodes: listNodesOf(raced.map((r) => r.pod)) },
      },
    ];
  }
  return [];
}
