/**
 * Pods the kubelet refuses at admission for a sysctl their securityContext sets (SysctlForbidden):
 * a kubelet admits only the safe, namespaced sysctls unless its --allowed-unsafe-sysctls lists
 * the name, and never a network or IPC one for a pod that shares the host's namespace. No
 * container runs; the controller keeps creating replacements that meet the same refusal. The cure
 * is in the pod spec (drop the sysctl) or in the node pool's kubelet configuration, never the image.
 */
import type { PodEvidence, TriageEvidence } from './evidence.js';
import type { Finding } from './finding.js';
import { listPodEvents } from './evidence-lookup.js';
import { describePodCommand, formatKubectl } from './kubectl-command.js';
import { listNodesOf, severityForPods, unique } from './pod-status.js';
import { nodePoolOf } from './node-pool.js';
import { capitalize } from '../text.js';

export const SYSCTL_FORBIDDEN = 'SysctlForbidden';

/** The sysctl names a pod securityContext (compact JSON) sets, as `name=value`. */
export function readTemplateSysctls(securityContext: string | undefined): string[] {
  if (securityContext === undefined) return [];
  try {
    const parsed = JSON.parse(securityContext) as { sysctls?: { name?: string; value?: string }[] };
    return (parsed.sysctls ?? []).map((s) => `${s.name ?? ''}=${s.value ?? ''}`);
  } catch {
    return [];
  }
}

/** The kubelet's words without the pod prefix it sometimes carries ("Pod was rejected: ", "Pod "). */
function trimMessage(message: string): string {
  return message.replace(/^Pod (?:was rejected:\s*)?/i, '').trim();
}

export function describeSysctlRejection(ev: TriageEvidence, rejected: readonly PodEvidence[]): Finding | undefined {
  const first = rejected[0];
  if (first === undefined) return undefined;
  const said = trimMessage(first.message ?? listPodEvents(ev, [SYSCTL_FORBIDDEN], rejected.map((p) => p.name)).at(-1)?.message ?? '');
  const names = unique(rejected.flatMap((p) => [...trimMessage(p.message ?? '').matchAll(/sysctl:? "([^"]+)"/g)].map((m) => m[1] ?? '')));
  const sysctl = names[0] ?? /"([^"]+)"/.exec(said)?.[1];
  const hostShared = /with host (net|ipc)/i.exec(said)?.[1]?.toLowerCase();
  const template = ev.revisions.find((r) => r.hash !== undefined && r.hash === first.revisionHash)?.template;
  const set = readTemplateSysctls(template?.securityContext).filter((s) => sysctl === undefined || s.startsWith(`${sysctl}=`));
  const nodes = listNodesOf(rejected);
  const pools = unique(nodes.flatMap((name) => nodePoolOf(ev.nodes.find((x) => x.name === name)) ?? []));
  const n = `${rejected.length} pod${rejected.length === 1 ? '' : 's'}`;
  const named = sysctl === undefined ? 'a sysctl' : `sysctl ${sysctl}`;
  const where = pools.length > 0 ? `node pool ${pools.join(', ')}` : nodes.length === 1 ? nodes[0] ?? '' : `${nodes.length} nodes`;
  const fix = hostShared !== undefined
    ? `remove ${named} from the pod securityContext (or stop sharing the host's ${hostShared === 'net' ? 'network' : 'IPC'} namespace)`
    : `remove ${named} from the pod securityContext (or allow it with --allowed-unsafe-sysctls on a node pool's kubelets and schedule these pods there)`;
  return {
    id: `placement/kubelet-rejected/${SYSCTL_FORBIDDEN}`,
    kind: 'placement',
    layer: 'capacity',
    severity: severityForPods(ev, rejected.length),
    title: `The kubelet${where ? ` on ${where}` : ''} rejects ${n} at admission (${SYSCTL_FORBIDDEN}): its securityContext sets ${named}, ${hostShared !== undefined ? `which a pod sharing the host's ${hostShared} namespace may not set` : 'not in the kubelet\'s allowed set'}`,
    confidence: 'high',
    evidence: [
      `${n} Failed, ${SYSCTL_FORBIDDEN}: ${said || 'no message'}`,
      ...(set.length > 0 ? [`the pod template's securityContext sets sysctls ${set.join(', ')}`] : []),
      `on ${nodes.slice(0, 3).join(', ')}${nodes.length > 3 ? ', …' : ''}${pools.length > 0 ? ` (node pool ${pools.join(', ')})` : ''}`,
    ],
    decisive: said,
    likelyCause: hostShared !== undefined
      ? `The pod sets ${named} while it shares the host's ${hostShared === 'net' ? 'network' : 'IPC'} namespace, where a pod may not change it; the kubelet rejects the pod at admission, no container runs, and the controller keeps creating replacements that meet the same refusal.`
      : `A kubelet admits only the safe, namespaced sysctls unless its --allowed-unsafe-sysctls lists the name; ${named} is not allowed on these nodes, so the kubelet rejects every pod that sets it at admission. No container runs (not a crash, not the image, not capacity), and the controller keeps creating replacements that meet the same refusal.`,
    nextAction: `${capitalize(fix)}; then delete the Failed pods.`,
    fix,
    confirmCommands: [
      describePodCommand(ev.target, first.name),
      formatKubectl(ev.target, `get pods --field-selector status.phase=Failed -o wide`),
      ...nodes.slice(0, 1).map((node) => formatKubectl(ev.target, `get --raw /api/v1/nodes/${node}/proxy/configz`, 'cluster')),
    ],
    affected: { pods: rejected.map((p) => p.name), nodes },
  };
}
