/**
 * nginx that proxies to a name outside the cluster — a cloud load balancer's DNS name
 * (`proxy_pass https://internal-x.eu-west-1.elb.amazonaws.com`) — with a literal proxy_pass and no
 * `resolver` resolves it once, when it loads its config, and keeps those addresses for its whole
 * life. A load balancer's addresses change (AWS replaces ELB/ALB nodes): the long-running pods keep
 * dialing the old ones and time out, while a pod started since resolved the new ones and serves.
 * The signs: the failing lines dial IPs, the mounted config proxies to an outside name with no
 * resolver, and a Ready pod of the workload started after the failing ones does not fail.
 */
import type { IsoTime, PodEvidence, TriageEvidence } from './evidence.js';
import { formatKubectl } from './kubectl-command.js';
import { findStaleOutsideName, findUpstreamIpFailures, type StaleProxyName } from './proxy-upstream-name.js';
import { formatAgo, msBetween } from './time-span.js';

export interface StaleOutsideProxy {
  proxy: StaleProxyName;
  /** The addresses the failing pods dial ("10.1.44.18:443"), most frequent first. */
  addresses: string[];
  olderPods: string[];
  /** Ready pods started after every failing one whose logs dial none of those addresses. */
  newerPods: { name: string; startedAt: IsoTime }[];
  /** When the oldest failing pod started: when nginx last looked the name up. */
  resolvedAt?: IsoTime;
}

function runStart(p: PodEvidence): IsoTime | undefined {
  const starts = p.containers.flatMap((c) => (c.state && 'running' in c.state && c.state.running.startedAt ? [c.state.running.startedAt] : []));
  return starts[0] ?? p.startTime;
}

/** A cloud load balancer's DNS name, whose addresses move without notice. */
function describeHost(host: string): string {
  if (/\.elb\.amazonaws\.com\.?$/i.test(host)) return `the AWS load balancer (ELB/ALB) ${host}`;
  if (/\.cloudapp\.azure\.com\.?$|\.trafficmanager\.net\.?$/i.test(host)) return `the Azure load balancer ${host}`;
  return host;
}

/** The outside name nginx froze at its start, behind connections to `ip` that fail; undefined when the signs are not all there. */
export function findStaleOutsideProxy(ev: TriageEvidence, ip: string, pods: readonly PodEvidence[]): StaleOutsideProxy | undefined {
  if (pods.length === 0) return undefined;
  const proxy = findStaleOutsideName(ev.proxyConnectionConfig ?? [], ev.target.namespace);
  if (proxy === undefined) return undefined;
  const failures = findUpstreamIpFailures(ev.logs, ev.pods);
  if (failures === undefined || !failures.addresses.some((a) => a.startsWith(`${ip}:`))) return undefined;
  const failing = new Set([...pods.map((p) => p.name), ...failures.pods]);
  const starts = ev.pods.filter((p) => failing.has(p.name)).map(runStart);
  if (starts.length === 0 || starts.some((s) => s === undefined)) return undefined;
  const latest = (starts as IsoTime[]).sort().at(-1) as IsoTime;
  const dialed = failures.addresses.map((a) => a.replace(/:\d+$/, ''));
  const newerPods = ev.pods.flatMap((p) => {
    const s = runStart(p);
    if (failing.has(p.name) || !p.ready || s === undefined || msBetween(latest, s) <= 0) return [];
    const lines = ev.logs.filter((l) => l.pod === p.name && !l.previous).flatMap((l) => l.lines);
    return lines.some((l) => dialed.some((d) => l.includes(d))) ? [] : [{ name: p.name, startedAt: s }];
  });
  // Without a pod started since that serves, the name may not have moved: the upstream may be down.
  if (newerPods.length === 0) return undefined;
  const resolvedAt = (starts as IsoTime[]).sort()[0];
  return { proxy, addresses: failures.addresses, olderPods: [...failing], newerPods, ...(resolvedAt ? { resolvedAt } : {}) };
}

/** The finding's words: state after the title, evidence, cause, action, fix. */
export function tellStaleOutsideProxy(ev: TriageEvidence, s: StaleOutsideProxy) {
  const { proxy } = s;
  const what = describeHost(proxy.host);
  const ips = s.addresses.map((a) => a.replace(/:\d+$/, '')).slice(0, 3).join(', ');
  const newer = s.newerPods[0];
  const newerAgo = newer ? formatAgo(newer.startedAt, ev.collectedAt) : 'since';
  const since = s.resolvedAt ? ` (${formatAgo(s.resolvedAt, ev.collectedAt)})` : '';
  const workload = ev.workload !== null ? `${ev.workload.kind.toLowerCase()}/${ev.workload.name}` : undefined;
  const restart = workload !== undefined ? `\`${formatKubectl(ev.target, `rollout restart ${workload}`)}\`` : 'restarting its pods';
  const n = s.olderPods.length;
  return {
    state: `: nginx resolved ${proxy.host} once at its start (no resolver) and still dials its old addresses ${ips}; a pod started ${newerAgo} resolved it afresh and serves`,
    evidence: [
      `ConfigMap ${proxy.configMap} (key ${proxy.key}): ${proxy.directive}; no resolver directive, so nginx looks ${proxy.host} up only when it loads its config`,
      `${n} failing pod${n === 1 ? '' : 's'} (${s.olderPods.slice(0, 3).join(', ')}) started before and keep dialing ${ips}, the addresses ${proxy.host} had then${since}`,
      `pod${s.newerPods.length === 1 ? '' : 's'} started since serve${s.newerPods.length === 1 ? 's' : ''} through the same config: ${s.newerPods.slice(0, 3).map((p) => `${p.name} (started ${formatAgo(p.startedAt, ev.collectedAt)})`).join(', ')}`,
    ],
    cause: `nginx resolves the host of a literal proxy_pass once, when it loads its config, and with no resolver directive never looks again. ${what} changes its addresses (a cloud load balancer replaces its nodes): the pods started before keep dialing the stale addresses ${ips}, which no longer answer, so every request through them times out, while a pod started since resolved the new addresses and serves. Neither the network nor the service behind the load balancer is at fault.`,
    action: `Restart ${workload ?? 'the proxy'} now (${restart}) or reload its nginx (nginx -s reload) so it resolves ${proxy.host} again; durably, add a resolver (the VPC or cluster DNS, with valid= under the record's TTL) and proxy_pass through a variable (or an upstream server with resolve) so nginx re-resolves the name.`,
    fix: `restart ${workload ?? 'the proxy'} (or reload nginx) so it resolves ${proxy.host} again, and add a resolver with proxy_pass through a variable`,
    confirm: [formatKubectl(ev.target, `get configmap ${proxy.configMap} -o yaml`), formatKubectl(ev.target, `exec ${s.newerPods[0]?.name ?? ''} -- getent hosts ${proxy.host}`)],
  };
}
