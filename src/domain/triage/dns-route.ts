/**
 * Where the cluster DNS sends a name outside the cluster. CoreDNS answers a name from the server
 * block of the most specific zone that contains it (`service.consul:53 { forward . 10.0.40.10:8600 }`),
 * else from the root block, which usually forwards to the node's resolver. When a stub domain's
 * block is removed, its names go to that default upstream, which knows nothing of them and answers
 * NXDOMAIN ("no such host") — nothing in the workload or the dependency changed. A senior SRE
 * reads the Corefile and when it was last edited before blaming the name.
 */
import { parseDependencyError } from './dependency-error-line.js';
import { isClusterName } from './cluster-dns-bypass.js';
import { dnsDeploymentOf } from './dns-capacity.js';
import type { ClusterDnsEvidence, IsoTime, LogEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import type { DnsConfigEvidence } from './evidence-dns-config.js';
import { findOnset } from './failure-onset.js';
import { MINUTE_MS, formatAgo, msBetween } from './time-span.js';
import { TRIGGER_WINDOW_MS } from './trigger-window.js';

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** A dotted name no cluster DNS zone owns: asked of the Corefile's forwards, not of the kubernetes plugin. */
function isOutsideName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h.includes('.') && !IPV4.test(h) && !/\.svc(\.|$)/.test(h) && !h.endsWith('.cluster.local') && !h.endsWith('.local');
}

/** Whether any lookup in these logs answers "no such host", of a name outside the cluster or of a Service's. */
function hasNxdomain(logs: readonly LogEvidence[]): boolean {
  return logs.some((l) => l.lines.some((line) => parseDependencyError(line)?.problem === 'dns-missing'));
}

/**
 * Worth one get of the DNS's ConfigMap (its name, "coredns"): lookups answer NXDOMAIN — of an
 * outside name (where its Corefile sends it), or of a cluster name (how long its cache keeps a
 * denial: dns-denial-cache.ts).
 */
export function needsDnsConfig(logs: readonly LogEvidence[], dns: ClusterDnsEvidence | undefined): string | undefined {
  if (dns === undefined || dns.pods.length === 0) return undefined;
  return hasNxdomain(logs) ? dnsDeploymentOf(dns.pods) ?? 'coredns' : undefined;
}

/** A server block of the Corefile: its zones and where its `forward` sends them. */
export interface CorefileBlock {
  zones: string[];
  forward?: string;
}

/** Top-level server blocks (`service.consul:53 {`, `.:53 {`), with their forward plugin's targets. */
export function parseCorefile(corefile: string): CorefileBlock[] {
  const blocks: CorefileBlock[] = [];
  let depth = 0;
  let current: CorefileBlock | undefined;
  for (const raw of corefile.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    if (depth === 0 && line.endsWith('{')) {
      const zones = line.slice(0, -1).trim().split(/\s+/).map((k) => k.replace(/^[a-z]+:\/\//, '').replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase() || '.');
      current = { zones: zones.map((z) => (z === '' ? '.' : z)) };
      blocks.push(current);
    } else if (depth === 1 && current !== undefined && /^forward\s/.test(line)) {
      current.forward = line.replace(/\s*\{$/, '').split(/\s+/).slice(2).join(' ');
    }
    depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
    if (depth <= 0) depth = 0;
  }
  return blocks;
}

/** The block that answers a name: the longest zone containing it, else the root. */
export function findServingBlock(blocks: readonly CorefileBlock[], host: string): { zone: string; block: CorefileBlock } | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  let best: { zone: string; block: CorefileBlock } | undefined;
  for (const block of blocks) {
    for (const zone of block.zones) {
      const fits = zone === '.' || h === zone || h.endsWith(`.${zone}`);
      if (fits && (best === undefined || best.zone === '.' || (zone !== '.' && zone.length > best.zone.length))) best = { zone, block };
    }
  }
  return best;
}

export interface DnsRouteDiagnosis {
  state: string;
  evidence: string[];
  /** Set when the Corefile was edited shortly before the lookups began failing: the trigger to test. */
  cause?: string;
  action?: string;
  fix?: string;
  confirm: string[];
  /** Set with `cause`: the state dates the Corefile's edit. */
  datesChange?: true;
}

/** An edit this long before the failures began (or after) is a trigger worth testing. */
const TRIGGER_BEFORE_MS = TRIGGER_WINDOW_MS;

/**
 * What the Corefile does with an outside name that answers NXDOMAIN: no block of its own sends it
 * to the default upstream. When the Corefile was edited just before the failures began, that edit
 * is the candidate trigger (a removed stub domain); otherwise only the route is told.
 */
export function diagnoseDnsRoute(ev: TriageEvidence, host: string, pods: readonly PodEvidence[]): DnsRouteDiagnosis | undefined {
  const config: DnsConfigEvidence | undefined = ev.dns?.config;
  if (config === undefined || !isOutsideName(host) || isClusterName(ev, host)) return undefined;
  const blocks = parseCorefile(config.corefile);
  const serving = findServingBlock(blocks, host);
  if (serving === undefined) return undefined;
  const where = `${config.namespace}/${config.name}`;
  const confirm = [`kubectl -n ${config.namespace} get configmap ${config.name} -o yaml --show-managed-fields`];
  if (serving.zone !== '.') {
    return { state: '', evidence: [`the cluster DNS Corefile (${where}) sends ${serving.zone} to ${serving.block.forward ?? 'its own server block'}, which answers that ${host} does not exist`], confirm };
  }
  const upstream = serving.block.forward ?? 'the root block';
  const route = `the Corefile of the cluster DNS (${where}) has no server block for ${host} or any domain above it, so CoreDNS sends it to the default upstream (forward . ${upstream})`;
  const onset = findOnset(ev, pods);
  const changed = config.changedAt;
  const edited = changed !== undefined && onset !== undefined && msBetween(changed, onset) >= -5 * MINUTE_MS && msBetween(changed, onset) <= TRIGGER_BEFORE_MS;
  const evidence = [route, `ConfigMap ${where} last changed ${changed === undefined ? '(time unknown)' : formatAgo(changed, ev.collectedAt)}`];
  if (!edited || changed === undefined) return { state: '', evidence, confirm };
  return {
    state: `: ${route}; that Corefile was edited ${formatAgo(changed, ev.collectedAt)}, just before the lookups began failing`,
    datesChange: true,
    evidence,
    cause: `The cluster DNS answers ${host} with NXDOMAIN since its Corefile (ConfigMap ${where}) was edited ${formatAgo(changed, ev.collectedAt)}: no server block routes that domain to the resolver that knows it any more (a stub domain's block, "<zone>:53 { forward . … }", removed or changed in that edit), so the default upstream answers that it does not exist. Neither this workload nor its dependency changed.`,
    action: `Compare the Corefile in ${where} with its previous version (Git, or the last-applied annotation) and restore the server block that forwarded ${host}'s domain to its own DNS servers; CoreDNS reloads it by itself. Do not roll back this workload.`,
    fix: `restore the Corefile's server block that forwarded ${host}'s domain to its DNS servers (ConfigMap ${where})`,
    confirm: [...confirm, `kubectl -n ${config.namespace} logs -l k8s-app=kube-dns --tail=50 | grep -i reload`],
  };
}
