/**
 * Whether the workload's ingress NetworkPolicies admit one caller: its namespace (by name and
 * labels), its pods' labels and addresses, on the port it calls. Policies add up: once any policy
 * selects the pods for Ingress, a connection is let through only when some rule of some such
 * policy admits it; the rest are dropped, so the caller's connect times out. When none admits it,
 * the peer that names the caller most nearly (its namespace's name in a namespaceSelector, its
 * pods' labels in a podSelector) says which selector term fails: a label the namespace lost.
 */
import type { NetworkPolicyEvidence, PodEvidence } from './evidence.js';
import type { LabelSelectorEvidence, PolicyPeerEvidence, PolicyPortEvidence, PolicyRuleEvidence } from './evidence-policy-rules.js';
import { type Reach, cidrContains } from './egress-rules.js';
import { matchesLabels } from './service-match.js';

export interface PolicyCaller {
  namespace: string;
  namespaceLabels: Record<string, string>;
  podLabels: Record<string, string>;
  ips: readonly string[];
}

/** A selector term the caller does not meet: `name=ingress-nginx` wanted, the label absent (or `have`). */
export interface UnmetTerm {
  on: 'namespace' | 'pod';
  /** The term as a selector writes it: "name=ingress-nginx", "team in (edge,platform)". */
  term: string;
  key: string;
  /** The caller's value for the key; absent when it lacks the label. */
  have?: string;
}

export interface NearestPeer {
  policy: NetworkPolicyEvidence;
  peer: PolicyPeerEvidence;
  /** Every term of the peer the caller fails. */
  unmet: UnmetTerm[];
  /** The peer has no namespaceSelector: it admits only pods of the policy's own namespace. */
  ownNamespaceOnly?: true;
}

export interface CallerAdmission {
  /** The Ingress policies that select the pods. */
  policies: NetworkPolicyEvidence[];
  admitted: Reach;
  /** When not admitted: the peer written for this caller, whose term fails. */
  nearest?: NearestPeer;
}

const and = (a: Reach, b: Reach): Reach => (a === 'no' || b === 'no' ? 'no' : a === 'yes' && b === 'yes' ? 'yes' : 'maybe');
const any = (each: readonly Reach[]): Reach => (each.includes('yes') ? 'yes' : each.includes('maybe') ? 'maybe' : 'no');

function expressionTerm(e: { key: string; operator: string; values?: string[] }): string {
  const values = (e.values ?? []).join(',');
  if (e.operator === 'In') return `${e.key} in (${values})`;
  if (e.operator === 'NotIn') return `${e.key} notin (${values})`;
  if (e.operator === 'Exists') return e.key;
  if (e.operator === 'DoesNotExist') return `!${e.key}`;
  return `${e.key} ${e.operator} (${values})`;
}

/** The terms of a selector the labels fail; undefined when an operator is one we cannot judge. */
function unmetTerms(sel: LabelSelectorEvidence, labels: Record<string, string>, on: UnmetTerm['on']): UnmetTerm[] | undefined {
  const out: UnmetTerm[] = [];
  const have = (key: string) => (labels[key] === undefined ? {} : { have: labels[key] });
  for (const [key, want] of Object.entries(sel.matchLabels)) if (labels[key] !== want) out.push({ on, term: `${key}=${want}`, key, ...have(key) });
  for (const e of sel.matchExpressions ?? []) {
    const v = labels[e.key];
    const values = e.values ?? [];
    let ok: boolean;
    if (e.operator === 'In') ok = v !== undefined && values.includes(v);
    else if (e.operator === 'NotIn') ok = v === undefined || !values.includes(v);
    else if (e.operator === 'Exists') ok = v !== undefined;
    else if (e.operator === 'DoesNotExist') ok = v === undefined;
    else return undefined;
    if (!ok) out.push({ on, term: expressionTerm(e), key: e.key, ...have(e.key) });
  }
  return out;
}

