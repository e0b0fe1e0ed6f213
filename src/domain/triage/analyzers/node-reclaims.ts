import type { EventEvidence, PlacementEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listFormerNodes, listReclaimEvents } from '../node-reclaims.js';
import { RECENT_MS } from '../pod-status.js';
import { formatAgo, formatSpan, isWithin, msBetween } from '../time-span.js';

/** Placement terms that ask for reclaimable capacity: Karpenter, EKS managed node groups, GKE, AKS. */
const SPOT_KEY = /capacity-type$|capacityType$|gke-spot$|gke-preemptible$|scalesetpriority$|lifecycle$/i;
const SPOT_VALUE = /^(spot|preemptible|true)$/i;

function spotTerms(p: PlacementEvidence | undefined): string[] {
  if (p === undefined) return [];
  const selector = Object.entries(p.nodeSelector).filter(([k, v]) => SPOT_KEY.test(k) && SPOT_VALUE.test(v)).map(([k, v]) => `nodeSelector ${k}: ${v}`);
  const affinity = p.requiredNodeAffinity.flat().filter((r) => SPOT_KEY.test(r.key) && r.operator === 'In' && r.values.length > 0 && r.values.every((v) => SPOT_VALUE.test(v))).map((r) => `node affinity ${r.key} In (${r.values.join(', ')})`);
  return [...selector, ...affinity];
}

/**
 * A pod that is fine now but lost its node again and again: the nodes it left were taken back
 * (a spot interruption: Karpenter's SpotInterrupted, the node termination handler's notices), and
 * with a single replica each reclaim is an outage until a new node comes up and the pod (and its
 * volume) follows. The template asking for spot capacity is the mechanism.
 */
