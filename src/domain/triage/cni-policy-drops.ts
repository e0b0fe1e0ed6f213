/**
 * Connections that time out because the CNI's own policy drops them. Cilium (and CNIs like it)
 * enforce policies of their own kinds (CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy) that
 * the Kubernetes NetworkPolicy list never shows; the pods stay Ready on a local probe while every
 * SYN to a dependency is dropped. The agent on the caller's node says so: Hubble flow lines with
 * "verdict":"DROPPED" and POLICY_DENIED (or "Policy denied"), and its "Policy Add Request" /
 * "Imported CiliumNetworkPolicy" lines name the policy it enforces. One node's agent log is read
 * (read-node-agents.ts) when the workload's logs show connect timeouts.
 */
import type { LogEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { formatKubectl } from './kubectl-command.js';
import { CONNECT_TIMEOUT } from './node-network.js';
import type { AgentIdentity } from './node-agents.js';
import { unique } from './pod-status.js';

/** A CNI agent that enforces network policy and logs its verdicts: Cilium's. */
export function isPolicyAgent(a: AgentIdentity): boolean {
  return [a.name, a.owner ?? '', ...a.images.map((i) => i.replace(/^.*\//, ''))].some((s) => /\bcilium(?!-operator|-envoy)/i.test(s));
}

/** Timeouts in a ready pod's tail before they are a lead: a blip is not a drop. */
const READY_TIMEOUTS = 3;

/**
 * The node of one ready pod whose current log keeps timing out connecting: its CNI agent may say
 * it drops them (a pod that stays Ready on a local probe). At most one; unready pods that time out
 * only on one node are node-network.ts's lead.
 */
export function pickPolicyDropNodes(pods: readonly PodEvidence[], logs: readonly LogEvidence[]): string[] {
  const timedOut = logs.find((l) => !l.previous && l.lines.filter((x) => CONNECT_TIMEOUT.test(x)).length >= READY_TIMEOUTS && pods.some((p) => p.name === l.pod && p.ready && p.nodeName !== undefined));
  const node = timedOut === undefined ? undefined : pods.find((p) => p.name === timedOut.pod)?.nodeName;
  return node === undefined ? [] : [node];
}

const DENIED = /POLICY_DENIED|Policy denied/i;

export interface PolicyDrops {
  agent: string;
  /** Drop lines that name one of the workload's pods (or its IP). */
  lines: string[];
  direction?: string;
  /** "ledger-db-0 (data) :5432". */
  destination?: string;
  /** CiliumNetworkPolicies of the workload's namespace the agent imported. */
  policies: string[];
}

/** The policy drops the CNI agents log for the workload's pods. */
export function findPolicyDrops(ev: TriageEvidence, pods: readonly PodEvidence[]): PolicyDrops | undefined {
  const names = pods.map((p) => p.name);
  for (const read of ev.nodeAgents ?? []) {
    for (const log of read.logs) {
      const agent = read.agents.find((a) => a.pod.name === log.pod);
      if (agent === undefined || !isPolicyAgent({ name: agent.pod.name, ...(agent.owner ? { owner: agent.owner } : {}), images: agent.pod.containers.map((c) => c.image) })) continue;
      const drops = log.lines.filter((l) => DENIED.test(l) && names.some((n) => l.includes(`"${n}"`) || l.includes(` ${n} `) || l.includes(`=${n}`)));
      if (drops.length === 0) continue;
      const last = drops[drops.length - 1] ?? '';
      const direction = /"traffic_direction":"(\w+)"/.exec(last)?.[1];
      const dst = /"destination":\{[^}]*?"namespace":"([\w-]+)"[^}]*?"pod_name":"([\w.-]+)"/.exec(last);
      const port = /"destination_port":(\d+)/.exec(last)?.[1];
      const ns = ev.target.namespace;
      const policies = unique(log.lines.flatMap((l) => {
        const imported = /ciliumNetworkPolicyName=([\w.-]+)[^\n]*k8sNamespace=([\w-]+)/.exec(l);
        if (imported && imported[2] === ns) return [imported[1] ?? ''];
        const added = /io\.cilium\.k8s\.policy\.name=([\w.-]+) k8s:io\.cilium\.k8s\.policy\.namespace=([\w-]+)/.exec(l);
        return added && added[2] === ns ? [added[1] ?? ''] : [];
      }).filter((p) => p !== ''));
      return {
        agent: `${agent.namespace}/${agent.pod.name}`,
        lines: drops,
        ...(direction ? { direction } : {}),
        ...(dst ? { destination: `${dst[2]} (${dst[1]})${port ? ` port ${port}` : ''}` } : {}),
        policies,
      };
    }
  }
  return undefined;
}

/** The finding's words: state after the title, evidence, cause, action, fix. */
export function tellPolicyDrops(ev: TriageEvidence, d: PolicyDrops, dependency: string) {
  const policy = d.policies.length > 0 ? `CiliumNetworkPolicy ${d.policies.join(', ')}` : 'a Cilium network policy';
  const dir = d.direction ? d.direction.toLowerCase() : 'egress';
  const to = d.destination ?? dependency;
  const sample = (d.lines[d.lines.length - 1] ?? '').slice(0, 400);
  return {
    state: `: Cilium drops them (${dir} POLICY_DENIED, ${policy}${d.policies.length > 0 ? ` in ${ev.target.namespace}` : ''})`,
    evidence: [
      `the Cilium agent ${d.agent} logs ${d.lines.length} DROPPED flow${d.lines.length === 1 ? '' : 's'} from these pods to ${to}: POLICY_DENIED, ${d.direction ?? 'EGRESS'}`,
      `agent log: ${sample}`,
      ...(d.policies.length > 0 ? [`the agent imported ${policy} of namespace ${ev.target.namespace}, which selects these pods`] : []),
    ],
    cause: `Cilium enforces ${policy}, which selects these pods and allows ${dir} only to what it lists; ${to} is not among it, so the agent drops every SYN (DROPPED, POLICY_DENIED) and the connections time out. The pods stay Ready on their local probe. No Kubernetes NetworkPolicy shows it: Cilium's own policy kinds are separate objects. ${dependency} itself can be healthy.`,
    action: `Add an ${dir} rule for ${to} to ${policy} (or remove the policy); confirm with \`hubble observe --verdict DROPPED\` or the agent's log.`,
    fix: `add an ${dir} rule for ${to} to ${policy}`,
    confirm: [formatKubectl(ev.target, 'get ciliumnetworkpolicies'), formatKubectl({ ...ev.target, namespace: d.agent.split('/')[0] ?? 'kube-system' }, `logs ${d.agent.split('/')[1] ?? ''} --tail=200`)],
  };
}
