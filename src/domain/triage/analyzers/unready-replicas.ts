import type { EventEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef, listPodsCommand } from '../kubectl-command.js';
import { formatEventLine } from '../collapse-events.js';
import { countReadyPods, isPodFailing, limitLines, listNodesOf } from '../pod-status.js';
import { CHURN_MIN, listReplacedPods } from '../replaced-pods.js';
import { listSelectingServices } from '../service-match.js';
import { formatAgo, msBetween } from '../time-span.js';
import { type KedaAtZero, describeKedaAtZero, describeKedaWake, findKedaAtZero } from '../keda-at-zero.js';

/**
 * The safety net: fewer ready replicas than desired, whether or not another analyzer knows
 * why. It keeps a workload with an unexplained gap from being called healthy; ranking folds
 * it into the findings that explain the same pods.
 */
export function analyzeUnreadyReplicas(ev: TriageEvidence): Finding[] {
  const w = ev.workload;
  // A Job's pods finish by design: no replica count to fall short of.
  if (!w || w.kind === 'Job' || w.kind === 'CronJob') return [];
  // A DaemonSet has no replica count: wanting 0 pods means no node admits them (daemonset-no-node.ts).
  if (w.kind === 'DaemonSet' && w.specReplicas === 0) return [];
  const ref = formatWorkloadRef(ev.target);
  const confirm = [formatKubectl(ev.target, `get ${ref} -o wide`), listPodsCommand(ev.target, w.selector)];
  if (w.specReplicas === 0) {
    // Who scaled it and when: the controller records "Scaled down replica set … from 3 to 0".
    const scaled = ev.events.filter((e) => e.reason === 'ScalingReplicaSet' && / to 0\b/.test(e.message)).sort((a, b) => msBetween(a.lastSeen, b.lastSeen)).at(-1);
    const from = scaled ? /from (\d+) to 0/.exec(scaled.message)?.[1] : undefined;
    const services = listSelectingServices(ev).map((s) => s.name);
    const keda = findKedaAtZero(ev);
    if (keda) return [describeIntendedZero(ev, keda, scaled, services)];
    return [
      {
        id: 'unready-replicas/scaled-to-zero',
        kind: 'unready-replicas',
        title: `${ev.target.name} is scaled to 0 replicas${scaled ? ` (${from ? `from ${from}, ` : ''}${formatAgo(scaled.lastSeen, ev.collectedAt)})` : ''}${services.length > 0 ? `: Service ${services.join(', ')} has nothing to send traffic to` : ''}`,
        layer: 'capacity',
        severity: services.length > 0 ? 'critical' : 'warning',
        confidence: scaled ? 'high' : 'medium',
        ...(scaled ? { decisive: scaled.message } : {}),
        fix: `scale it back (kubectl scale ${ref} --replicas=${from ?? 'N'})`,
        ...(services.length > 0 ? { affected: { services } } : {}),
        evidence: [`spec.replicas 0`, ...(scaled ? [formatEventLine(scaled)] : []), ...(ev.hpas.length > 0 ? [`HPA ${ev.hpas[0]?.name ?? ''} min ${ev.hpas[0]?.minReplicas ?? '?'}`] : [])],
        likelyCause: 'Nothing runs: someone or something scaled it down (an operator, a cost job, a failed deploy script). Intentional scale-downs look the same.',
        nextAction: `If it should serve traffic, scale it back (kubectl scale ${ref} --replicas=N; the bot will not) and find who scaled it down in the audit log.`,
        confirmCommands: confirm,
      },
    ];
  }
  const ready = ev.pods.length > 0 ? countReadyPods(ev) : w.readyReplicas;
  if (ready >= w.specReplicas) return [];
  const failing = ev.pods.filter((p) => isPodFailing(p, ev.collectedAt));
  // Pods that are merely starting (a rollout, a scale-up) make a gap that closes by itself; not
  // when they replace pods taken away again and again: that gap keeps reopening.
  const churn = listReplacedPods(ev.events, ev.pods, ev.collectedAt).length >= CHURN_MIN;
  if (failing.length === 0 && ev.pods.length >= w.specReplicas && !churn) return [];
  const missing = w.specReplicas - ready;
  // Far fewer pods listed than the workload runs: its status gave the count, the pods listed cannot say which are not ready.
  const listed = Math.max(ev.census?.total ?? 0, ev.pods.length);
  const unlisted = listed * 2 < w.replicas;
  return [
    {
      id: 'unready-replicas',
      kind: 'unready-replicas',
      title: `${ready}/${w.specReplicas} replicas of ${ev.target.name} ready`,
      layer: 'capacity',
      severity: ready === 0 || missing * 2 >= w.specReplicas ? 'critical' : 'warning',
      confidence: 'high',
      evidence: [
        `desired ${w.specReplicas}, ready ${ready}, available ${w.availableReplicas}, updated ${w.updatedReplicas}; ${ev.pods.length} pods exist`,
        ...limitLines(failing.map((p) => `${p.name}: ${p.phase}${p.ready ? '' : ', not ready'}${p.nodeName ? ` on ${p.nodeName}` : ', unscheduled'}`), 5),
      ],
      likelyCause: failing.length > 0 ? 'Some replicas fail; no more specific finding explains all of them.' : unlisted ? `The workload's status counts ${w.replicas} pods, ${ready} ready; only ${listed} were listed, none of them failing, so which pods are not ready is not known from here.` : churn ? 'The ReplicaSet keeps replacing pods that were taken away, and each replacement starts not ready: look at why the pods went.' : 'Fewer pods exist than desired and nothing recorded why: look at the controller\'s events.',
      nextAction: 'Describe the not-ready pods and the workload; the events say what blocks them.',
      confirmCommands: [...confirm, formatKubectl(ev.target, `describe ${ref}`)],
      affected: { pods: failing.map((p) => p.name), nodes: listNodesOf(failing) },
    },
  ];
}

