import type { EventEvidence, FieldOwnerEvidence, TriageEvidence } from '../evidence.js';
import { listEventsOf, listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { formatAgo, isWithin, msBetween } from '../time-span.js';

/** Both forms the deployment controller has used: "… from 6 to 1" and "… to 1 from 6". */
const SCALED_DOWN = /^Scaled down replica set (\S+?)(?: from (\d+))? to (\d+)(?: from (\d+))?$/;

/** Probe failures this many times since the cut are strain, not a blip. */
const STRAIN_MIN = 3;

/** Still failing: a probe failure seen this recently. */
const STILL_MS = 10 * 60_000;

/** A write of spec.replicas this close to the scale-down is what caused it. */
const SAME_WRITE_MS = 2 * 60_000;

interface Cut {
  from: number;
  to: number;
  event: EventEvidence;
}

function parseCut(e: EventEvidence, rs: string): Cut | undefined {
  const m = e.reason === 'ScalingReplicaSet' ? SCALED_DOWN.exec(e.message.trim()) : null;
  const from = m?.[2] ?? m?.[4];
  if (!m || m[1] !== rs || from === undefined) return undefined;
  return { from: Number(from), to: Number(m[3]), event: e };
}

/** The writer of spec.replicas at the cut (managedFields), when it wrote then. */
function writerAt(owners: readonly FieldOwnerEvidence[] | undefined, at: string): FieldOwnerEvidence | undefined {
  return owners?.find((o) => o.at !== undefined && Math.abs(msBetween(o.at, at)) <= SAME_WRITE_MS);
}

/**
 * The workload's own ReplicaSet was scaled down (not a rollout: the current revision's ReplicaSet
 * shrank while no other grew), no HPA manages its replicas, and the pods left have failed their
 * probes since: someone cut its capacity and nothing restores it. A cut the pods carry is left alone.
 */
export function analyzeReplicasCut(ev: TriageEvidence): Finding[] {
  const w = ev.workload;
  if (w?.kind !== 'Deployment' || ev.hpas.length > 0) return [];
  const current = ev.revisions.find((r) => r.revision === w.currentRevision);
  if (!current) return [];
  const events = listEventsOf(ev, w.kind, w.name);
  // During a rollout the controller scales ReplicaSets up and down; a cut is a lone scale-down.
  if (events.some((e) => e.reason === 'ScalingReplicaSet' && /^Scaled up/.test(e.message.trim()) && isWithin(e.lastSeen, ev.collectedAt, 2 * 60 * 60_000))) return [];
  const cut = events
    .flatMap((e) => [parseCut(e, current.name)].filter((c) => c !== undefined))
    .filter((c) => c.to < c.from && c.to === w.specReplicas && isWithin(c.event.lastSeen, ev.collectedAt, 6 * 60 * 60_000))
    .sort((a, b) => b.event.lastSeen.localeCompare(a.event.lastSeen))[0];
  if (!cut) return [];
  const at = cut.event.lastSeen;
  // Strain: probe failures of the pods left that began after the cut and go on now. The pods the
  // cut removes turn unready on purpose while they drain: that is the cut working, not strain.
  const leaving = new Set(ev.pods.filter((p) => p.deletionTimestamp !== undefined).map((p) => p.name));
  const probes = listPodEvents(ev, ['Unhealthy']).filter((e) => !leaving.has(e.object.name) && msBetween(at, e.firstSeen) >= 0 && isWithin(e.lastSeen, ev.collectedAt, STILL_MS));
  const failures = probes.reduce((n, e) => n + e.count, 0);
  const unready = ev.pods.filter((p) => !p.ready && !leaving.has(p.name)).length;
  if (failures < STRAIN_MIN && unready === 0) return [];
  const writer = writerAt(w.replicasOwners, at);
  const byHand = writer && writer.manager !== 'kube-controller-manager' ? ` by ${writer.manager}${writer.subresource === 'scale' ? ' (scale subresource)' : ''}` : '';
  const kindOfProbe = /readiness/i.test(probes[0]?.message ?? '') ? 'readiness' : 'health';
  const pods = ev.pods.filter((p) => !leaving.has(p.name)).map((p) => p.name);
  const strain = failures >= STRAIN_MIN ? `its ${cut.to === 1 ? 'one pod' : `${cut.to} pods`} left failed ${kindOfProbe} probes ${failures} times since` : `${unready} of the ${cut.to} pods left are not ready`;
  return [
    {
      id: `replicas-cut/${w.name}`,
      kind: 'replicas-cut',
      title: `${w.name} was scaled down to ${cut.to} from ${cut.from} replicas ${formatAgo(at, ev.collectedAt)}${byHand}, with no HPA to bring it back: ${strain}`,
      layer: 'capacity',
      severity: unready > 0 ? 'critical' : 'warning',
      confidence: writer ? 'high' : 'medium',
      evidence: [
        `${cut.event.message} (${formatAgo(at, ev.collectedAt)})`,
        ...(writer ? [`spec.replicas last written by ${writer.manager}${writer.subresource ? ` through the ${writer.subresource} subresource` : ''} ${formatAgo(writer.at ?? at, ev.collectedAt)}`] : []),
        `revision ${current.revision} unchanged (created ${formatAgo(current.createdAt, ev.collectedAt)}); no HorizontalPodAutoscaler targets ${w.name}`,
        ...probes.slice(0, 2).map((e) => `${e.object.name}: ${e.message} (${e.count}×)`),
      ],
      likelyCause: `The same pods' traffic now lands on ${cut.to} replica${cut.to === 1 ? '' : 's'} instead of ${cut.from}; no rollout and no autoscaler did it, so a person or a tool set spec.replicas, and nothing sets it back.`,
      nextAction: `Mitigate: scale back to ${cut.from} (kubectl scale ${formatWorkloadRef(ev.target)} --replicas=${cut.from}); then find who cut it and keep spec.replicas under GitOps or an HPA.`,
      fix: `scale back to ${cut.from} replicas`,
      decisive: cut.event.message,
      onset: at,
      confirmCommands: [
        formatKubectl(ev.target, `get ${formatWorkloadRef(ev.target)} --show-managed-fields -o yaml`),
        formatKubectl(ev.target, `get events --field-selector involvedObject.name=${w.name},reason=ScalingReplicaSet`),
        formatKubectl(ev.target, 'get hpa'),
      ],
      affected: { pods },
    },
  ];
}
