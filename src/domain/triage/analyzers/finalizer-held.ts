import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { countReadyPods, getDesiredReplicas } from '../pod-status.js';
import { hasStoppedContainers, isStuckTerminating } from '../terminating-pods.js';
import { formatAgo } from '../time-span.js';

/**
 * A deleted pod whose containers have all exited but whose object stays, Terminating, because a
 * finalizer is still listed: only the controller that added it removes it, and if that
 * controller is gone (uninstalled, crashed, its webhook left behind) nothing ever will. A
 * StatefulSet cannot create the replacement under the same name until the object is gone, so
 * the replica stays missing and a rolling update stops there. The new revision is not at fault.
 */
export function analyzeFinalizerHeld(ev: TriageEvidence): Finding[] {
  const held = ev.pods.filter((p) => (p.finalizers?.length ?? 0) > 0 && isStuckTerminating(p, ev.collectedAt) && hasStoppedContainers(p));
  const first = held[0];
  if (first === undefined) return [];
  const finalizers = [...new Set(held.flatMap((p) => p.finalizers ?? []))];
  const names = held.map((p) => p.name);
  const since = formatAgo(first.deletionTimestamp ?? ev.collectedAt, ev.collectedAt).replace(/ ago$/, '');
  const exits = first.containers.flatMap((c) => (c.state !== undefined && 'terminated' in c.state ? [`${c.name} exit ${c.state.terminated.exitCode}`] : []));
  const w = ev.workload;
  const ready = countReadyPods(ev);
  const desired = getDesiredReplicas(ev);
  // A StatefulSet's pod has a fixed name: its replacement waits for the old object to go.
  const sameName = w?.kind === 'StatefulSet';
  const impact = sameName ? `; ${ev.target.kind} ${ev.target.name} cannot create ${names.length === 1 ? 'its replacement' : 'their replacements'} under the same name (${ready}/${desired} ready)` : ` (${ready}/${desired} ready)`;
  const others = ev.pods.filter((p) => !names.includes(p.name) && p.deletionTimestamp === undefined && finalizers.some((f) => p.finalizers?.includes(f))).map((p) => p.name);
  const patch = (pod: string) => formatKubectl(ev.target, `patch pod ${pod} --type=json -p '[{"op":"remove","path":"/metadata/finalizers"}]'`);
  return [
    {
      id: `finalizer-held/${first.name}`,
      kind: 'finalizer-held',
      title: `${names.join(', ')} stuck Terminating for ${since}: finalizer ${finalizers.join(', ')} keeps the deleted pod object after its containers exited${exits.length > 0 ? ` (${exits.join(', ')})` : ''}${impact}`,
      layer: 'rollout/change',
      severity: sameName && ready < desired ? (ready * 2 <= desired ? 'critical' : 'warning') : 'warning',
      confidence: 'high',
      decisive: `deletionTimestamp ${first.deletionTimestamp ?? '?'}, finalizers [${(first.finalizers ?? []).join(', ')}]`,
      evidence: [
        ...held.map((p) => `${p.name}: Terminating, deletionTimestamp ${p.deletionTimestamp ?? '?'} (${formatAgo(p.deletionTimestamp ?? ev.collectedAt, ev.collectedAt)}), phase ${p.phase}, finalizers ${(p.finalizers ?? []).join(', ')}`),
        ...(w ? [`${formatWorkloadRef(ev.target)}: desired ${desired}, ready ${ready}`] : []),
        ...(others.length > 0 ? [`also carrying ${finalizers.length === 1 ? 'it' : 'them'}: ${others.join(', ')} (each will stick the same way when deleted)`] : []),
      ],
      likelyCause: `A finalizer is removed only by the controller that added it; the kubelet has finished (the containers exited), so the object waits on that controller. If it is uninstalled or failing, the pod stays Terminating forever${sameName ? ' and the StatefulSet, which reuses the name, cannot start the replacement' : ''}.`,
      nextAction: `Check that nothing still needs ${finalizers.join(', ')} (is the controller that owns it still installed and running?), then remove it: \`${patch(first.name)}\`${others.length > 0 ? `; remove it from ${others.join(', ')} too before they are deleted` : ''}, and clean up what is left of that controller (a webhook that still adds it).`,
      fix: `remove finalizer ${finalizers[0] ?? ''} from ${first.name}`,
      outsideWorkload: 'the finalizer belongs to another controller: any revision\'s pod is held the same way',
      confirmCommands: [
        formatKubectl(ev.target, `get pod ${first.name} -o jsonpath='{.metadata.deletionTimestamp} {.metadata.finalizers}'`),
        formatKubectl(ev.target, `get pods -o custom-columns=NAME:.metadata.name,DELETED:.metadata.deletionTimestamp,FINALIZERS:.metadata.finalizers`),
        formatKubectl(ev.target, 'get mutatingwebhookconfigurations', 'cluster'),
      ],
      affected: { pods: names },
    },
  ];
}