/** KEDA's scale-to-zero: context (info), not an outage; it says what would bring the workload back. */
function describeIntendedZero(ev: TriageEvidence, k: KedaAtZero, scaled: EventEvidence | undefined, services: readonly string[]): Finding {
  const ref = formatWorkloadRef(ev.target);
  const when = scaled?.lastSeen ?? k.since;
  const so = k.scaledObject ?? '<name>';
  return {
    id: 'unready-replicas/keda-at-zero',
    kind: 'unready-replicas',
    title: `${ev.target.name} is ${describeKedaAtZero(k)}${when ? `, ${formatAgo(when, ev.collectedAt)}` : ''}: KEDA activates it again when ${describeKedaWake(k)} shows work`,
    layer: 'capacity',
    severity: 'info',
    confidence: 'high',
    evidence: [
      'spec.replicas 0',
      ...(scaled ? [formatEventLine(scaled)] : []),
      `HPA ${k.hpa.name}: ScalingActive=False (ScalingDisabled)${k.disabled.message ? `: ${k.disabled.message}` : ''}`,
      'no current Warning from KEDA or its HPA',
    ],
    likelyCause: `KEDA scales ${ev.target.name} to zero when its trigger reports no work (minReplicaCount 0) and disables its HPA there; this is its design, not an outage.${services.length > 0 ? ` Service ${services.join(', ')} has no endpoints until it is activated.` : ''}`,
    nextAction: `Nothing to do while no work waits. If work waits and it stays at 0, read the ScaledObject's events and the keda-operator log: KEDA alone activates it from zero.`,
    confirmCommands: [formatKubectl(ev.target, `get ${ref} -o wide`), formatKubectl(ev.target, `describe scaledobject ${so}`), formatKubectl(ev.target, `describe hpa ${k.hpa.name}`)],
  };
}
