import type { NetworkPolicyEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { getPodLabels, matchesLabels } from '../service-match.js';
import { HOUR_MS, formatAgo, msBetween } from '../time-span.js';
import { type DependencyError, findDialledAddress, parseDependencyError } from '../dependency-error-line.js';
import { egressAllows, isPublicHostname, rulesForPort } from '../egress-rules.js';
import { type ServiceDnat, findServiceDnatIn, formatEndpoints } from '../service-dnat.js';
import { findProxyVariables } from '../proxy-bypassed.js';

/** A policy changed this recently is a suspect for timeouts that began after it. */
const RECENT_POLICY_MS = 6 * HOUR_MS;

function selects(policy: NetworkPolicyEvidence, labels: Record<string, string>): boolean {
  if (policy.podSelectorExpressions !== undefined && policy.podSelectorExpressions.length > 0) return true; // matched conservatively
  return Object.keys(policy.podSelector).length === 0 || matchesLabels(policy.podSelector, labels);
}

/**
 * NetworkPolicies that restrict this workload's egress, created or changed recently, while its
 * logs show connections timing out (dropped packets look exactly like that). Names the policy,
 * when it appeared, what it still allows, and the dependencies it cuts off.
 */
/** "10.0.65.37:5432" → "5432"; undefined when the dependency names no port. */
const portOf = (dependency: string): string | undefined => /:(\d+)$/.exec(dependency)?.[1];

/** How many lines after a timeout that names no host are read for the URL it was fetching. */
const NEARBY_LINES = 4;
const URL = /\bhttps?:\/\/([a-z0-9.-]+)(?::(\d+))?/i;

/**
 * A timeout that names no host ("Connection timed out after 30001 milliseconds", curl's) is often
 * followed by the line that says what was being fetched ("Failed to download … from https://…"):
 * that URL's host and port are the dependency.
 */
function withNearbyUrl(error: DependencyError | undefined, after: readonly string[]): DependencyError | undefined {
  if (error === undefined || error.dependency !== undefined || error.problem !== 'timeout') return error;
  const m = after.map((l) => URL.exec(l)).find((x) => x !== null);
  if (m == null) return error;
  return { ...error, dependency: `${m[1] ?? ''}:${m[2] ?? (/^https/i.test(m[0]) ? '443' : '80')}` };
}

/** The unready pods that started after the policy: they never ran without it. */
function startedUnder(ev: TriageEvidence, pods: readonly string[], since: string): boolean {
  const own = ev.pods.filter((p) => pods.includes(p.name));
  return own.length > 0 && own.every((p) => p.createdAt !== undefined && msBetween(since, p.createdAt) > 0);
}

export function analyzeNetworkPolicies(ev: TriageEvidence): Finding[] {
  const labels = getPodLabels(ev);
  const timeouts = ev.logs.flatMap((l) => l.lines.map((line, i) => ({ pod: l.pod, line, error: withNearbyUrl(parseDependencyError(line), l.lines.slice(i + 1, i + 1 + NEARBY_LINES)) }))).filter((x) => x.error?.problem === 'timeout' || x.error?.problem === 'dns-unavailable');
  if (timeouts.length === 0) return [];
  const findings: Finding[] = [];
  const egressPolicies = (ev.networkPolicies ?? []).filter((p) => p.policyTypes.includes('Egress') && selects(p, labels));
  // Policies add up: a dependency is cut off only when no rule of any of them allows it.
  const rules = egressPolicies.flatMap((p) => p.egress);
  const deps = unique(timeouts.map((t) => t.error?.dependency).filter((d): d is string => d !== undefined));
  // A name the client dialled at an address its line gives ("dial tcp 203.0.113.9:443"): the ipBlocks see that address.
  const dialled = findDialledAddresses(timeouts);
  const reachOf = (d: string) => {
    const ips = dialled.get(d);
    if (ips === undefined) return egressAllows(rules, d.replace(/:\d+$/, ''), portOf(d));
    const each = ips.map((ip) => egressAllows(rules, ip, portOf(d)));
    return each.every((r) => r === 'no') ? 'no' : each.includes('yes') ? 'yes' : 'maybe';
  };
  const shown = (d: string): string => (dialled.has(d) ? `${d} (dialled at ${(dialled.get(d) ?? []).join(', ')})` : d);
  const cutOff = deps.filter((d) => reachOf(d) === 'no');
  // A rule that allows a Service's ClusterIP allows nothing: the policy sees the endpoints kube-proxy translated it to.
  for (const dnat of deps.map((d) => findServiceDnatIn(ev, d)).filter((d): d is ServiceDnat => d !== undefined)) {
    const policy = egressPolicies.find((p) => p.name === dnat.allowedBy[0]?.policy);
    if (policy !== undefined) findings.push(describeDnatCutOff(ev, policy, dnat, timeouts.filter((t) => t.error?.dependency === dnat.dependency)));
  }
  for (const policy of egressPolicies) {
    const changed = policy.changedAt ?? policy.createdAt;
    if (changed === undefined) continue;
    const recent = msBetween(changed, ev.collectedAt) <= RECENT_POLICY_MS;
    const pods = unique(timeouts.map((t) => t.pod));
    // An older policy is the mechanism when it allows the port to other addresses (the destination moved out of its ranges),
    // or when it cuts off a host of the public internet from pods that all started under it (pods from before kept what they had fetched).
    const isExternal = (d: string): boolean => isPublicHostname(d.replace(/:\d+$/, '')) && !dialled.has(d);
    const external = recent ? [] : cutOff.filter(isExternal);
    // Pods that have a proxy in their env are meant to reach the internet through it: an old policy that lets only it out is by design.
    const proxied = ev.pods.some((p) => pods.includes(p.name) && p.containers.some((c) => findProxyVariables(c, ev.namespaceObjects ?? []) !== undefined));
    const predates = external.length > 0 && !proxied && startedUnder(ev, pods, changed);
    const blocked = recent ? cutOff : predates ? external : cutOff.filter((d) => !isExternal(d) && rulesForPort(policy.egress, portOf(d)).length > 0);
    // A policy with no egress rules of its own denies nothing another policy selecting the same pods allows: alone it names no cut-off.
    const openedByOthers = policy.egress.length === 0 && rules.length > 0;
    if (recent ? blocked.length === 0 && (policy.egress.length > 0 || openedByOthers) : blocked.length === 0) continue;
    const moved = !recent && !predates ? rulesForPort(policy.egress, portOf(blocked[0] ?? '')) : [];
    const podObjects = ev.pods.filter((p) => pods.includes(p.name));
    // A name the pods dialled at an address outside the policy's ranges: the name moved, not the policy.
    const movedName = moved.length > 0 && dialled.has(blocked[0] ?? '') ? (blocked[0] ?? '').replace(/:\d+$/, '') : undefined;
    const allows = openedByOthers ? `no egress of its own, and no other policy allows ${blocked.slice(0, 3).join(', ')}` : policy.egress.length === 0 ? 'no egress at all' : `egress only ${policy.egress.join('; ')}`;
    const verb = policy.changedAt !== undefined ? 'changed' : 'created';
    const last = timeouts[timeouts.length - 1];
    findings.push({
      id: `network-policy/${policy.name}`,
      kind: 'network-policy',
      title: moved.length > 0
        ? `NetworkPolicy ${policy.name} allows port ${portOf(blocked[0] ?? '') ?? '?'} only ${moved.map((r) => r.replace(/ on .*$/, '')).join(', ')}: ${blocked.slice(0, 3).map(shown).join(', ')} is outside it, and connections to it time out`
        : `NetworkPolicy ${policy.name} (${verb} ${formatAgo(changed, ev.collectedAt)}) allows these pods ${allows}: connections to ${blocked.slice(0, 3).join(', ') || 'their dependencies'} time out`,
      layer: 'network/routing',
      severity: podObjects.some((p) => !p.ready) ? severityForPods(ev, podObjects.filter((p) => !p.ready).length) : 'warning',
      confidence: 'high',
      evidence: [
        `NetworkPolicy ${policy.name}: selects ${Object.keys(policy.podSelector).length === 0 ? 'every pod of the namespace' : Object.entries(policy.podSelector).map(([k, v]) => `${k}=${v}`).join(',')}; types ${policy.policyTypes.join(', ')}; ${verb} ${formatAgo(changed, ev.collectedAt)}`,
        ...(policy.egress.length === 0 ? ['egress: none allowed'] : policy.egress.map((r) => `egress: ${r}`)),
        `${timeouts.length} timeout line${timeouts.length === 1 ? '' : 's'} in ${pods.length} pod${pods.length === 1 ? '' : 's'}`,
      ],
      decisive: condenseStructuredLine(last?.line.trim() ?? ''),
      likelyCause: moved.length > 0
        ? `A NetworkPolicy that selects pods for Egress drops every connection it does not allow; dropped packets show up as timeouts, not refusals. ${policy.name} (${verb} ${formatAgo(changed, ev.collectedAt)}) allows this port only ${moved.map((r) => r.replace(/ on .*$/, '')).join(', ')}; ${movedName ? `${movedName} now resolves to ${(dialled.get(blocked[0] ?? '') ?? []).join(', ')}, outside it (its provider moved it to new addresses): nothing needs to have changed in the cluster.` : 'the dependency now answers at an address outside it (a failover, a new subnet or zone).'}`
        : predates
        ? `A NetworkPolicy that selects pods for Egress drops every connection it does not allow; dropped packets show up as timeouts, not refusals. ${policy.name} (${verb} ${formatAgo(changed, ev.collectedAt)}) lets these pods reach no host of the public internet, so ${blocked.join(', ')} cannot be reached. Pods that ran before it kept what they had already fetched; these pods started under it and never got it. Whatever recreated them (a rollout, a restart) only exposed it: any new pod, of any revision, fails the same way.`
        : `A NetworkPolicy that selects pods for Egress drops every connection it does not allow; dropped packets show up as timeouts, not refusals. ${policy.name} appeared shortly before the timeouts${blocked.length > 0 ? ` and does not allow ${blocked.join(', ')}` : ''}.`,
      nextAction: movedName
        ? `Allow the range that holds ${(dialled.get(blocked[0] ?? '') ?? []).join(', ')} (the addresses ${movedName} now uses, as its provider publishes them) on port ${portOf(blocked[0] ?? '') ?? '?'} in ${policy.name}; a rollback does not help, and the pods recover without a restart.`
        : predates
        ? `Allow egress to ${blocked.join(', ')} in ${policy.name} (an ipBlock for its addresses, or an egress proxy or internal mirror that is allowed); a rollback does not help, since any new pod is blocked the same way.`
        : `Add egress rules for ${blocked.join(', ') || 'the dependencies'} to ${policy.name} (or revert it through whoever owns it); the pods recover without a restart.`,
      ...(predates ? { outsideWorkload: `${policy.name} predates these pods: any new pod, of any revision, is cut off from ${blocked[0] ?? 'the host'} the same way`, datesChange: true as const } : {}),
      fix: movedName ? `allow ${movedName}'s new range (${(dialled.get(blocked[0] ?? '') ?? []).join(', ')}) in ${policy.name}` : `allow egress to ${blocked.slice(0, 2).join(', ') || 'the dependencies'} in ${policy.name}`,
      confirmCommands: [formatKubectl(ev.target, `get networkpolicy ${policy.name} -o yaml`), formatKubectl(ev.target, 'get networkpolicy')],
      affected: { pods, nodes: listNodesOf(podObjects) },
    });
  }
  return findings;
}

/** Per host-name dependency that timed out, the addresses its lines say the client dialled. */
function findDialledAddresses(timeouts: ReadonlyArray<{ line: string; error: DependencyError | undefined }>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of timeouts) {
    const dep = t.error?.dependency;
    if (dep === undefined || /^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/.test(dep)) continue;
    const a = findDialledAddress(t.line);
    if (a === undefined || portOf(dep) !== a.port) continue;
    out.set(dep, [...new Set([...(out.get(dep) ?? []), a.ip])]);
  }
  return out;
}

