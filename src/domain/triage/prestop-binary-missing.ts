/**
 * A preStop exec hook that cannot start because its program is not in the image (see
 * hook-binary-missing.ts). The hook is there to keep a stopping pod serving while the endpoint
 * controller and every proxy in front drop it; failing at once, it lets the kubelet send SIGTERM
 * straight away, and the requests still routed to the pod fail (502s at the ingress) at every
 * rollout, scale-down and eviction. The failures are seen on the pods that stopped, usually the
 * previous revision's: its image lacks the program too, so a rollback brings the same hook back.
 */
import { collapseEvents, formatEventLine } from './collapse-events.js';
import type { EventEvidence, TriageEvidence } from './evidence.js';
import type { Finding } from './finding.js';
import { type MissingHookBinary, findMinimalBase, findRevisionOfPodName } from './hook-binary-missing.js';
import { formatKubectl, formatWorkloadRef, podEventsCommand } from './kubectl-command.js';
import { readHookSleepSeconds } from './prestop-grace.js';
import { RECENT_MS, unique } from './pod-status.js';
import { sortRevisions } from './revision-diff.js';
import { formatAgo, isWithin } from './time-span.js';

/** A shell or coreutils program: an image without them has none of the kind (distroless, scratch). */
const BASE_TOOL = /^(?:\/(?:usr\/)?s?bin\/)?(?:sh|bash|ash|dash|sleep|curl|wget|kill)$/;

export function describeMissingPreStopBinary(ev: TriageEvidence, container: string, events: readonly EventEvidence[], missing: MissingHookBinary): Finding {
  const now = ev.collectedAt;
  const podNames = unique(events.map((e) => e.object.name));
  const revisionOf = (pod: string) => {
    const hash = ev.pods.find((p) => p.name === pod)?.revisionHash;
    return hash !== undefined ? ev.revisions.find((r) => r.hash === hash) : findRevisionOfPodName(ev.revisions, pod);
  };
  const stopped = sortRevisions(unique(podNames.flatMap((p) => revisionOf(p) ?? [])));
  const [newest] = sortRevisions(ev.revisions);
  const failedIn = stopped[0];
  const template = failedIn ?? newest;
  const spec = template?.containers.find((c) => c.name === container);
  const hook = spec?.hooks?.preStop ?? ev.pods.flatMap((p) => p.containers).find((c) => c.name === container)?.hooks?.preStop ?? missing.binary;
  const image = spec?.image;
  const base = template === undefined ? undefined : findMinimalBase(ev.revisions, container, template.revision);
  const seconds = readHookSleepSeconds(hook);
  const last = events.reduce((t, e) => (e.lastSeen > t ? e.lastSeen : t), events[0]?.lastSeen ?? now);
  const recent = isWithin(last, now, RECENT_MS);
  const n = `${podNames.length} pod${podNames.length === 1 ? '' : 's'}`;
  const ofRevisions = stopped.length > 0 ? ` of revision ${stopped.map((r) => r.revision).join(', ')}` : '';
  // The pods that showed it ran an older revision than the newest: that image lacks the program too.
  const before = failedIn !== undefined && newest !== undefined && failedIn.revision < newest.revision
    ? `the hook failed in the stopping pods of revision ${failedIn.revision}: its image lacks ${missing.binary} too, so a rollback brings the same failing hook back`
    : undefined;
  const baseLine = base === undefined ? undefined : `revision ${base.revision.revision} (${formatAgo(base.revision.createdAt, now)}${base.revision.changeCause ? `, "${base.revision.changeCause}"` : ''}) moved the image to ${base.base}`;
  const noShell = base !== undefined ? `a ${/scratch/i.test(base.base) ? 'scratch' : 'distroless'} base (${base.base}) has no shell and no coreutils` : BASE_TOOL.test(missing.binary) ? 'a distroless or scratch image has no shell and no coreutils' : `the image does not ship ${missing.binary}`;
  const sleep = seconds !== undefined ? `lifecycle.preStop.sleep.seconds: ${seconds}` : 'lifecycle.preStop.sleep.seconds';
  return {
    id: `lifecycle-hook/preStop/${container}/missing-binary`,
    kind: 'lifecycle-hook',
    title: `The preStop hook \`${hook}\` of container ${container} fails at once: "${missing.binary}" is not in the image${base ? ` (${/scratch/i.test(base.base) ? 'scratch' : 'distroless'} since revision ${base.revision.revision})` : ''}, so the kubelet sends SIGTERM while the pod is still in the endpoints (FailedPreStopHook on ${n}${ofRevisions}, ${formatAgo(last, now)})`,
    layer: 'rollout/change',
    severity: recent ? 'warning' : 'info',
    confidence: 'high',
    evidence: [
      ...collapseEvents([...events], { acrossObjects: true }).slice(0, 2).map((e) => formatEventLine(e, { withObject: true, maxLength: 420 })),
      `kubelet: exec: "${missing.binary}": ${missing.words} (FailedPreStopHook on ${n}${ofRevisions})`,
      `container ${container}: preStop exec \`${hook}\`${image ? `, image ${image}` : ''}${template?.template?.terminationGracePeriodSeconds !== undefined ? `, terminationGracePeriodSeconds ${template.template.terminationGracePeriodSeconds}` : ''}`,
      ...(baseLine ? [baseLine] : []),
    ],
    decisive: `exec: "${missing.binary}": ${missing.words}`,
    likelyCause: `An exec hook runs inside the container with the image's own programs, and ${noShell}: \`${hook}\` cannot start, the hook fails at once and the kubelet goes straight to SIGTERM. The hook was there to keep the pod serving while the endpoint controller and the proxies in front drop it; without that wait the app stops while they still send to it, and those requests fail (502s at an ingress) at every rollout, scale-down and eviction${baseLine ? `, ever since ${baseLine}` : ''}.${before ? ` A rollback does not help: ${before}.` : ''}`,
    nextAction: `Replace the exec hook with the kubelet's own sleep action (${sleep}, Kubernetes 1.30 or later; it needs no program in the image), or ship a ${missing.binary} binary in the image (or call one it has).`,
    fix: `use the native preStop sleep action (${sleep}) instead of exec \`${hook}\``,
    ...(before ? { outsideWorkload: before } : {}),
    confirmCommands: [
      formatKubectl(ev.target, 'get events --field-selector reason=FailedPreStopHook'),
      podEventsCommand(ev.target, podNames[0] ?? ''),
      formatKubectl(ev.target, `get ${formatWorkloadRef(ev.target)} -o jsonpath='{.spec.template.spec.containers[?(@.name=="${container}")].lifecycle.preStop}'`),
    ],
    affected: { pods: podNames },
  };
}
