import type { PodEvidence, TriageEvidence } from '../evidence.js';
import type { Confidence, Finding } from '../finding.js';
import { describeNodeCommand, listPodsCommand } from '../kubectl-command.js';
import { groupBy, isPodFailing, isPodHealthy, severityForPods, unique } from '../pod-status.js';

/**
 * Blast radius: failing replicas concentrated on some nodes while replicas of the same
 * workload on other nodes are healthy point at the node, not the app. Demands a pattern
 * chance would not easily produce: every pod on the bad nodes fails, at least two failing
 * pods per bad node on average, no failures anywhere else, and healthy pods elsewhere.
 */
export function analyzeNodeConcentration(ev: TriageEvidence): Finding[] {
  // Evicted pods are the eviction analyzer's: they say the node was short, not that it breaks pods.
  const scheduled = ev.pods.filter((p) => p.nodeName !== undefined && p.deletionTimestamp === undefined && p.phase !== 'Succeeded' && p.reason !== 'Evicted');
  const byNode = groupBy(scheduled, (p) => p.nodeName ?? '');
  if (byNode.size < 2) return [];

  const badNodes: string[] = [];
  const failing: PodEvidence[] = [];
  const healthy: PodEvidence[] = [];
  for (const [node, pods] of byNode) {
    const down = pods.filter((p) => isPodFailing(p, ev.collectedAt));
    const up = pods.filter((p) => isPodHealthy(p, ev.collectedAt));
    if (down.length === 0) {
      healthy.push(...up);
      continue;
    }
    // A node with a mix of failing and healthy pods of the same workload is no node pattern.
    if (up.length > 0) return [];
    badNodes.push(node);
    failing.push(...down);
  }
  if (badNodes.length === 0 || healthy.length === 0) return [];
  if (failing.length < 2 || failing.length < 2 * badNodes.length) return [];

  // Failing pods that all run a different revision than the healthy ones: the rollout is the likelier cause.
  const failingRevs = unique(failing.map((p) => p.revisionHash ?? '?'));
  const healthyRevs = new Set(healthy.map((p) => p.revisionHash ?? '?'));
  const confounded = failingRevs.every((r) => r !== '?' && !healthyRevs.has(r));
  let confidence: Confidence = failing.length >= 3 && healthy.length >= 2 ? 'high' : 'medium';
  if (confounded) confidence = 'low';

  const healthyNodes = unique(healthy.map((p) => p.nodeName ?? ''));
  const evidence = [
    ...badNodes.map((n) => {
      const pods = byNode.get(n) ?? [];
      return `${n}: ${pods.length}/${pods.length} pods failing (${pods.map((p) => p.name).join(', ')})`;
    }),
    `${healthy.length} pod${healthy.length === 1 ? '' : 's'} on ${healthyNodes.length} other node${healthyNodes.length === 1 ? '' : 's'} healthy (${healthyNodes.slice(0, 3).join(', ')}${healthyNodes.length > 3 ? ', …' : ''})`,
  ];
  if (confounded) evidence.push(`the failing pods also run another revision (${failingRevs.join(', ')}) than the healthy ones`);

  const nodesText = badNodes.join(', ');
  return [
    {
      id: `node-concentration/${badNodes.join('+')}`,
      kind: 'node-concentration',
      title: `Failures concentrated on ${badNodes.length === 1 ? 'node' : 'nodes'} ${nodesText}: ${failing.length} failing there, ${healthy.length} healthy elsewhere`,
      layer: 'node/eviction',
      severity: severityForPods(ev, failing.length),
      confidence,
      evidence,
      likelyCause: confounded
        ? `The failing pods share these nodes but also a newer revision; the rollout explains the pattern as well as the nodes do. Check the revision first.`
        : `The same image and spec run fine on other nodes, so something about ${nodesText} is the likelier cause: node conditions, the container runtime, ` +
          `disk, kernel, or its network (CNI, security groups). Node conditions may still look healthy.`,
      nextAction: confounded
        ? `Compare the failing revision with the healthy one before touching the nodes.`
        : `Mitigate: cordon ${nodesText} and delete the failing pods so they reschedule elsewhere (the bot will not do it). Then investigate the node.`,
      confirmCommands: [
        ...badNodes.slice(0, 2).map((n) => describeNodeCommand(ev.target, n)),
        listPodsCommand(ev.target, ev.workload?.selector),
      ],
      affected: { pods: failing.map((p) => p.name), nodes: badNodes },
    },
  ];
}
