/**
 * An ingress rule that admits a port by NAME resolves that name on each selected pod: when the
 * pods' containers no longer declare it (a revision renamed the port), the rule admits nothing on
 * them. With no other rule admitting the pods' port, every caller the rule meant to let in times
 * out, while the pods stay Ready (the kubelet's probes are always let through) and log nothing.
 */
import type { ContainerPortEvidence, NetworkPolicyEvidence, TriageEvidence } from '../evidence.js';
import type { PolicyRuleEvidence } from '../evidence-policy-rules.js';
import type { Finding } from '../finding.js';
import { describePeer, rulePorts } from '../caller-admission.js';
import { selectsPods } from '../ingress-cutoff.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';

interface DeadRule {
  policy: NetworkPolicyEvidence;
  rule: PolicyRuleEvidence;
  names: string[];
}

const describePort = (p: ContainerPortEvidence): string => (p.name ? `${p.name}:${p.containerPort}` : `${p.containerPort}`);

export function analyzeNamedPortPolicies(ev: TriageEvidence): Finding[] {
  const pods = ev.pods.filter((p) => p.phase === 'Running');
  const policies = (ev.networkPolicies ?? []).filter((p) => p.policyTypes.includes('Ingress') && selectsPods(p, pods));
  // Rules not mapped apart: nothing can be said of their ports.
  if (pods.length === 0 || policies.length === 0 || policies.some((p) => p.ingressRules === undefined)) return [];
  // One of each port the pods declare (every pod of a revision declares the same).
  const ports = [...new Map(pods.flatMap((p) => p.containers.flatMap((c) => c.ports)).map((x) => [describePort(x), x])).values()];
  const declared = new Set(ports.flatMap((p) => (p.name ? [p.name] : [])));
  const rules = policies.flatMap((policy) => (policy.ingressRules ?? []).map((rule) => ({ policy, rule })));
  const dead: DeadRule[] = rules.flatMap(({ policy, rule }) => {
    const names = rule.ports.flatMap((p) => (typeof p.port === 'string' ? [p.port] : []));
    const deadOnly = rule.ports.length > 0 && names.length === rule.ports.length && names.every((n) => !declared.has(n));
    return deadOnly ? [{ policy, rule, names }] : [];
  });
  if (dead.length === 0) return [];
  const live = rules.filter(({ rule }) => !dead.some((d) => d.rule === rule));
  // A port some live rule admits, or may admit, is open: no claim about it.
  const shut = ports.filter((port) => port.protocol === 'TCP' && live.every(({ rule }) => rulePorts(rule, port.containerPort, pods) === 'no'));
  if (shut.length === 0) return [];
  const first = dead[0] as DeadRule;
  const names = unique(dead.flatMap((d) => d.names));
  const peers = unique(dead.flatMap((d) => d.rule.from.map(describePeer)));
  const quoted = names.map((n) => `"${n}"`).join(', ');
  const policyNames = unique(dead.map((d) => d.policy.name));
  const shutText = shut.map(describePort).join(', ');
  const only = shut.length === 1 ? shut[0] : undefined;
  const fix = `allow port ${only ? `"${only.name ?? only.containerPort}" (or ${only.containerPort})` : shutText} in NetworkPolicy ${first.policy.name}'s rule for ${peers.join(', ') || 'its peers'}, or name the container port ${quoted} again`;
  return [{
    id: `network-policy-named-port/${policyNames.join(',')}`,
    kind: 'network-policy',
    title: `NetworkPolicy ${policyNames.join(', ')} admits ${peers.length > 0 ? `${peers.join(', ')} ` : ''}only on port name ${quoted}, which no container of these pods declares (they declare ${ports.map(describePort).join(', ')}): the rule admits nothing, and no rule admits port ${shutText}`,
    layer: 'network/routing',
    severity: 'warning',
    confidence: 'high',
    evidence: [
      ...dead.map((d) => `NetworkPolicy ${d.policy.name}: ingress ${d.rule.from.map(describePeer).join(', ') || 'from anywhere'} on port name ${d.names.map((n) => `"${n}"`).join(', ')}`),
      `container ports of the pods: ${ports.map(describePort).join(', ')}`,
      ...live.map(({ policy, rule }) => `NetworkPolicy ${policy.name}: also admits ${rule.from.map(describePeer).join(', ') || 'anyone'} on ${rule.ports.map((p) => p.port ?? 'every port').join(', ') || 'every port'}`),
    ],
    likelyCause:
      `A policy's named port is resolved on each pod it selects; these pods declare no port named ${quoted} (a revision renamed or dropped it), so the rule that admitted ${peers.join(', ') || 'the callers'} admits nothing and, with no other rule for port ${shutText}, their connections are dropped. ` +
      "The pods stay Ready because the kubelet's probes are always let through; the callers see timeouts in their own logs.",
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; the pods need no restart.`,
    fix,
    confirmCommands: [formatKubectl(ev.target, `get networkpolicy ${first.policy.name} -o yaml`), formatKubectl(ev.target, `get pod ${pods[0]?.name ?? ''} -o jsonpath='{.spec.containers[*].ports}'`)],
    affected: { pods: pods.map((p) => p.name), nodes: listNodesOf(pods) },
  }];
}
