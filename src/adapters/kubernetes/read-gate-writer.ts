// The controller that writes a readiness gate the workload's pods wait on (evidence-gate-writer.ts):
// read only when a pod's containers have been ready past the grace while the condition of one of its
// readiness gates does not exist (findLongUnsetGate), and the gate's type names a controller that
// runs as pods (findGateWriter: target-health.elbv2.k8s.aws/… → the AWS Load Balancer Controller).
// One cluster-wide list of its pods by the label its chart and the EKS add-on give them (at most 5:
// it is usually in kube-system, not always), then the log tail of one that is not ready (its last
// run's when it restarts). A failure is its own source, never 'logs'. No Secret is read.
import type { GateWriterEvidence } from '../../domain/triage/evidence-gate-writer.js';
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import { pickComponentLog } from '../../domain/triage/component-down.js';
import { findGateWriter } from '../../domain/triage/gate-owner.js';
import { findLongUnsetGate } from '../../domain/triage/unset-gates.js';
import type { CollectContext } from './collect-context.js';
import { mapForeignPod } from './map-pod.js';
import { pageParams } from './paginate.js';
import { LOG_TAIL_LINES, splitLogLines } from './read-pod-details.js';

const MAX_PODS = 5;
const LIMIT_BYTES = 128_000;

/** The first never-set gate of the workload's pods whose writer runs as pods, if any. */
export function pickGateWriterLead(pods: readonly PodEvidence[], now: string): string | undefined {
  return pods.map((p) => findLongUnsetGate(p, now)).find((g) => g !== undefined && findGateWriter(g) !== undefined);
}

export async function readGateWriter(ctx: CollectContext, pods: readonly PodEvidence[]): Promise<GateWriterEvidence | undefined> {
  const gate = pickGateWriterLead(pods, ctx.now().toISOString());
  const home = gate === undefined ? undefined : findGateWriter(gate);
  if (gate === undefined || home === undefined) return undefined;
  const list = await ctx.reads.list(`${home.name} pods (all namespaces; readiness gate ${gate} is never set)`, 'gateWriter', (cont, limit, o) =>
    ctx.clients.core.listPodForAllNamespaces({ labelSelector: home.labelSelector, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_PODS },
  );
  if (list.failed) return undefined;
  const found = list.items.map((p) => ({ ...mapForeignPod(p), namespace: p.metadata?.namespace ?? '' }));
  const pick = pickComponentLog(found);
  const namespace = found.find((p) => p.name === pick?.pod)?.namespace ?? '';
  const logs: LogEvidence[] = [];
  if (pick !== undefined && namespace !== '') {
    const text = await ctx.reads.one(`${pick.previous ? 'previous' : 'current'} logs of ${namespace}/${pick.pod}/${pick.container} (writes readiness gate ${gate})`, 'gateWriter', (o) =>
      ctx.clients.core.readNamespacedPodLog({ name: pick.pod, namespace, container: pick.container, previous: pick.previous, tailLines: LOG_TAIL_LINES, limitBytes: LIMIT_BYTES }, o),
    );
    if (text !== undefined) logs.push({ pod: pick.pod, container: pick.container, previous: pick.previous, lines: splitLogLines(text) });
  }
  return { gate, name: home.name, labelSelector: home.labelSelector, pods: found, logs, complete: !list.more };
}
