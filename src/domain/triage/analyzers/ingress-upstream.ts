import type { TriageEvidence } from '../evidence.js';
import type { Finding, FindingKind } from '../finding.js';
import { type UpstreamErrors, findUpstreamErrors, isConnectTimeout } from '../ingress-upstream-errors.js';
import { formatKubectl } from '../kubectl-command.js';
import { formatAgo } from '../time-span.js';
import { findAbruptShutdown } from '../abrupt-shutdown.js';
import { type RateLimitRefusals, findRateLimitRefusals } from '../ingress-rate-limit.js';
import { capitalize } from '../../text.js';

interface Reading {
  /** What it means, in a clause for the title. */
  short: string;
  /** What nginx's message means. */
  cause: string;
  /** The fix in a few words. */
  fix: string;
  /** The setting to check. */
  setting: string;
}

/** nginx's own words for why it could not pass an upstream's answer on, and the knob that governs each. */
const READINGS: readonly { test: RegExp | ((message: string) => boolean); read: (svc: string) => Reading }[] = [
  {
    test: /too big header/i,
    read: (svc) => ({
      short: `${svc}'s response headers outgrew nginx's proxy-buffer-size (4k by default)`,
      cause: `${svc}'s response headers (large or many Set-Cookie headers, typically) no longer fit the buffer nginx reads an upstream's response headers into, proxy-buffer-size (4k by default), so the controller drops the answer and returns 502 though the pod answered`,
      fix: `raise proxy-buffer-size for ${svc} (annotation nginx.ingress.kubernetes.io/proxy-buffer-size: "16k" on its Ingress, or proxy-buffer-size in the controller ConfigMap), or make the response headers smaller`,
      setting: 'proxy-buffer-size',
    }),
  },
  {
    // Checked before the slow answer below: nginx never got a connection open, so no read timeout applies.
    test: isConnectTimeout,
    read: (svc) => ({
      short: `its connections to ${svc}'s pods never open (packets dropped on the way), not a slow answer`,
      cause: `nginx timed out opening the TCP connection to ${svc}'s pods (proxy-connect-timeout, 5s by default): the handshake got no answer at all, so the packets are dropped on the way — a NetworkPolicy that selects the pods and does not admit the controller, a security group or firewall between nodes — or the addresses are stale; a slow answer times out "while reading response header from upstream" instead`,
      fix: `find what drops the controller's packets to ${svc}'s pods — the NetworkPolicies that select them (do they admit the controller's namespace and pods?), the nodes' security groups; raising proxy-read-timeout will not help`,
      setting: 'proxy-connect-timeout',
    }),
  },
  {
    test: /upstream timed out/i,
    read: (svc) => ({
      short: `${svc} answers slower than proxy-read-timeout`,
      cause: `${svc} takes longer to answer than the controller waits (proxy-read-timeout, 60s by default), so it returns 504`,
      fix: `find why ${svc} answers slowly, or raise nginx.ingress.kubernetes.io/proxy-read-timeout on its Ingress`,
      setting: 'proxy-read-timeout',
    }),
  },
  {
    test: /prematurely closed|reset by peer/i,
    read: (svc) => ({
      short: `${svc} closes keep-alive connections the controller reuses`,
      cause: `${svc} closes connections the controller still reuses: its keep-alive timeout is shorter than the controller's upstream-keepalive-timeout (60s by default), or it drops requests mid-answer`,
      fix: `make ${svc}'s keep-alive timeout longer than the controller's upstream-keepalive-timeout`,
      setting: 'upstream-keepalive-timeout',
    }),
  },
  {
    test: /connection refused/i,
    read: (svc) => ({
      short: `nothing listens on ${svc}'s target port`,
      cause: `nothing accepts connections on ${svc}'s target port at the addresses the controller sends to`,
      fix: `check that ${svc}'s Service targetPort is the port its container listens on`,
      setting: 'targetPort',
    }),
  },
];