function selectorReach(sel: LabelSelectorEvidence, labels: Record<string, string>): Reach {
  const unmet = unmetTerms(sel, labels, 'pod');
  return unmet === undefined ? 'maybe' : unmet.length === 0 ? 'yes' : 'no';
}

function peerReach(peer: PolicyPeerEvidence, policyNamespace: string, caller: PolicyCaller): Reach {
  if (peer.ipBlock) {
    const { cidr, except = [] } = peer.ipBlock;
    const each = caller.ips.map((ip): Reach => {
      const inside = cidrContains(cidr, ip);
      if (inside === undefined) return 'maybe';
      return inside && !except.some((c) => cidrContains(c, ip) === true) ? 'yes' : 'no';
    });
    return each.length === 0 ? 'maybe' : any(each);
  }
  const ns: Reach = peer.namespaceSelector ? selectorReach(peer.namespaceSelector, caller.namespaceLabels) : caller.namespace === policyNamespace ? 'yes' : 'no';
  const pods: Reach = peer.podSelector ? selectorReach(peer.podSelector, caller.podLabels) : 'yes';
  return and(ns, pods);
}

function portReach(p: PolicyPortEvidence, port: number | undefined, pods: readonly PodEvidence[]): Reach {
  if (p.protocol !== 'TCP') return 'no';
  if (p.port === undefined) return 'yes';
  if (port === undefined) return 'maybe';
  if (typeof p.port === 'string') {
    // A named port is the number the pods' containers give that name.
    const numbers = pods.flatMap((pod) => pod.containers.flatMap((c) => c.ports.filter((cp) => cp.name === p.port).map((cp) => cp.containerPort)));
    return numbers.length === 0 ? 'maybe' : numbers.includes(port) ? 'yes' : 'no';
  }
  return port === p.port || (p.endPort !== undefined && port >= p.port && port <= p.endPort) ? 'yes' : 'no';
}

/** Whether the rule admits the port (a number, or a name the pods' containers resolve; a range up to endPort; TCP). */
export function rulePorts(rule: PolicyRuleEvidence, port: number | undefined, pods: readonly PodEvidence[]): Reach {
  return rule.ports.length === 0 ? 'yes' : any(rule.ports.map((p) => portReach(p, port, pods)));
}

/** Whether one ingress rule admits the caller on the port (a named port resolved through the pods' containers). */
export function ruleReach(rule: PolicyRuleEvidence, policyNamespace: string, caller: PolicyCaller, port: number | undefined, pods: readonly PodEvidence[]): Reach {
  const from = rule.from.length === 0 ? 'yes' : any(rule.from.map((p) => peerReach(p, policyNamespace, caller)));
  return and(from, rulePorts(rule, port, pods));
}

/** Whether the policy selects the pods: 'maybe' for a podSelector with expressions (not matched here). */
function selectsPods(policy: NetworkPolicyEvidence, pods: readonly PodEvidence[]): Reach {
  if (policy.podSelectorExpressions?.length) return 'maybe';
  if (Object.keys(policy.podSelector).length === 0) return 'yes';
  return pods.some((p) => matchesLabels(policy.podSelector, p.labels)) ? 'yes' : 'no';
}

/** A selector with at least one term: it picks some, not all. */
function selectsSome(sel: LabelSelectorEvidence | undefined): boolean {
  return sel !== undefined && Object.keys(sel.matchLabels).length + (sel.matchExpressions?.length ?? 0) > 0;
}

/**
 * How nearly a peer names the caller: 2 when its namespaceSelector asks for the caller's own
 * namespace name as a value (written for it, now failing on a label), or its namespace part
 * passes and only the pod part fails; 1 when the pod part passes and only the namespace part
 * fails; 0 when it is about someone else.
 */
