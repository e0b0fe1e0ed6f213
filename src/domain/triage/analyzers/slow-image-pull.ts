import { formatEventLine } from '../collapse-events.js';
import type { EventEvidence, TriageEvidence } from '../evidence.js';
import { findCondition, listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl, podEventsCommand } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { type PullAhead, type SlowPull, SLOW_PULL_MS, findPullAhead, findSlowPulls } from '../pull-queue.js';
import { formatSpan, msBetween, parseGoDuration } from '../time-span.js';
import { shortImage } from './image-pull.js';

export { SLOW_PULL_MS } from '../pull-queue.js';
// Kept here for its readers; it lives with the other time helpers.
export { parseGoDuration } from '../time-span.js';

/** The kubelet's "Successfully pulled image "…" in 9m41.204s (… including waiting). Image size: 15247892480 bytes." */
function readPulled(e: EventEvidence): { image: string; ms?: number; bytes?: number } | undefined {
  const m = /Successfully pulled image "([^"]+)" in ((?:\d+(?:\.\d+)?(?:h|ms|µs|us|ns|m|s))+)/.exec(e.message);
  if (!m) return undefined;
  const ms = parseGoDuration(m[2] ?? '');
  const bytes = Number(/Image size: (\d+) bytes/.exec(e.message)?.[1] ?? NaN);
  return { image: m[1] ?? '', ...(ms !== undefined ? { ms } : {}), ...(Number.isFinite(bytes) ? { bytes } : {}) };
}