/** The refused and cut tries went to pods being deleted that had already exited on SIGTERM: no port or keep-alive fault. */
function readStoppingPods(svc: string): Reading {
  return {
    short: `it sends to ${svc} pods that already exited on SIGTERM while being deleted`,
    cause: `the addresses the controller tried belong to ${svc} pods being deleted that had already exited on SIGTERM, before the endpoint update reached the controller`,
    fix: `add a preStop sleep of a few seconds to ${svc}'s pods and shut down gracefully on SIGTERM`,
    setting: 'upstream',
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function statusCounts(u: UpstreamErrors): string {
  const by = new Map<number, number>();
  for (const f of u.failed) if (f.status !== undefined) by.set(f.status, (by.get(f.status) ?? 0) + 1);
  return [...by.entries()].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${n}× ${s}`).join(', ');
}

/**
 * Users get 5xx from the ingress controller for the workload's own upstream while its pods may
 * look fine: the controller's log says so, and its error line says why (a response header larger
 * than its buffer, an upstream timeout, a closed keep-alive connection).
 */
export function analyzeIngressUpstream(ev: TriageEvidence): Finding[] {
  const limited = findRateLimitRefusals(ev);
  return [...analyzeUpstreamErrors(ev), ...(limited ? [rateLimitFinding(ev, limited)] : [])];
}

/**
 * The controller refuses a client's requests to the workload itself, before any upstream: an
 * Ingress rate limit (limit_req / limit_conn zone) throttles that client, and the pods never see
 * the refused requests (ingress-rate-limit.ts).
 */
function rateLimitFinding(ev: TriageEvidence, r: RateLimitRefusals): Finding {
  const svc = ev.target.name;
  const top = r.clients[0];
  const who = r.clients.length === 1 ? `client ${top?.address ?? ''}` : `${r.clients.length} clients (most ${top?.address ?? ''}, ${top?.refused ?? 0})`;
  const codes = r.statuses.length > 0 ? r.statuses.join('/') : '503';
  const words = r.annotation === 'limit-connections' ? 'limiting connections' : 'limiting requests';
  const ing = r.ingress ? `Ingress ${r.ingress}'s ` : 'an Ingress ';
  const title = `${r.controller} rate limit throttles ${who} to ${svc}: ${ing}nginx.ingress.kubernetes.io/${r.annotation} (zone "${r.zones[0] ?? ''}") refuses ${plural(r.refused, 'request')} with ${codes} since ${formatAgo(r.first, ev.collectedAt)}, before they reach the pods`;
  const ctl = { ...ev.target, namespace: r.namespace };
  const fix = `exempt ${top?.address ?? 'the client'} with nginx.ingress.kubernetes.io/limit-whitelist on ${r.ingress ? `Ingress ${r.ingress}` : 'the Ingress'}, or raise ${r.annotation} (and limit-burst-multiplier) to the rate that client legitimately sends`;
  const grep = `logs ${r.pods[0] ?? ''} --tail=500 | grep -E 'limiting (requests|connections)'`;
  return {
    id: `ingress-upstream/rate-limit/${r.zones[0] ?? svc}`,
    kind: 'ingress-upstream',
    title,
    layer: 'network/routing',
    severity: 'warning',
    confidence: 'high',
    decisive: words,
    evidence: [
      ...r.lines.map((l) => `log ${r.namespace}/${l.pod}: ${l.line}`),
      `${r.controller} pods read: ${r.pods.join(', ')} (namespace ${r.namespace}); ${plural(r.refused, 'request')} refused by the rate limit in the last hour, answered ${codes} with no upstream, from ${r.clients.map((c) => `${c.address} (${c.refused})`).join(', ')}, whose other ${plural(r.served, 'request')} reached ${svc}`,
    ],
    likelyCause: `The ${r.controller} controller rejects the excess of ${who}'s requests with ${codes} by the rate limit of ${ing}${r.annotation} annotation (nginx limit_req zone "${r.zones[0] ?? ''}", counted per client address): clients behind one address (a partner's NAT, a proxy) exceed it together. The pods are healthy; they just see less of that traffic.`,
    nextAction: `${capitalize(fix)}. Check with \`${formatKubectl(ctl, grep)}\`.`,
    fix,
    onset: r.first,
    confirmCommands: [
      formatKubectl(ctl, grep),
      formatKubectl(ev.target, r.ingress ? `get ingress ${r.ingress} -o yaml | grep limit-` : 'get ingress -o yaml | grep limit-'),
    ],
    affected: { services: [svc] },
  };
}

function analyzeUpstreamErrors(ev: TriageEvidence): Finding[] {
  const u = findUpstreamErrors(ev);
  if (u === undefined) return [];
  const svc = ev.target.name;
  const upstream = u.upstreams[0];
  const lastError = u.errors.at(-1);
  const message = lastError?.message;
  const stopping = findAbruptShutdown(ev) !== undefined ? readStoppingPods(svc) : undefined;
  const reading = stopping ?? (message === undefined ? undefined : READINGS.find((r) => (typeof r.test === 'function' ? r.test(message) : r.test.test(message)))?.read(svc));
  const counts = statusCounts(u);
  const failedCount = Math.max(u.failed.length, u.errors.length);
  const first = [...u.failed, ...u.errors].map((f) => f.at).sort()[0] ?? ev.collectedAt;
  const share = u.requests > 0 && u.failed.length > 0 ? `${u.failed.length} of ${u.requests} requests` : plural(failedCount, 'failed request');
  const statuses = counts === '' ? '' : ` (${counts})`;
  const codes = [...new Set(u.failed.map((f) => f.status))].sort().join('/');
  const said = message === undefined ? '' : `: "${message}"`;
  const fails = codes === '' ? `fails ${share} to ${svc}` : `answers ${share} to ${svc} with ${codes}`;
  const title = `${u.controller} ${fails}${upstream ? ` (upstream ${upstream})` : ''} since ${formatAgo(first, ev.collectedAt)}${said}${reading ? ` — ${reading.short}` : ''}`;
  const ctl = { ...ev.target, namespace: u.namespace };
  const grepFor = upstream ?? svc;
  const fix = reading?.fix ?? `find why ${u.controller} fails requests to ${svc}: its log names the upstream and the error`;
  const kind: FindingKind = 'ingress-upstream';
  return [
    {
      id: `${kind}/${upstream ?? svc}`,
      kind,
      title,
      layer: 'network/routing',
      // Most requests failing is an outage for users, whatever the pods' status says.
      severity: u.requests === 0 || u.failed.length * 2 >= u.requests ? 'critical' : 'warning',
      confidence: reading ? 'high' : 'medium',
      ...(message ? { decisive: message } : {}),
      evidence: [
        ...u.errors.slice(-2).map((e) => `log ${u.namespace}/${e.pod}: ${e.line}`),
        ...u.failed.slice(-2).map((f) => `log ${u.namespace}/${f.pod}: ${f.line}`),
        `${u.controller} pods read: ${u.pods.join(', ')} (namespace ${u.namespace}); ${plural(u.failed.length, 'answer')} 5xx${statuses} of ${plural(u.requests, 'request')} to ${svc} in the last hour`,
      ],
      likelyCause: reading
        ? `${reading.cause.charAt(0).toUpperCase()}${reading.cause.slice(1)}. Users get the controller's error even though the pods are up.`
        : `The ingress controller answers users with 5xx for ${svc}'s upstream; its error log (or the pods' own log) says why.`,
      nextAction: `${capitalize(fix)}. Check with \`${formatKubectl(ctl, `logs ${u.pods[0] ?? ''} --tail=500 | grep ${grepFor}`)}\`.`,
      fix,
      onset: first,
      confirmCommands: [
        formatKubectl(ctl, `logs ${u.pods[0] ?? ''} --tail=500 | grep ${grepFor}`),
        formatKubectl(ev.target, 'get ingress -o yaml'),
        ...(reading ? [formatKubectl(ctl, `get configmap -o yaml | grep ${reading.setting}`)] : []),
      ],
      affected: { services: u.upstreams.length > 0 ? u.upstreams : [svc] },
    },
  ];
}