function nearness(peer: PolicyPeerEvidence, policyNamespace: string, caller: PolicyCaller): { score: number; found?: Omit<NearestPeer, 'policy'> } {
  if (peer.ipBlock) return { score: 0 };
  const nsUnmet = peer.namespaceSelector ? unmetTerms(peer.namespaceSelector, caller.namespaceLabels, 'namespace') : [];
  const podUnmet = peer.podSelector ? unmetTerms(peer.podSelector, caller.podLabels, 'pod') : [];
  if (nsUnmet === undefined || podUnmet === undefined) return { score: 0 };
  const unmet = [...nsUnmet, ...podUnmet];
  if (!peer.namespaceSelector && caller.namespace !== policyNamespace) {
    // A podSelector alone that matches the caller's pods: written for it, but it admits only this namespace.
    return podUnmet.length === 0 && selectsSome(peer.podSelector) ? { score: 1, found: { peer, unmet, ownNamespaceOnly: true } } : { score: 0 };
  }
  const namesCaller = Object.values(peer.namespaceSelector?.matchLabels ?? {}).includes(caller.namespace) || (peer.namespaceSelector?.matchExpressions ?? []).some((e) => (e.values ?? []).includes(caller.namespace));
  if (nsUnmet.length > 0 && namesCaller) return { score: 2, found: { peer, unmet } };
  if (nsUnmet.length === 0 && podUnmet.length > 0 && selectsSome(peer.namespaceSelector)) return { score: 2, found: { peer, unmet } };
  if (podUnmet.length === 0 && nsUnmet.length > 0 && peer.podSelector) return { score: 1, found: { peer, unmet } };
  return { score: 0 };
}

/**
 * The caller against every Ingress policy of the namespace that selects the pods; undefined when
 * none does (everything is admitted) or a rule is not mapped (no claim without it).
 */
export function checkCallerAdmission(x: { policies: readonly NetworkPolicyEvidence[]; policyNamespace: string; pods: readonly PodEvidence[]; caller: PolicyCaller; port?: number }): CallerAdmission | undefined {
  const ingress = x.policies.filter((p) => p.policyTypes.includes('Ingress'));
  const judged = ingress.map((p) => ({ p, selects: selectsPods(p, x.pods) })).filter((s) => s.selects !== 'no');
  if (judged.length === 0 || judged.some((s) => s.p.ingressRules === undefined)) return undefined;
  const policies = judged.map((s) => s.p);
  const each = judged.map(({ p, selects }): Reach => {
    const admits = any((p.ingressRules ?? []).map((r) => ruleReach(r, x.policyNamespace, x.caller, x.port, x.pods)));
    // A policy that may not select the pods admits no one to them for sure; one that admits none keeps no one out either way.
    return selects === 'maybe' && admits === 'yes' ? 'maybe' : admits;
  });
  // Pods no policy surely selects may not be isolated at all: no claim that anyone is kept out.
  const isolated = judged.some((s) => s.selects === 'yes');
  const admitted = !isolated && any(each) === 'no' ? 'maybe' : any(each);
  if (admitted !== 'no') return { policies, admitted };
  let best: { score: number; nearest?: NearestPeer } = { score: 0 };
  for (const policy of policies) {
    for (const rule of policy.ingressRules ?? []) {
      if (rulePorts(rule, x.port, x.pods) === 'no') continue;
      for (const peer of rule.from) {
        const n = nearness(peer, x.policyNamespace, x.caller);
        if (n.found && n.score > best.score) best = { score: n.score, nearest: { policy, ...n.found } };
      }
    }
  }
  return { policies, admitted, ...(best.nearest ? { nearest: best.nearest } : {}) };
}

/** The peer as a policy writes it: "namespaceSelector name=ingress-nginx", "podSelector app=bff". */
export function describePeer(peer: PolicyPeerEvidence): string {
  const sel = (s: LabelSelectorEvidence) => [...Object.entries(s.matchLabels).map(([k, v]) => `${k}=${v}`), ...(s.matchExpressions ?? []).map(expressionTerm)].join(',') || '{}';
  if (peer.ipBlock) return `ipBlock ${peer.ipBlock.cidr}`;
  return [peer.namespaceSelector ? `namespaceSelector ${sel(peer.namespaceSelector)}` : '', peer.podSelector ? `podSelector ${sel(peer.podSelector)}` : ''].filter(Boolean).join(' + ');
}
