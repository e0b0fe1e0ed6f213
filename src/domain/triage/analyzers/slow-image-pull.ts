import { formatEventLine } from '../collapse-events.js';
import type { EventEvidence, TriageEvidence } from '../evidence.js';
import { eventContainer, findCondition, listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, podEventsCommand } from '../kubectl-command.js';
import { getWaiting, listAllContainers, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { MINUTE_MS, formatSpan, msBetween } from '../time-span.js';
import { shortImage } from './image-pull.js';

/** A pull still running after this long is worth a finding: ordinary images pull in seconds. */
export const SLOW_PULL_MS = 5 * MINUTE_MS;

const GO_DURATION = /^(?:\d+(?:\.\d+)?(?:h|ms|µs|us|ns|m|s))+$/;
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 1e-3, µs: 1e-3, ns: 1e-6 };

/** A Go duration as the kubelet prints it ("9m41.204s", "850ms") in milliseconds; undefined if it is not one. */
export function parseGoDuration(text: string): number | undefined {
  if (!GO_DURATION.test(text)) return undefined;
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|µs|us|ns|m|s)/g)) ms += Number(n) * (UNIT_MS[unit ?? ''] ?? 0);
  return ms;
}

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
  const pulling = listAllContainers(ev.pods).flatMap((ref) => {
    const { pod, container } = ref;
    if (pod.ready || pod.deletionTimestamp !== undefined || getWaiting(container)?.reason !== 'ContainerCreating') return [];
    const events = listPodEvents(ev, ['Pulling', 'Pulled', 'Failed', 'BackOff'], [pod.name]).filter((e) => e.message.includes(`"${container.image}"`) && (eventContainer(e) ?? container.name) === container.name);
    const started = events.filter((e) => e.reason === 'Pulling').sort((a, b) => msBetween(b.lastSeen, a.lastSeen))[0];
    if (started === undefined || events.some((e) => e.reason !== 'Pulling' && msBetween(started.lastSeen, e.lastSeen) >= 0)) return [];
    const elapsed = msBetween(started.lastSeen, ev.collectedAt);
    return elapsed >= SLOW_PULL_MS ? [{ ref, started, elapsed }] : [];
  });
  const byImage = new Map<string, typeof pulling>();
  for (const p of pulling) byImage.set(p.ref.container.image, [...(byImage.get(p.ref.container.image) ?? []), p]);
  return [...byImage.entries()].map(([image, group]) => {
    const pulls = listPodEvents(ev, ['Pulled']).flatMap((e) => {
      const read = readPulled(e);
      return read?.image === image ? [{ e, ...read }] : [];
    });
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