export function analyzeNodeReclaims(ev: TriageEvidence): Finding[] {
  const w = ev.workload;
  if (!w || w.kind === 'Job' || w.kind === 'CronJob' || w.kind === 'DaemonSet') return [];
  const former = listFormerNodes(ev.events, ev.pods);
  if (former.length === 0) return [];
  const reclaims = listReclaimEvents(ev.events, new Set(former.map((f) => f.node))).filter((e) => isWithin(e.lastSeen, ev.collectedAt, RECENT_MS));
  // The spot warning itself says most; the termination that follows it, less.
  const newest = reclaims.find((e) => /spot/i.test(`${e.reason} ${e.message}`)) ?? reclaims[0];
  if (newest === undefined) return [];
  const podNames = new Set(former.map((f) => f.pod));
  // Each "Stopping container" of a pod that is running again is one time it went away.
  const stops = ev.events.filter((e) => e.object.kind === 'Pod' && podNames.has(e.object.name) && e.reason === 'Killing' && isWithin(e.lastSeen, ev.collectedAt, RECENT_MS));
  const gaps = stops.map((s) => downtimeAfter(ev.events, s)).filter((g): g is number => g !== undefined);
  const longest = gaps.length > 0 ? Math.max(...gaps) : undefined;
  const times = Math.max(stops.length, new Set(reclaims.map((e) => e.object.name)).size);
  const single = w.specReplicas <= 1;
  const revisions = [...ev.revisions].sort((a, b) => b.revision - a.revision);
  const terms = spotTerms(w.templatePlacement ?? revisions[0]?.template?.placement);
  const since = terms.length > 0 ? revisions.findLast((r, i) => spotTerms(r.template?.placement).length > 0 && revisions.slice(0, i + 1).every((x) => spotTerms(x.template?.placement).length > 0)) : undefined;
  const pinnedSince = since && revisions.some((r) => r.revision < since.revision) ? ` since revision ${since.revision} (${formatAgo(since.createdAt, ev.collectedAt)})` : '';
  const isSpot = terms.length > 0 || /spot/i.test(`${newest.reason} ${newest.message}`);
  const what = isSpot ? 'spot interruptions' : 'node reclaims';
  const pods = [...podNames];
  const title = `${pods.join(', ')} lost ${pods.length === 1 ? 'its' : 'their'} node to ${what}: stopped ${times} time${times === 1 ? '' : 's'} in the last hour and moved to a new node each time${longest !== undefined ? `, about ${formatSpan(longest)} without a running pod` : ''}${single ? ' (1 replica: every reclaim is an outage)' : ''}${terms.length > 0 ? `; the template asks for spot capacity (${terms[0]})` : ''}`;
  const fix = terms.length > 0
    ? `run ${w.name} on on-demand capacity (drop ${terms[0]}), or run 2+ replicas with a PodDisruptionBudget and one in another zone`
    : `run 2+ replicas of ${w.name} with a PodDisruptionBudget, spread over nodes and zones`;
  return [
    {
      id: `node-condition/reclaimed/${w.name}`,
      kind: 'node-condition',
      title,
      layer: 'node/eviction',
      severity: single || times >= 2 ? 'warning' : 'info',
      confidence: 'high',
      decisive: `${newest.object.name}: ${newest.reason}: ${newest.message.trim()}`,
      evidence: [
        ...reclaims.slice(0, 3).map((e) => `node ${e.object.name}: ${e.reason} ${formatAgo(e.lastSeen, ev.collectedAt)}${e.source ? ` (${e.source})` : ''}: ${e.message.trim()}`),
        ...former.slice(0, 3).map((f) => `${f.pod} was placed on ${f.node} ${formatAgo(f.scheduledAt, ev.collectedAt)}; it runs on another node now`),
        `${stops.length} "Stopping container" event${stops.length === 1 ? '' : 's'} for ${pods.join(', ')} in the last hour; ${w.specReplicas} replica${w.specReplicas === 1 ? '' : 's'}`,
        ...(terms.length > 0 ? [`the pod template asks for spot capacity: ${terms.join(', ')}${pinnedSince}`] : []),
      ],
      likelyCause: `The cloud took back the node${times === 1 ? '' : 's'} under ${pods.join(', ')} (${newest.reason}: ${isSpot ? 'a spot interruption warning' : 'a reclaim notice'}); the node was cordoned and drained, and the pod could only run again once a new node had come up${w.kind === 'StatefulSet' ? ' and its volume had re-attached' : ''}.${single ? ` With one replica, each interruption leaves ${w.name} with no endpoint for those minutes, so its clients fail (connection refused) until it is back; it looks healthy between interruptions.` : ''}${terms.length > 0 ? ` The pod template pins it to spot capacity (${terms.join(', ')})${pinnedSince}, which is reclaimed at short notice.` : ''}`,
      fix,
      nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; nothing to roll back in the app.`,
      outsideWorkload: 'the cloud reclaims the node whatever the revision; a rollback does not help',
      confirmCommands: [
        formatKubectl(ev.target, `get events -A --field-selector involvedObject.kind=Node,reason=${newest.reason}`),
        formatKubectl(ev.target, `get events --field-selector involvedObject.name=${pods[0] ?? ''}`),
      ],
      affected: { pods, nodes: former.map((f) => f.node) },
    },
  ];
}

/** From a "Stopping container" to the pod's next Started (else Scheduled): how long it was gone. */
function downtimeAfter(events: readonly EventEvidence[], stop: EventEvidence): number | undefined {
  const later = events.filter((e) => e.object.kind === 'Pod' && e.object.name === stop.object.name && msBetween(stop.lastSeen, e.lastSeen) > 0);
  // Only up to the next stop: what followed that belongs to the next time.
  const next = later.filter((e) => e.reason === 'Killing').sort((a, b) => msBetween(b.lastSeen, a.lastSeen))[0];
  const after = next === undefined ? later : later.filter((e) => msBetween(e.lastSeen, next.lastSeen) > 0);
  const back = after.filter((e) => e.reason === 'Started').sort((a, b) => msBetween(b.lastSeen, a.lastSeen))[0]
    ?? after.filter((e) => e.reason === 'Scheduled').sort((a, b) => msBetween(b.lastSeen, a.lastSeen))[0];
  return back === undefined ? undefined : msBetween(stop.lastSeen, back.lastSeen);
}
