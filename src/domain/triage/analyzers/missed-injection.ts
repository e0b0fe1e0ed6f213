/**
 * Pods that asked a mutating webhook for containers (a Vault agent, an Istio sidecar) and were
 * admitted without them, while the workload's other pods have them: the injector was down when they
 * were created and its webhook's failurePolicy Ignore let them through. The pods then fail on what
 * the missing containers provide (secrets rendered to a file, the mesh). Neither their revision nor
 * whatever recreated them is the cause; a rollback would be admitted the same way.
 */
import type { TriageEvidence } from '../evidence.js';
import { pickDecisiveLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { formatPodShare, isPodFailing, listNodesOf, severityForPods } from '../pod-status.js';

export function analyzeMissedInjection(ev: TriageEvidence): Finding[] {
  const failing = ev.pods.filter((p) => p.missedInjection !== undefined && isPodFailing(p, ev.collectedAt));
  const missed = failing[0]?.missedInjection;
  if (missed === undefined) return [];
  const names = failing.map((p) => p.name);
  const injectedPeers = ev.pods.filter((p) => p.injectedContainers?.some((c) => c.by === missed.injector));
  const evidence = [`${names.join(', ')}: annotated ${missed.askedBy}, but no injection status and no ${missed.containers.join(' / ')} container`];
  if (injectedPeers.length > 0) evidence.push(`injected: ${injectedPeers.map((p) => p.name).slice(0, 3).join(', ')} (${[...new Set(injectedPeers.flatMap((p) => p.injectedContainers?.filter((c) => c.by === missed.injector).map((c) => c.name) ?? []))].join(', ')})`);
  const own = pickDecisiveLine(ev.logs.filter((l) => names.includes(l.pod)).flatMap((l) => l.lines));
  if (own !== undefined) evidence.push(`log ${names[0] ?? ''}: ${own}`);
  // The injector itself, where its chart runs it: down, and its own log says why.
  const injector = ev.injector;
  const notReady = injector?.pods.filter((p) => !p.ready) ?? [];
  const down = injector !== undefined && injector.pods.length > 0 && notReady.length === injector.pods.length;
  const why = injector === undefined ? undefined : pickDecisiveLine(injector.logs.flatMap((l) => l.lines));
  if (injector !== undefined) {
    const restarts = Math.max(0, ...notReady.flatMap((p) => p.containers.map((c) => c.restartCount)));
    evidence.push(`${injector.name} in ${injector.namespace}: ${injector.pods.length - notReady.length}/${injector.pods.length} pods ready${restarts > 0 ? `, ${restarts} restarts` : ''}`);
    if (why !== undefined) evidence.push(`log ${injector.namespace}/${injector.logs[0]?.pod ?? injector.name}: ${why}`);
  }
  const state = injector === undefined ? '' : down ? `; ${injector.name} in namespace ${injector.namespace} is down (${notReady.length}/${injector.pods.length} pods not ready)` : `; ${injector.name} in namespace ${injector.namespace}: ${injector.pods.length - notReady.length}/${injector.pods.length} pods ready`;
  const injectorName = injector?.name ?? missed.home.name;
  return [
    {
      id: `missed-injection/${missed.home.name}`,
      kind: 'missed-injection',
      title: `${formatPodShare(ev, failing.length)} admitted without ${missed.injector}'s containers (${missed.containers.join(', ')}): the webhook did not inject them${state}`,
      layer: 'container/process',
      severity: severityForPods(ev, failing.length),
      confidence: injectedPeers.length > 0 || down ? 'high' : 'medium',
      evidence,
      ...(why !== undefined ? { decisive: why } : own !== undefined ? { decisive: own } : {}),
      likelyCause: `The pods ask ${missed.injector} for its containers (${missed.askedBy}) and were created without them: its webhook was not answering when they were admitted, and a failurePolicy of Ignore let them through. They fail on what those containers provide; ${injectedPeers.length > 0 ? 'the older pods, injected, keep running. ' : ''}Their revision is not at fault: any pod admitted now comes up the same way.`,
      nextAction: `Restore ${injectorName}${why !== undefined ? ' (its log says why it fails)' : ''}, then delete the uninjected pods (${names.join(', ')}) so they are re-admitted with its containers.`,
      fix: `restore ${injectorName}, then delete the uninjected pods so they are re-created with its containers`,
      outsideWorkload: `${missed.injector} adds its containers at admission, to pods of any revision alike`,
      confirmCommands: [
        describePodCommand(ev.target, names[0] ?? ''),
        ...(injector !== undefined ? [formatKubectl({ ...ev.target, namespace: injector.namespace }, `logs ${injector.logs[0]?.pod ?? `deploy/${injector.name}`} --tail=50`)] : []),
        formatKubectl(ev.target, 'get mutatingwebhookconfigurations -o custom-columns=NAME:.metadata.name,POLICY:.webhooks[*].failurePolicy', 'cluster'),
      ],
      affected: { pods: names, nodes: listNodesOf(failing) },
    },
  ];
}