/**
 * An egress rule written for a Service's ClusterIP: the policy is enforced after kube-proxy's DNAT,
 * so the connections leave addressed to the Service's endpoints on its target port, which no rule
 * allows. Names the rule, the endpoints and the rule that would let them through.
 */
function describeDnatCutOff(ev: TriageEvidence, policy: NetworkPolicyEvidence, dnat: ServiceDnat, timeouts: readonly { pod: string; line: string }[]): Finding {
  const changed = policy.changedAt ?? policy.createdAt;
  const verb = policy.changedAt !== undefined ? 'changed' : 'created';
  const pods = unique(timeouts.map((t) => t.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const endpoints = formatEndpoints(dnat.endpoints);
  const to = `${endpoints} on ${dnat.protocol} ${dnat.targetPort}`;
  const blocks = dnat.endpoints.slice(0, 3).map((ip) => `${ip}/32`).join(', ');
  const rule = dnat.allowedBy.find((a) => a.policy === policy.name)?.rule ?? '';
  const last = timeouts[timeouts.length - 1];
  return {
    id: `network-policy/${policy.name}/dnat`,
    kind: 'network-policy',
    title: `NetworkPolicy ${policy.name} allows egress to ${dnat.dependency}, the ClusterIP of Service ${dnat.service}, but NetworkPolicy is enforced after kube-proxy's DNAT: the connections leave addressed to its endpoints ${to}, which no rule allows, and time out`,
    layer: 'network/routing',
    severity: podObjects.some((p) => !p.ready) ? severityForPods(ev, podObjects.filter((p) => !p.ready).length) : 'warning',
    confidence: 'high',
    evidence: [
      `NetworkPolicy ${policy.name}: selects ${Object.keys(policy.podSelector).length === 0 ? 'every pod of the namespace' : Object.entries(policy.podSelector).map(([k, v]) => `${k}=${v}`).join(',')}; types ${policy.policyTypes.join(', ')}${changed === undefined ? '' : `; ${verb} ${formatAgo(changed, ev.collectedAt)}`}`,
      ...policy.egress.map((r) => `egress: ${r}`),
      `Service ${dnat.service}: ${dnat.dependency} → endpoints ${to}`,
      `${timeouts.length} timeout line${timeouts.length === 1 ? '' : 's'} to ${dnat.dependency} in ${pods.length} pod${pods.length === 1 ? '' : 's'}`,
    ],
    decisive: condenseStructuredLine(last?.line.trim() ?? ''),
    likelyCause: `The rule "${rule}" allows the Service's ClusterIP, but kube-proxy rewrites a connection to ${dnat.dependency} to one of the endpoints ${to} before the CNI evaluates NetworkPolicy, so the packets match no rule and are dropped; dropped packets show up as timeouts. Connections opened before the policy survive, new ones (a new pod, a reconnect) cannot open.`,
    nextAction: `Allow egress to the endpoints of ${dnat.service} in ${policy.name} (ipBlock ${blocks}${dnat.endpoints.length > 3 ? ' and the rest' : ''} on ${dnat.protocol} port ${dnat.targetPort}), instead of or besides its ClusterIP; the pods recover without a restart.`,
    fix: `allow egress to ${to} (the endpoints of ${dnat.service}) in ${policy.name}`,
    confirmCommands: [
      formatKubectl(ev.target, `get networkpolicy ${policy.name} -o yaml`),
      formatKubectl({ ...ev.target, namespace: dnat.service.split('/')[0] ?? ev.target.namespace }, `get endpointslices -l kubernetes.io/service-name=${dnat.service.split('/')[1] ?? ''} -o wide`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects) },
  };
}
