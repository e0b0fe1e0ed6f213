/**
 * New pods never start because the container runtime cannot pull its own sandbox ("pause") image.
 * That image is the node's setting — containerd's sandbox_image, or the kubelet's
 * --pod-infra-container-image, baked into the node image or its bootstrap — never the pod
 * template's: every new pod on those nodes fails alike, whatever its revision. The classic case is
 * a node group built from an old template that still names the frozen k8s.gcr.io registry.
 */
import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { EventEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { RECENT_MS, severityForPods, unique } from '../pod-status.js';
import { type SandboxFailure, parseSandboxFailure } from '../sandbox-failure.js';
import { isWithin } from '../time-span.js';

/** Registries frozen by their owners, with where their images moved. */
const FROZEN: Record<string, string> = { 'k8s.gcr.io': 'registry.k8s.io' };

/** Pods of the namespace outside the workload whose runtime fails on the same sandbox image. */
function otherPodsStuck(ev: TriageEvidence, own: ReadonlySet<string>, image: string): string[] {
  return unique(
    ev.events
      .filter((e) => e.reason === 'FailedCreatePodSandBox' && e.object.kind === 'Pod' && !own.has(e.object.name) && isWithin(e.lastSeen, ev.collectedAt, RECENT_MS))
      .filter((e) => parseSandboxFailure(e.message).image === image)
      .map((e) => e.object.name),
  );
}

/** Why the pull fails, in a few words for the title and a sentence for the cause. */
function describePullError(failure: SandboxFailure): { short: string; why: string } {
  const registry = failure.registry ?? 'its registry';
  const reason = failure.pullReason ?? '';
  const moved = FROZEN[registry];
  const frozen = moved !== undefined ? ` ${registry} is frozen (its images moved to ${moved}) and is not to be relied on: nodes that still name it fail as soon as they lack the image locally, as every new node does.` : '';
  switch (failure.pullError) {
    case 'unreachable':
      return { short: `${registry} unreachable: ${reason}`, why: `the nodes cannot reach ${registry} (${reason}).${frozen}` };
    case 'not-found':
      return { short: `not found in ${registry}`, why: `${registry} has no such image (${reason}).${frozen}` };
    case 'denied':
      return { short: `${registry} refuses the pull`, why: `${registry} refuses the nodes' pull (${reason}).${frozen}` };
    default:
      return { short: `pull from ${registry} fails`, why: `its pull from ${registry} fails.${frozen}` };
  }
}

/** The one finding for every pod whose runtime cannot pull the sandbox image, across nodes. */
export function describeSandboxImage(ev: TriageEvidence, pods: PodEvidence[], events: EventEvidence[], failure: SandboxFailure): Finding {
  const image = failure.image ?? 'the pause image';
  const registry = failure.registry ?? '';
  const nodes = unique(pods.flatMap((p) => p.nodeName ?? []));
  const where = nodes.length === 1 ? `node ${nodes[0]}` : `${nodes.length} nodes`;
  const n = pods.length;
  const others = otherPodsStuck(ev, new Set(pods.map((p) => p.name)), image);
  const pull = describePullError(failure);
  const moved = FROZEN[registry];
  const target = moved !== undefined ? `${image.replace(`${registry}/`, `${moved}/`)} (or a mirror of it the nodes can reach)` : `an image the nodes can pull (registry.k8s.io/pause, or a mirror of it the nodes can reach)`;
  const setting = "containerd's sandbox_image in /etc/containerd/config.toml, or the kubelet's --pod-infra-container-image";
  const stuckPods = `the stuck pod${n === 1 ? '' : 's'}`;
  const evidence = [
    ...collapseEvents(events, { acrossObjects: true }).sort((a, b) => b.count - a.count).slice(0, 2).map((e) => formatEventLine(e, { maxLength: 400 })),
    `nodes whose runtime fails: ${nodes.join(', ')}`,
    ...(others.length > 0 ? [`the same failure for other pods of namespace ${ev.target.namespace}: ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''}`] : []),
  ];
  return {
    id: `pod-sandbox/image/${image}`,
    kind: 'pod-sandbox',
    title: `The container runtime on ${where} cannot pull its sandbox image ${image} (${pull.short}), so ${n} pod${n === 1 ? '' : 's'} stay${n === 1 ? 's' : ''} in ContainerCreating`,
    layer: 'runtime/probes',
    severity: severityForPods(ev, n),
    confidence: 'high',
    evidence,
    decisive: failure.detail,
    likelyCause: `Before any container of a pod starts, the container runtime starts the pod's sandbox from its pause image, and which image that is comes from the node (${setting}), not from the pod. On ${nodes.join(', ')} it is ${image}, and ${pull.why} So every new pod placed there waits in ContainerCreating, whatever its revision${others.length > 0 ? ` or workload (${others.length} other pod${others.length === 1 ? '' : 's'} of the namespace too)` : ''}; pods already running keep their sandbox.`,
    nextAction: `Mitigate: cordon ${nodes.join(', ')} and delete ${stuckPods} so they start on nodes whose runtime has its pause image (the bot will not). Then set the nodes' sandbox image to ${target} (${setting}) in their node group's template or bootstrap, and replace those nodes.`,
    fix: `point the nodes' sandbox image (containerd sandbox_image) at ${target} and replace those nodes; meanwhile cordon them and delete ${stuckPods}`,
    outsideWorkload: 'the sandbox image is the node runtime\'s setting, not the pod template\'s: a pod of any revision placed on those nodes fails the same way',
    confirmCommands: [
      describePodCommand(ev.target, pods[0]?.name ?? ''),
      formatKubectl(ev.target, `get events -A --field-selector reason=FailedCreatePodSandBox`, 'cluster'),
      ...(nodes[0] !== undefined ? [formatKubectl(ev.target, `debug node/${nodes[0]} -it --image=busybox -- grep -r sandbox /host/etc/containerd/`, 'cluster')] : []),
    ],
    affected: { pods: pods.map((p) => p.name), nodes },
  };
}
