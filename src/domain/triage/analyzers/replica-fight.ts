import type { EventEvidence, FieldOwnerEvidence, HpaEvidence, TriageEvidence } from '../evidence.js';
import { listEventsOf } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { RECENT_MS } from '../pod-status.js';
import { earliest, formatAgo, formatSpan, isWithin, msBetween } from '../time-span.js';
import { formatMetrics, isAboveTarget } from './hpa.js';
import { parseScaling, toolOf, type Scaling } from '../replica-set-scaling.js';

/** A scale-up undone this many times is a fight, not a blip. */
const FIGHT_MIN = 3;

/** The HPA controller writes spec.replicas through the scale subresource as kube-controller-manager. */
function isAutoscaler(o: FieldOwnerEvidence): boolean {
  return o.subresource === 'scale' && o.manager === 'kube-controller-manager';
}

function describeHot(hpa: HpaEvidence): string | undefined {
  const hot = hpa.metrics.filter(isAboveTarget);
  return hot.length === 0 ? undefined : formatMetrics({ ...hpa, metrics: hot });
}

/**
 * The HPA scales the workload up and something else scales it straight back, again and again: two
 * writers of spec.replicas. The deployment controller's "Scaled up … from 4 to 11" / "Scaled down
 * … from 11 to 4" pair on the same ReplicaSet repeats, the HPA keeps asking for 11 and never for 4.
 * Who sets it back is read from managedFields (the owner of spec.replicas that is not the HPA's
 * scale subresource) and the GitOps tool's marker on the object; never named without them.
 */
export function analyzeReplicaFight(ev: TriageEvidence): Finding[] {
  const w = ev.workload;
  if (w?.kind !== 'Deployment') return [];
  const scalings = listEventsOf(ev, w.kind, w.name).flatMap((e) => (isWithin(e.lastSeen, ev.collectedAt, RECENT_MS) ? [parseScaling(e)].filter((s) => s !== undefined) : []));
  return ev.hpas.flatMap((hpa) => {
    const asked = listEventsOf(ev, 'HorizontalPodAutoscaler', hpa.name)
      .filter((e) => e.reason === 'SuccessfulRescale' && isWithin(e.lastSeen, ev.collectedAt, RECENT_MS))
      .flatMap((e) => {
        const size = /New size: (\d+)/.exec(e.message)?.[1];
        return size === undefined ? [] : [{ size: Number(size), count: e.count }];
      });
    const fight = scalings.flatMap((up) => {
      if (up.dir !== 'up' || up.event.count < FIGHT_MIN) return [];
      const down = scalings.find((d) => d.dir === 'down' && d.rs === up.rs && d.from === up.to && d.to === up.from && d.event.count >= FIGHT_MIN);
      const wanted = asked.filter((a) => a.size === up.to).reduce((n, a) => n + a.count, 0);
      // The HPA asked for the higher count again and again, and never for the lower one: someone else did.
      const hpaShrank = asked.some((a) => a.size <= up.from);
      return down !== undefined && wanted >= FIGHT_MIN && !hpaShrank ? [{ up, down }] : [];
    })[0];
    if (fight === undefined) return [];
    const { up, down } = fight;
    const times = Math.min(up.event.count, down.event.count);
    const since = earliest([up.event.firstSeen, down.event.firstSeen]) ?? up.event.firstSeen;
    // The other owner of spec.replicas, when it wrote during the fight: that is who sets it back.
    const other = (w.replicasOwners ?? []).filter((o) => !isAutoscaler(o));
    const writer = other.find((o) => o.at !== undefined && msBetween(since, o.at) >= 0);
    const tool = writer ? toolOf(writer.manager) : undefined;
    const who = writer ? `${writer.manager}${tool ? ` (${tool})` : ''}` : 'something else';
    const hot = describeHot(hpa);
    const span = formatSpan(msBetween(since, ev.collectedAt));
    // Without a write seen, the GitOps tool that tracks the object is the suspect, said as such.
    const suspect = tool ?? (writer === undefined ? w.gitOps?.tool : undefined);
    const title = `HPA ${hpa.name} and ${who} fight over spec.replicas of ${w.name}: scaled from ${up.from} to ${up.to} and back ${times} times in ${span}${hot ? `; the ${up.from} pods left run at ${hot}` : ''}`;
    const ownerLine = (o: FieldOwnerEvidence) => `${o.manager}${o.operation ? ` (${o.operation}${o.subresource ? `, ${o.subresource} subresource` : ''})` : ''}${o.at ? ` ${formatAgo(o.at, ev.collectedAt)}` : ''}`;
    return [
      {
        id: `replica-fight/${hpa.name}`,
        kind: 'replica-fight',
        title,
        layer: 'capacity',
        severity: 'warning',
        confidence: writer ? 'high' : 'medium',
        evidence: [
          `${up.event.message} ×${up.event.count}, ${down.event.message} ×${down.event.count}, since ${formatAgo(since, ev.collectedAt)}`,
          `HPA ${hpa.name}: ${hpa.currentReplicas} current, ${hpa.desiredReplicas} desired (range ${hpa.minReplicas}–${hpa.maxReplicas}); it asked for ${up.to}, never for ${up.from}; spec.replicas is ${w.specReplicas}`,
          ...(w.replicasOwners && w.replicasOwners.length > 0 ? [`spec.replicas written by (managedFields, newest first): ${w.replicasOwners.map(ownerLine).join('; ')}`] : []),
          ...(w.gitOps ? [`tracked by ${w.gitOps.tool}: ${w.gitOps.marker}`] : []),
        ],
        ...(writer ? { decisive: `spec.replicas last written by ${ownerLine(writer)}, after the HPA set ${up.to}` } : {}),
        likelyCause: describeCause(suspect, writer !== undefined, up.to, up.from),
        nextAction: describeAction(suspect),
        fix: suspect === 'Argo CD'
          ? 'turn off Argo CD self-heal for this Application so the HPA\'s scale-up holds, then take spec.replicas out of the manifests in git (or have Argo CD ignore /spec/replicas)'
          : suspect === 'Flux'
            ? 'suspend the Flux reconcile so the HPA\'s scale-up holds, then take spec.replicas out of the manifests Flux applies'
            : 'find and stop the second writer of spec.replicas so only the HPA sets it',
        confirmCommands: [
          formatKubectl(ev.target, `get ${formatWorkloadRef(ev.target)} -o yaml --show-managed-fields`),
          formatKubectl(ev.target, `describe hpa ${hpa.name}`),
        ],
        // Every replica carries the load the HPA meant to spread: their slow probes are this.
        affected: { pods: ev.pods.map((p) => p.name) },
      },
    ];
  });
}