/** Bytes the way registries and the kubelet's users read image sizes: "15.2 GB", "840 MB". */
function formatImageSize(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`;
}

/**
 * Pulls that are slow, not failing: a container of a pod that is not ready has waited in
 * ContainerCreating for minutes since the kubelet's "Pulling image" with no "Pulled" and no error
 * after it. Other pods' "Successfully pulled … in 9m41s … Image size: …" of the same image say
 * why: the image is huge (or the link slow), and a rollout onto nodes without its layers outlasts
 * the progress deadline although nothing is broken. A rollback is not the answer; waiting is,
 * and a smaller image.
 */
export function analyzeSlowImagePulls(ev: TriageEvidence): Finding[] {
  const pulling = findSlowPulls(ev.pods, ev.events, ev.collectedAt);
  const byImage = new Map<string, typeof pulling>();
  for (const p of pulling) byImage.set(p.ref.container.image, [...(byImage.get(p.ref.container.image) ?? []), p]);
  return [...byImage.entries()].map(([image, group]) => {
    const pulls = listPodEvents(ev, ['Pulled']).flatMap((e) => {
      const read = readPulled(e);
      return read?.image === image ? [{ e, ...read }] : [];
    });
    // Queued, not slow: every waiting pull of it sits on a node busy with another pull asked for first.
    const ahead = group.map((p) => findPullAhead(ev.pullQueue, p.ref.pod.nodeName ?? '', p.started));
    const quick = pulls.filter((p) => p.ms !== undefined && p.ms < SLOW_PULL_MS / 10);
    const first = ahead[0];
    if (first !== undefined && ahead.every((a) => a !== undefined)) return describeQueued(ev, image, group, first, quick[0]);
    const slowest = pulls.filter((p) => p.ms !== undefined).sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0))[0];
    const bytes = pulls.find((p) => p.bytes !== undefined)?.bytes;
    const pods = unique(group.map((p) => p.ref.pod.name));
    const longest = Math.max(...group.map((p) => p.elapsed));
    const container = group[0]?.ref.container.name ?? '';
    // A finished pull of the same image that took minutes too says the pull works and is just long.
    const corroborated = slowest?.ms !== undefined && slowest.ms >= SLOW_PULL_MS / 2;
    const size = bytes !== undefined ? ` (${formatImageSize(bytes)})` : '';
    const took = corroborated && slowest?.ms !== undefined ? `; a finished pull of it took ${formatPullTime(slowest.ms)}` : '';
    const stalled = findCondition(ev.workload?.conditions ?? [], 'Progressing')?.reason === 'ProgressDeadlineExceeded';
    const evidence = [
      ...group.map((p) => `${p.ref.pod.name}/${p.ref.container.name}: ContainerCreating; ${formatEventLine(p.started)} ${formatSpan(p.elapsed)} ago, no Pulled and no pull error since`),
      ...pulls.slice(0, 2).map((p) => formatEventLine(p.e, { withObject: true, maxLength: 300 })),
    ];
    return {
      id: `image-pull/${container}/slow`,
      kind: 'image-pull',
      title: `Image ${shortImage(image)} is slow to pull${size}: ${pods.length} pod${pods.length === 1 ? '' : 's'} still pulling after ${formatSpan(longest)}, no pull error${took}`,
      layer: 'runtime/probes',
      severity: severityForPods(ev, pods.length),
      confidence: corroborated ? 'high' : 'medium',
      evidence,
      ...(slowest ? { decisive: slowest.e.message.replace(/\s+/g, ' ').trim() } : {}),
      likelyCause: corroborated
        ? `${bytes !== undefined ? `At ${formatImageSize(bytes)} the image` : 'The image'} takes minutes to pull on a node that does not have its layers yet. The pull works (the same image was pulled successfully) and is only long; the new pods wait in ContainerCreating meanwhile, so a rollout or a scale-up onto fresh nodes ${stalled ? 'outlasted the progress deadline (ProgressDeadlineExceeded)' : 'can outlast the progress deadline'} although nothing is broken.`
        : 'The pull has run for minutes and reported no error yet: a very large image, a slow link from the node to the registry, or a pull that stalled. The pods wait in ContainerCreating meanwhile.',
      nextAction: corroborated
        ? `Let the pull finish: the pod starts on its own and a rollback is not needed${stalled ? ' (ProgressDeadlineExceeded only reports; the controller keeps rolling out)' : ''}. Raise progressDeadlineSeconds above the pull time, and make the image smaller: keep large data such as model weights out of it (a volume, or a download at start-up), or pre-pull it onto new nodes.`
        : 'Check how large the image is and whether the node still receives it (the kubelet\'s and the runtime\'s logs on that node, `crictl images`); a pull that makes no progress points at the path from the node to the registry.',
      fix: corroborated ? 'let the pull finish and raise progressDeadlineSeconds above the pull time; then shrink the image' : 'find out whether the pull is progressing',
      // Only a pull of the same image that finished says this one will too.
      ...(corroborated ? { passesBy: 'the pull completes and the pod starts on its own' } : {}),
      confirmCommands: [describePodCommand(ev.target, pods[0] ?? ''), podEventsCommand(ev.target, pods[0] ?? '')],
      affected: { pods, nodes: listNodesOf(group.map((p) => p.ref.pod)) },
    } satisfies Finding;
  });
}

/** "9m41s" rather than formatSpan's rounded "9m": the seconds of a pull time are worth reading. */
function formatPullTime(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds >= 60 && seconds < 3600 ? `${Math.floor(seconds / 60)}m${seconds % 60 > 0 ? `${seconds % 60}s` : ''}` : formatSpan(ms);
}

/**
 * The pull is not slow, it has not begun: the kubelet pulls one image at a time and another pod's
 * pull on the same node, asked for first, still runs. A pull of the same image that finished in
 * seconds elsewhere says so too.
 */
function describeQueued(ev: TriageEvidence, image: string, group: SlowPull[], ahead: PullAhead, quick: { e: EventEvidence; ms?: number } | undefined): Finding {
  const pods = unique(group.map((p) => p.ref.pod.name));
  const nodes = listNodesOf(group.map((p) => p.ref.pod));
  const longest = Math.max(...group.map((p) => p.elapsed));
  const container = group[0]?.ref.container.name ?? '';
  const aheadFor = formatSpan(msBetween(ahead.started.lastSeen, ev.collectedAt));
  const who = `pod ${ahead.namespace}/${ahead.pod.name}${ahead.owner !== undefined ? ` (${ahead.owner})` : ''}`;
  // The title names the workload ahead (its pod is in the evidence), or the pod when no controller made it.
  const [kind, name] = ahead.owner?.split(' ') ?? [];
  const short = kind !== undefined && name !== undefined ? `${kind} ${ahead.namespace}/${name}` : `pod ${ahead.namespace}/${ahead.pod.name}`;
  const node = nodes.join(', ');
  // The kubelet's own figure ("1.688s"): seconds rounded away would hide how quick it is.
  const took = quick === undefined ? undefined : / in ((?:\d+(?:\.\d+)?(?:h|ms|µs|us|ns|m|s))+)/.exec(quick.e.message)?.[1];
  const elsewhere = took !== undefined ? ` The same image pulled in ${took} on another node: its own pull is quick, it has not begun.` : '';
  const stuck = `the stuck pod${pods.length === 1 ? '' : 's'}`;
  return {
    id: `image-pull/${container}/queued`,
    kind: 'image-pull',
    title: `Image ${shortImage(image)} waits behind another image's pull on its node (the kubelet pulls one image at a time): ${short} has been pulling ${ahead.image} for ${aheadFor}; ${pods.length} pod${pods.length === 1 ? '' : 's'} waiting ${formatSpan(longest)}`,
    layer: 'runtime/probes',
    severity: severityForPods(ev, pods.length),
    confidence: quick !== undefined ? 'high' : 'medium',
    evidence: [
      ...group.map((p) => `${p.ref.pod.name}/${p.ref.container.name} on ${p.ref.pod.nodeName ?? '?'}: ContainerCreating; ${formatEventLine(p.started)} ${formatSpan(p.elapsed)} ago, no Pulled and no pull error since`),
      `${ahead.namespace}/${ahead.pod.name} on ${ahead.pod.nodeName ?? node}: ${formatEventLine(ahead.started)} ${aheadFor} ago, still not pulled`,
      ...(quick !== undefined ? [formatEventLine(quick.e, { withObject: true, maxLength: 300 })] : []),
    ],
    decisive: ahead.started.message,
    likelyCause: `The kubelet pulls one image at a time unless its serializeImagePulls is false (the default is true), in the order pods asked. On ${node}, ${who} asked for ${ahead.image} ${formatSpan(msBetween(ahead.started.lastSeen, group[0]?.started.lastSeen ?? ev.collectedAt))} before this pod asked for ${shortImage(image)}, and that pull has run for ${aheadFor} without finishing (a multi-GB image, or a slow link to its registry); every pull asked for after it waits in the queue.${elsewhere} The pod waits in ContainerCreating meanwhile; its revision is not at fault.`,
    nextAction: `Let the pull ahead finish (this one starts right after and takes seconds), or delete ${stuck} so the scheduler may place ${pods.length === 1 ? 'it' : 'them'} on another node (the bot will not). Then set serializeImagePulls: false (with maxParallelImagePulls) in the kubelet configuration of that node group, and pre-pull large images such as ${ahead.image} onto new nodes.`,
    fix: `let the pull of ${ahead.image} finish or delete ${stuck} so it lands on another node; then set serializeImagePulls: false (with maxParallelImagePulls) on that node group and pre-pull large images`,
    outsideWorkload: `the kubelet on ${node} pulls one image at a time: a pod of any revision placed there waits behind the same pull`,
    passesBy: `the pull of ${ahead.image} completes and this image's pull, seconds long, follows`,
    confirmCommands: [
      describePodCommand(ev.target, pods[0] ?? ''),
      formatKubectl(ev.target, `get events -A --field-selector involvedObject.name=${ahead.pod.name}`, 'cluster'),
      formatKubectl(ev.target, `get pods -A -o wide --field-selector spec.nodeName=${nodes[0] ?? ''}`, 'cluster'),
    ],
    affected: { pods, nodes },
  } satisfies Finding;
}
