/**
 * New pods get no sandbox network because the API server refuses the CNI plugin: 401 Unauthorized
 * (the token its agent DaemonSet writes into the CNI kubeconfig is no longer accepted, typically
 * after a service-account signing-key rotation or a control-plane change) or 403 Forbidden (its
 * service account lost a permission). Every node's plugin uses the same kind of credentials, so
 * this is not the node's fault: cordoning it moves the pod to a node that refuses it alike.
 */
import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { EventEvidence, NodeAgentsEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { describeAgentState, findNodeAgent } from '../node-agents.js';
import { RECENT_MS, severityForPods, unique } from '../pod-status.js';
import { API_UNAUTHORIZED, type SandboxFailure, isCniAgent, isRefusedByApiServer, parseSandboxFailure } from '../sandbox-failure.js';
import { isWithin } from '../time-span.js';

/** The plugin's agent on a read node, with the newest log line where the API server refuses it too. */
function findRefusedAgent(reads: readonly NodeAgentsEvidence[], plugin: string | undefined) {
  if (plugin === undefined) return undefined;
  const found = reads.flatMap((r) => findNodeAgent(r, (a) => isCniAgent(a, plugin)) ?? []);
  const withLine = found.map((f) => ({ ...f, refusal: f.logs.filter((l) => API_UNAUTHORIZED.test(l) || /\bforbidden\b/i.test(l)).at(-1)?.trim() }));
  return withLine.find((f) => f.refusal !== undefined) ?? withLine[0];
}

/** Pods of the namespace outside the workload stuck the same way: the scope the namespace shows. */
function otherPodsRefused(ev: TriageEvidence, own: ReadonlySet<string>): string[] {
  return unique(
    ev.events
      .filter((e) => e.reason === 'FailedCreatePodSandBox' && e.object.kind === 'Pod' && !own.has(e.object.name) && isWithin(e.lastSeen, ev.collectedAt, RECENT_MS))
      .filter((e) => isRefusedByApiServer(parseSandboxFailure(e.message)))
      .map((e) => e.object.name),
  );
}

/** "User "system:serviceaccount:kube-system:calico-cni-plugin" cannot get resource "clusterinformations"": who may not do what. */
function parseForbidden(detail: string): { user: string; verb: string; resource: string } | undefined {
  const m = /User "([^"]+)" cannot (\w+) resource "([^"]+)"/.exec(detail);
  return m ? { user: m[1] ?? '', verb: m[2] ?? '', resource: m[3] ?? '' } : undefined;
}

export function describeRefused(ev: TriageEvidence, pods: PodEvidence[], events: EventEvidence[], failure: SandboxFailure): Finding {
  const n = pods.length;
  const plugin = failure.plugin ? `CNI plugin ${failure.plugin}` : 'the CNI plugin';
  const agent = findRefusedAgent(ev.nodeAgents ?? [], failure.plugin);
  const daemonSet = agent?.agent.owner?.startsWith('DaemonSet ') ? { namespace: agent.agent.namespace, name: agent.agent.owner.slice('DaemonSet '.length) } : undefined;
  const ctx = ev.target.context ? ` --context ${ev.target.context}` : '';
  const restart = daemonSet ? `kubectl -n ${daemonSet.namespace} rollout restart ds/${daemonSet.name}${ctx}` : undefined;
  const agentName = agent ? `${agent.agent.namespace}/${agent.agent.pod.name}` : undefined;
  const others = otherPodsRefused(ev, new Set(pods.map((p) => p.name)));
  const nodes = unique(pods.flatMap((p) => p.nodeName ?? []));
  const stuck = `${n} pod${n === 1 ? '' : 's'} stuck in ContainerCreating${others.length > 0 ? `, and ${others.length} other pod${others.length === 1 ? '' : 's'} of namespace ${ev.target.namespace}` : ''}`;
  const forbidden = failure.kind === 'forbidden' ? parseForbidden(failure.detail) : undefined;
  const refusal = failure.kind === 'forbidden'
    ? `the API server forbids ${plugin}${forbidden ? ` (${forbidden.user}) to ${forbidden.verb} ${forbidden.resource}` : ''}`
    : `the API server rejects ${plugin}'s credentials (Unauthorized)`;
  const evidence = [
    ...collapseEvents(events, { acrossObjects: true }).sort((a, b) => b.count - a.count).slice(0, 2).map((e) => formatEventLine(e, { maxLength: 400 })),
    ...(others.length > 0 ? [`the same refusal for other pods of namespace ${ev.target.namespace}: ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''}`] : []),
    ...(agent ? [`agent ${agentName}${agent.agent.owner ? ` (${agent.agent.owner})` : ''} on ${agent.agent.pod.nodeName ?? 'its node'}: ${describeAgentState(agent.agent.pod).state}`] : []),
    ...(agent?.refusal ? [`log ${agent.agent.pod.name}: ${agent.refusal}`] : []),
  ];
  const agentSays = agent?.refusal ? ` Its agent ${agentName} is ${describeAgentState(agent.agent.pod).state} and is refused too: "${agent.refusal}".` : '';
  const whose = daemonSet ? `its agent DaemonSet ${daemonSet.namespace}/${daemonSet.name}` : 'its agent DaemonSet';
  const why = failure.kind === 'forbidden'
    ? `the API server knows the plugin's service account but its RBAC no longer allows that read (a ClusterRole or binding changed or was removed)`
    : `the plugin calls the API server with the token in its CNI kubeconfig, which ${whose} writes on every node, and the API server no longer accepts it (a service-account signing-key rotation or a control-plane change leaves such tokens stale)`;
  const fix = failure.kind === 'forbidden'
    ? `restore the permission of ${forbidden?.user ?? `${plugin}'s service account`}${forbidden ? ` to ${forbidden.verb} ${forbidden.resource}` : ''} (the CNI's ClusterRole and binding)`
    : `restart ${daemonSet ? `DaemonSet ${daemonSet.namespace}/${daemonSet.name}` : `the agent DaemonSet of ${plugin}`}${restart ? ` (${restart})` : ''} so it writes a fresh token into the CNI kubeconfig`;
  return {
    id: `pod-sandbox/refused/${failure.plugin ?? 'cni'}`,
    kind: 'pod-sandbox',
    title: `New pods on every node get no network (${stuck}): ${refusal}`,
    layer: 'network/routing',
    severity: severityForPods(ev, n),
    confidence: agent?.refusal || others.length > 0 ? 'high' : 'medium',
    evidence,
    decisive: failure.detail,
    likelyCause: `Before any container starts, the kubelet asks ${plugin} to set up the pod's network, and ${why}.${agentSays} So every new pod, of any workload, on any node, fails its sandbox the same way, while running pods keep their network. The node${nodes.length === 1 ? ` (${nodes[0]})` : 's'} and the workload are not at fault: a cordon only moves the pod to a node that refuses it alike.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; the bot will not. The stuck pods then start on the next sandbox retry; neither a cordon nor a rollback helps.`,
    fix,
    outsideWorkload: 'new pods on every node, of any workload and revision, are refused alike',
    everyNode: true,
    confirmCommands: [
      describePodCommand(ev.target, pods[0]?.name ?? ''),
      ...(daemonSet ? [`kubectl logs ds/${daemonSet.name} -n ${daemonSet.namespace} --tail=100${ctx}`] : []),
      formatKubectl(ev.target, 'get events -A --field-selector reason=FailedCreatePodSandBox', 'cluster'),
    ],
    affected: { pods: pods.map((p) => p.name), nodes },
  };
}