function describeCause(tool: string | undefined, seen: boolean, up: number, down: number): string {
  const undo = `every scale-up to ${up} is undone within seconds: the new pods are deleted before they are ready and the ${down} left carry the load`;
  if (tool === 'Argo CD' || tool === 'Flux') {
    const how = tool === 'Argo CD' ? 'Argo CD\'s automated sync with self-heal re-applies it whenever the live count drifts' : 'every Flux reconcile re-applies it';
    if (seen) return `The manifests ${tool} applies set spec.replicas to ${down} and ${how}, so ${undo}.`;
    return `The Deployment is tracked by ${tool}, but managedFields show no write of spec.replicas by it during the fight: if its manifests set spec.replicas to ${down}, ${how}, so ${undo}; otherwise look for another writer (a deploy pipeline, a script running kubectl scale).`;
  }
  return `Two writers own spec.replicas: the HPA, and something that re-applies a fixed count (a GitOps sync with self-heal, a deploy pipeline, a script running kubectl scale), so ${undo}.`;
}

function describeAction(tool: string | undefined): string {
  if (tool === 'Argo CD') return 'Mitigate: turn off self-heal (or auto-sync) for this Argo CD Application so the HPA\'s scale-up holds — scaling by hand would be undone the same way. Then remove spec.replicas from the manifests in git, or add ignoreDifferences for /spec/replicas to the Application.';
  if (tool === 'Flux') return 'Mitigate: suspend the Flux Kustomization or HelmRelease that applies it so the HPA\'s scale-up holds — scaling by hand would be undone the same way. Then remove spec.replicas from the manifests.';
  return 'Find the second writer (managedFields show who writes spec.replicas) and stop it — scaling by hand would be undone the same way; then leave spec.replicas to the HPA alone.';
}
