/**
 * DNS allowed over UDP only. An egress NetworkPolicy whose DNS rule names UDP 53 and not TCP 53
 * lets every small answer through; an answer larger than 512 bytes (a headless Service with many
 * ready endpoints: one A record each) comes back truncated (TC bit), the resolver retries over TCP
 * 53, the policy drops it, and that one name's lookups time out (EAI_AGAIN) while every other name
 * resolves. The cluster DNS is fine; the rule lacks TCP 53.
 */
import type { IsoTime, NetworkPolicyEvidence, TriageEvidence } from './evidence.js';
import { parseDependencyError } from './dependency-error-line.js';
import { getPodLabels, matchesLabels } from './service-match.js';
import { unique } from './pod-status.js';

/** The largest DNS answer a resolver takes over UDP without EDNS0 (glibc, musl). */
export const UDP_ANSWER_LIMIT = 512;
/** Header, the question's fixed fields, and one compressed A record. */
const HEADER = 12;
const QUESTION_FIXED = 6;
const A_RECORD = 16;
/** Failed lookups of the name before it counts: one is a blip. */
const MIN_LINES = 2;

export interface DnsUdpOnly {
  /** The policy whose rule allows DNS over UDP only. */
  policy: string;
  createdAt?: IsoTime;
  changedAt?: IsoTime;
  /** The rule as mapped: "to … on UDP/53". */
  rule: string;
  /** The headless Service whose name fails, its FQDN, its endpoints and the size of its answer. */
  service: string;
  name: string;
  endpoints: number;
  bytes: number;
  pods: string[];
  lines: string[];
  /** Another policy of the namespace whose DNS rule allows TCP 53 as well: the rule to copy. */
  example?: string;
}

/** Whether a rule's ports (`UDP/53, TCP/53`, `all ports`, `TCP/*`, `UDP/1-1024`) let `protocol` 53 through; a named port counts as maybe (yes). */
function allows53(rule: string, protocol: 'TCP' | 'UDP'): boolean {
  const ports = / on (.*)$/.exec(rule)?.[1] ?? 'all ports';
  if (ports === 'all ports') return true;
  return ports.split(', ').some((p) => {
    const [proto = '', spec = ''] = p.split('/');
    if (proto !== protocol) return false;
    const range = /^(\d+)-(\d+)$/.exec(spec);
    return spec === '*' || spec === '53' || (range !== null && Number(range[1]) <= 53 && Number(range[2]) >= 53) || !/^\d+(-\d+)?$/.test(spec);
  });
}

function selects(policy: NetworkPolicyEvidence, labels: Record<string, string>): boolean {
  if ((policy.podSelectorExpressions ?? []).length > 0) return true;
  return Object.keys(policy.podSelector).length === 0 || matchesLabels(policy.podSelector, labels);
}

/** A lookup that did not get an answer in time (not one that was told the name does not exist). */
function isLookupTimeout(line: string): boolean {
  return parseDependencyError(line)?.problem === 'dns-unavailable' || /dial tcp [\d.]+:53: i\/o timeout/.test(line);
}

/** The estimated size of the A answer of `name` with `n` addresses. */
export function estimateAnswerBytes(name: string, n: number): number {
  return HEADER + name.length + 2 + QUESTION_FIXED + A_RECORD * n;
}

export function findDnsUdpOnly(ev: TriageEvidence): DnsUdpOnly | undefined {
  const labels = getPodLabels(ev);
  const policies = (ev.networkPolicies ?? []).filter((p) => p.policyTypes.includes('Egress'));
  const mine = policies.filter((p) => selects(p, labels));
  const rules = mine.flatMap((p) => p.egress.map((rule) => ({ policy: p, rule })));
  // Policies add up: TCP 53 allowed by any rule of any of them reaches the DNS.
  if (rules.some((r) => allows53(r.rule, 'TCP'))) return undefined;
  const dnsRule = rules.find((r) => allows53(r.rule, 'UDP'));
  if (dnsRule === undefined) return undefined;
  const failing = ev.logs.flatMap((l) => l.lines.filter(isLookupTimeout).map((line) => ({ pod: l.pod, line })));
  if (failing.length < MIN_LINES) return undefined;
  const ns = ev.target.namespace;
  for (const svc of ev.services.filter((s) => s.headless)) {
    const name = `${svc.name}.${ns}.svc.cluster.local`;
    const named = new RegExp(`(^|[^\\w.-])${svc.name.replace(/[.-]/g, '\\$&')}(\\.${ns}(\\.svc(\\.cluster\\.local)?)?)?\\.?([^\\w.-]|$)`);
    const hits = failing.filter((f) => named.test(f.line));
    if (hits.length < MIN_LINES) continue;
    const endpoints = ev.endpointSlices
      .filter((s) => s.service === svc.name)
      .flatMap((s) => s.endpoints.filter((e) => e.ready || svc.publishNotReadyAddresses).flatMap((e) => e.addresses)).length;
    const bytes = estimateAnswerBytes(name, endpoints);
    if (bytes <= UDP_ANSWER_LIMIT) continue;
    const example = policies.find((p) => !mine.includes(p) && p.egress.some((r) => allows53(r, 'UDP') && allows53(r, 'TCP') && / on (?!all ports)/.test(r)))?.name;
    return {
      policy: dnsRule.policy.name,
      ...(dnsRule.policy.createdAt ? { createdAt: dnsRule.policy.createdAt } : {}),
      ...(dnsRule.policy.changedAt ? { changedAt: dnsRule.policy.changedAt } : {}),
      rule: dnsRule.rule,
      service: svc.name,
      name,
      endpoints,
      bytes,
      pods: unique(hits.map((h) => h.pod)),
      lines: hits.map((h) => h.line),
      ...(example ? { example } : {}),
    };
  }
  return undefined;
}
